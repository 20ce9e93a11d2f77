"""Fingerprints of an article's text: a content hash and a near-duplicate simhash. (Its id is
`newsfacet.ids`'s.)"""

from __future__ import annotations

import hashlib
import re
from functools import partial

import numpy as np

__all__ = ["content_sha256", "simhash"]

_WORD = re.compile(r"\w+")
_SHINGLE = 3
# Hashing every shingle through `map` keeps the loop in C: a Python loop over them cost ~20 % of
# the simhash (~0.25 ms a WCXB page).
_BLAKE2B_64 = partial(hashlib.blake2b, digest_size=8)
_DIGEST = hashlib.blake2b.digest


def content_sha256(text: str) -> str:
    """SHA-256 of the body text (UTF-8), hex: equal bodies, equal hashes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def simhash(text: str) -> str:
    """64-bit SimHash over lower-cased word 3-shingles, as 16 hex digits.

    Near-duplicate texts (a corrected typo, an added paragraph) differ in few bits; compare with the
    Hamming distance of the two integers.
    """
    words = list(map(str.lower, _WORD.findall(text)))
    if not words:
        return "0" * 16
    size = min(_SHINGLE, len(words))
    # The shingles end together: each of the word lists zipped is one word shorter than the last.
    shingles = set(map(" ".join, zip(*(words[start:] for start in range(size)), strict=False)))
    digests = b"".join(map(_DIGEST, map(_BLAKE2B_64, map(str.encode, shingles))))
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    majority = bits.sum(axis=0, dtype=np.int64) * 2 > len(shingles)
    return np.packbits(majority).tobytes().hex()
