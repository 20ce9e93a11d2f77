"""One upload in, one `Article` or one `Rejection` out: decode, clean, read metadata, enrich.

`build_article` is total over bytes: whatever the upload holds, it returns an `Article` or a typed
`Rejection`. Only errors that are about the input (an unparseable or pathologically nested page)
become rejections; anything else is a bug and propagates.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable
from datetime import UTC, datetime

from lxml import etree

from newsfacet.config import Settings
from newsfacet.enrich import enrich
from newsfacet.extract import ExtractedPage, decode_upload, extract_article
from newsfacet.extract.authors import wire_credits
from newsfacet.extract.fingerprint import content_sha256, simhash
from newsfacet.extract.metadata import site_from_url
from newsfacet.ids import article_id
from newsfacet.model import Article, ArticleRejected, Origin, Rejection, RejectionReason

__all__ = ["build_article", "exclusions", "lede_of", "warm_up"]

# The longest real articles run to ~20,000 words; enriching a multi-megabyte "body" (a dump, a
# book) beyond this would only cost time, and its opening says what it is about.
_MAX_ENRICHED_CHARS = 200_000
_LEDE_MAX_CHARS = 400
_LEDE_MIN_WORDS = 8
_TITLE_FALLBACK_CHARS = 120
_WORD = re.compile(r"\w+")
_GC_YOUNG_OBJECTS = 20_000
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?\s")


def build_article(
    raw: bytes, origin: Origin, version: int, settings: Settings, now: datetime | None = None
) -> Article | Rejection:
    """Turn the bytes of one upload into an enriched `Article`, or say why not."""
    ingested_at = now or datetime.now(UTC)
    try:
        page = _extract(raw, origin, settings, ingested_at)
    except ArticleRejected as rejected:
        return Rejection(reason=rejected.reason, detail=rejected.detail, origin=origin)
    return _assemble(page, origin, version, ingested_at)


def _extract(raw: bytes, origin: Origin, settings: Settings, now: datetime) -> ExtractedPage:
    text = decode_upload(
        raw,
        max_upload_bytes=settings.max_upload_bytes,
        max_decompressed_bytes=settings.max_decompressed_bytes,
    )
    try:
        return extract_article(text, origin.source_url, now=now)
    except etree.LxmlError as error:
        raise ArticleRejected(RejectionReason.NOT_HTML, f"unparseable HTML: {error}") from None
    except RecursionError:
        raise ArticleRejected(RejectionReason.NOT_HTML, "markup nested too deeply to parse") from None


def _assemble(page: ExtractedPage, origin: Origin, version: int, ingested_at: datetime) -> Article:
    meta = page.metadata
    url = meta.canonical_url or origin.source_url
    language = meta.language
    title = meta.title or _first_words(page.text)
    enrichment = enrich(
        title, page.text[:_MAX_ENRICHED_CHARS], language=language, exclude=exclusions(page, url)
    )
    return Article(
        id=article_id(meta.canonical_url, page.text),
        version=version,
        title=title,
        text=page.text,
        lede=lede_of(page.text),
        url=url,
        source=meta.source,
        authors=meta.authors,
        published_at=meta.published_at,
        modified_at=meta.modified_at,
        language=language,
        word_count=page.word_count,
        content_sha256=content_sha256(page.text),
        simhash=simhash(page.text),
        actors=enrichment.actors,
        locations=enrichment.locations,
        topics=enrichment.topics,
        enrichment=enrichment.coverage,
        ingested_at=ingested_at,
        origin=origin,
    )


def warm_up(settings: Settings) -> Article | Rejection:
    """Load everything the first article would (trafilatura and its stop-lists, spaCy, the geo
    tables) by building one small built-in page. Call it at process start (a Lambda's init phase,
    a worker's start) so the first real upload does not pay for it. Returns that article.

    What it loaded lives as long as the process, so it is then frozen out of the garbage
    collector's reach: collections no longer walk the model and the tables after every few articles
    (half the collector's time in the pipeline: ~2 ms an article, measured on both extraction
    corpora on 2026-12-02). The youngest generation is then collected after 20,000 new objects
    rather than 700: reference counting frees almost all of an article's garbage, and the collector
    ran ~2,000 times over the WCXB pages for 0.7 ms an article, 0.1 ms with this threshold
    (2026-12-02; the older generations keep their thresholds, so cycles are still freed)."""
    sentence = (
        "The council of Lisbon in Portugal approved the new harbour plan on Monday after a long debate. "
    )
    page = (
        f"<html lang='en'><body><article><h1>Harbour plan</h1><p>{sentence * 4}</p></article></body></html>"
    )
    article = build_article(page.encode("utf-8"), Origin(bucket="warm-up", key="warm-up.html"), 0, settings)
    gc.freeze()
    gc.set_threshold(_GC_YOUNG_OBJECTS)
    return article


def exclusions(page: ExtractedPage, url: str | None) -> list[str]:
    """Names enrichment must not report as actors: the publisher, its domain, wire credits, bylines."""
    paragraphs = page.text.split("\n\n")
    edges = "\n".join(paragraphs[:2] + paragraphs[-2:])
    domain = site_from_url(url)
    names: Iterable[str | None] = (
        page.metadata.source,
        domain,
        domain.split(".")[0] if domain else None,
        *page.metadata.credits,
        *wire_credits(edges),
        *page.metadata.authors,
    )
    return list(dict.fromkeys(name for name in names if name))


def lede_of(text: str) -> str:
    """The opening paragraph (skipping datelines and one-liners), cut at a sentence near 400 chars."""
    paragraphs = [paragraph for paragraph in text.split("\n\n") if paragraph.strip()]
    if not paragraphs:
        return ""
    lede = next(
        (paragraph for paragraph in paragraphs if len(_WORD.findall(paragraph)) >= _LEDE_MIN_WORDS),
        paragraphs[0],
    )
    if len(lede) <= _LEDE_MAX_CHARS:
        return lede
    ends = [match.end() for match in _SENTENCE_END.finditer(lede) if match.end() <= _LEDE_MAX_CHARS]
    if ends:
        return lede[: ends[-1]].strip()
    return lede[:_LEDE_MAX_CHARS].rsplit(" ", 1)[0] + "…"


def _first_words(text: str) -> str:
    first = text.split("\n\n", 1)[0]
    if len(first) <= _TITLE_FALLBACK_CHARS:
        return first
    return first[:_TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0] + "…"
