"""Property: whatever bytes arrive, build_article returns an Article or a typed Rejection, nothing else."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsfacet.config import Settings
from newsfacet.model import Article, Origin, Rejection, RejectionReason
from newsfacet.pipeline import build_article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
SEED_PAGES = [
    (PAGES / name).read_bytes()
    for name in ("modern_news.html", "wordpress_blog.html", "legacy_table_cp1252.html", "js_heavy.html")
]
SETTINGS = Settings(max_upload_bytes=200_000, max_decompressed_bytes=400_000)
ORIGIN = Origin(bucket="fuzz", key="page.html")
NOW = datetime(2025, 1, 1, tzinfo=UTC)
# Fragments that stress parsers, decoders and extractors when spliced into a page.
NASTY = [
    b"<",
    b"</div>",
    b"<table><tr><td>",
    b"<![CDATA[",
    b"<!--",
    b"<script>",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x1f\x8b",
    b'<meta charset="utf-16">',
    b'<meta charset="x-unknown">',
    b'<script type="application/ld+json">{"@graph": [[[{"@type": "NewsArticle", "headline": 3}]]]}</script>',
    b"<h1>404 Not Found</h1>",
    b"<div>" * 300,
    "“é€”".encode("cp1252"),
    b"&#0; &#xD800; &nbsp;",
]
PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def check(raw: bytes) -> Article | Rejection:
    result = build_article(raw, ORIGIN, 1, SETTINGS, now=NOW)
    assert isinstance(result, Article | Rejection)
    if isinstance(result, Rejection):
        assert isinstance(result.reason, RejectionReason) and result.detail
    else:
        assert result.text.strip() and result.word_count > 0
        assert len(result.simhash) == 16
    return result


@PROPERTY_SETTINGS
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_give_an_article_or_a_rejection(raw: bytes) -> None:
    check(raw)


@PROPERTY_SETTINGS
@given(st.binary(max_size=2048).map(gzip.compress))
def test_arbitrary_gzip_content_gives_an_article_or_a_rejection(raw: bytes) -> None:
    check(raw)


@st.composite
def mutated_pages(draw: st.DrawFn) -> bytes:
    """A real page with slices cut, fragments spliced in, or bytes flipped."""
    page = bytearray(draw(st.sampled_from(SEED_PAGES)))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        position = draw(st.integers(min_value=0, max_value=len(page)))
        action = draw(st.sampled_from(["cut", "insert", "flip", "truncate"]))
        if action == "cut":
            del page[position : position + draw(st.integers(min_value=1, max_value=400))]
        elif action == "insert":
            fragment = draw(st.sampled_from(NASTY) | st.binary(min_size=1, max_size=32))
            page[position:position] = fragment
        elif action == "flip" and position < len(page):
            page[position] = draw(st.integers(min_value=0, max_value=255))
        else:
            del page[position:]
    return bytes(page)


@PROPERTY_SETTINGS
@given(mutated_pages())
def test_mutated_html_gives_an_article_or_a_rejection(raw: bytes) -> None:
    check(raw)


@PROPERTY_SETTINGS
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-16", "cp1252", "shift_jis"]))
def test_any_text_in_any_charset_gives_an_article_or_a_rejection(text: str, encoding: str) -> None:
    check(("<html><body><p>" + text + "</p></body></html>").encode(encoding, errors="replace"))
