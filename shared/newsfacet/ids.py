"""An article's id, the scheme stores and clients depend on (standard library only: the search
function's reindexing reads it too, and must not load the extraction stack).

- when the page names its canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD `url`), the id is
  `sha256("url\\n" + normalise_url(canonical))`, first 32 hex digits: the same article uploaded under
  two keys, or fetched over http and https, is one document;
- otherwise it comes from the content: `sha256("text\\n" + normalise_text(body))`, first 32 hex
  digits, so the same page uploaded twice by any path (two keys, S3 and the command line) is one
  document, whose holders list every object that holds it.

`key_marker_id(bucket, key)` (`sha256("s3\\n" + bucket + "\\n" + key)`) names no article: removals
and rejections leave their tombstone under it, so the key's newest event is always on record.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["article_id", "current_id", "key_marker_id", "normalise_text", "normalise_url"]

_ID_HEX_DIGITS = 32
# Query parameters that track a click, not name a page.
_TRACKING_PARAM = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|ito|ns_\w+|at_\w+)$"
)
_WORD = re.compile(r"\w+")


def normalise_url(url: str) -> str:
    """Host lower-cased without "www.", no scheme, fragment or tracking parameters, sorted query."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    default_port = parts.port in (None, 80, 443)
    netloc = host if default_port else f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or "/"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING_PARAM.match(key.lower())
    )
    return urlunsplit(("", netloc, path, urlencode(query), "")).removeprefix("//")


def normalise_text(text: str) -> str:
    """The body's words, lower-cased, one space apart: whitespace and punctuation changes (a
    re-wrapped paragraph, curly quotes) do not make another article."""
    return " ".join(word.lower() for word in _WORD.findall(text))


def article_id(canonical_url: str | None, text: str) -> str:
    """The stable id of an article (see the module docstring for the scheme)."""
    basis = f"url\n{normalise_url(canonical_url)}" if canonical_url else f"text\n{normalise_text(text)}"
    return _hex_id(basis)


def key_marker_id(bucket: str, key: str) -> str:
    """The id under which an S3 key's removal or rejection is recorded (see the module docstring)."""
    return _hex_id(f"s3\n{bucket}\n{key}")


def current_id(stored_id: str, text: str, objects: list[tuple[str, str]]) -> str:
    """The id of the current scheme for an article stored under `stored_id` and held by `objects`
    (bucket, key): the earlier scheme named an article without a canonical URL by its key, which
    is now its content's id; any other id is already current. (`newsfacet reindex` moves them.)"""
    if any(stored_id == key_marker_id(bucket, key) for bucket, key in objects):
        return article_id(None, text)
    return stored_id


def _hex_id(basis: str) -> str:
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:_ID_HEX_DIGITS]
