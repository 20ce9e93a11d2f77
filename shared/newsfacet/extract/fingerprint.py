"""Fingerprints of an article's text: a content hash and a near-duplicate simhash. (Its id is
`newsfacet.ids`'s.)"""

from __future__ import annotations

import hashlib
import re

import numpy as np

__all__ = ["content_sha256", "simhash"]

_WORD = re.compile(r"\w+")
_SHINGLE = 3


def content_sha256(text: str) -> str:
    """SHA-256 of the body text (UTF-8), hex: equal bodies, equal hashes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def simhash(text: str) -> str:
    """64-bit SimHash over lower-cased word 3-shingles, as 16 hex digits.

    Near-duplicate texts (a corrected typo, an added paragraph) differ in few bits; compare with the
    Hamming distance of the two integers.
    """
    words = [word.lower() for word in _WORD.findall(text)]
    if not words:
        return "0" * 16
    size = min(_SHINGLE, len(words))
    # The shingles end together: each of the word lists zipped is one word shorter than the last.
    shingles = set(map(" ".join, zip(*(words[start:] for start in range(size)), strict=False)))
    blake2b = hashlib.blake2b
    digests = b"".join([blake2b(shingle.encode("utf-8"), digest_size=8).digest() for shingle in shingles])
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    majority = bits.sum(axis=0, dtype=np.int64) * 2 > len(shingles)
    return np.packbits(majority).tobytes().hex()
