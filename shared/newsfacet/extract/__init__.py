"""Raw page -> clean article text and metadata, or a typed rejection (`ArticleRejected`).

Each concern is its own module of small functions over a parsed lxml tree:

- `decode`: bytes -> text (size limit, gzip, binary detection, charset)
- `parse`: text -> tree (refuses what is not HTML)
- `metadata` (with `jsonld`, `title`, `dates`, `authors`, `language`): what the page says about itself
- `preclean`: boilerplate removed from the tree before the body is chosen (with `reshape`: layout
  undone so the article reads as paragraphs; `linklists`: lists of links to other pages; `treeops`)
- `body`: trafilatura (precision mode, else its default mode) + removal of leftover boilerplate lines
- `density`: the densest block of link-sparse prose, the body's second opinion
- `errorpage`: "Page not found" and other error pages

No exception escapes `extract_article`: a failing step falls back to a plainer one, and a page that
no way can clean is an `ArticleRejected` naming the failure.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property

from lxml import html

from newsfacet.extract.authors import byline_names, clean_authors
from newsfacet.extract.body import extract_body
from newsfacet.extract.decode import decode_upload
from newsfacet.extract.errorpage import error_page_reason
from newsfacet.extract.language import detect_language
from newsfacet.extract.metadata import PageMetadata, read_metadata
from newsfacet.extract.parse import parse_html
from newsfacet.extract.preclean import preclean
from newsfacet.model import ArticleRejected, RejectionReason

__all__ = [
    "MIN_BODY_CHARS",
    "MIN_BODY_WORDS",
    "ExtractedPage",
    "decode_upload",
    "extract_article",
    "split_header_lines",
]

# A body shorter than both is not an article (a teaser, a consent wall, an index page). Words
# count for alphabetic scripts; characters for scripts written without spaces (ja, zh).
MIN_BODY_WORDS = 30
MIN_BODY_CHARS = 300
_WORD = re.compile(r"\w+")
# Lines printed above an article that are not its text: a byline (`byline_names`), a dateline,
# "Updated ...".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    r"^(?:\(?(?:published|updated|posted|last updated)(?: on| at)?:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})?"
    r"(?:[,\s]*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?)?\)?\.?$",
    re.IGNORECASE,
)
_HEADER_LINES = 3
_MAX_BYLINE_WORDS = 12
_MAX_KICKER_WORDS = 4
_LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtractedPage:
    """The cleaned body and the page's metadata."""

    text: str
    metadata: PageMetadata

    @cached_property
    def word_count(self) -> int:
        """Words of the body, counted once: the body check, the error-page check and the article
        each need the count (a scan of the body each, 0.2 ms a WCXB page)."""
        return len(_WORD.findall(self.text))


def extract_article(page: str, url: str | None = None, *, now: datetime | None = None) -> ExtractedPage:
    """Clean one decoded page. Raises `ArticleRejected` for non-HTML, error pages and empty bodies,
    and for nothing else: a failure inside a cleaning step falls back to a plainer way of cleaning,
    and a page that no way can clean is rejected with the failure named."""
    tree = parse_html(page)
    metadata = _read_metadata(tree, url, now)
    headings = [" ".join(h1.text_content().split()) for h1 in tree.iter("h1")][:3]
    text = _without_title(_body_text(page, tree, metadata.canonical_url or url), metadata.title)
    text, byline_authors = split_header_lines(text)
    if byline_authors and not metadata.authors:
        metadata = replace(metadata, authors=byline_authors)
    if metadata.language is None:
        metadata = replace(metadata, language=detect_language(text))
    extracted = ExtractedPage(text=text, metadata=metadata)
    words = extracted.word_count
    evidence = text or " ".join(tree.text_content().split())[:5000]
    reason = error_page_reason(metadata.title, headings, evidence, word_count=words if text else None)
    if reason is not None:
        raise ArticleRejected(RejectionReason.ERROR_PAGE, reason)
    if words < MIN_BODY_WORDS and len(text) < MIN_BODY_CHARS:
        raise ArticleRejected(
            RejectionReason.NO_ARTICLE_BODY, f"{words} words of body text (at least {MIN_BODY_WORDS} needed)"
        )
    return extracted


def _read_metadata(tree: html.HtmlElement, url: str | None, now: datetime | None) -> PageMetadata:
    """The page's metadata; a page whose markup breaks a reader keeps its body, without metadata."""
    try:
        return read_metadata(tree, url, now)
    except Exception as error:  # hostile markup inside lxml, htmldate or our readers: not fatal
        _LOG.warning("metadata unreadable, body kept: %s: %s", type(error).__name__, error)
        return PageMetadata(title="")


def _body_text(page: str, tree: html.HtmlElement, url: str | None) -> str:
    """The body of the pre-cleaned tree; if cleaning fails, the body of a fresh, untouched tree."""
    try:
        return extract_body(preclean(tree), url)
    except Exception as error:  # a bug of ours or of lxml/trafilatura on this markup: fall back
        _LOG.warning("pre-cleaning failed, extracting without it: %s: %s", type(error).__name__, error)
        failure = f"{type(error).__name__}: {error}"[:160]
    try:
        return extract_body(parse_html(page), url)
    except Exception as error:  # no way of cleaning works on this page: a typed rejection
        raise ArticleRejected(
            RejectionReason.NO_ARTICLE_BODY,
            f"cleaning failed ({failure}; then {type(error).__name__}: {error})"[:300],
        ) from error


def split_header_lines(text: str) -> tuple[str, list[str]]:
    """Remove byline and date lines from the top of the body; return the body and the byline's names."""
    paragraphs = text.split("\n\n")
    authors: list[str] = []
    kept_from = 0
    for index, paragraph in enumerate(paragraphs[:_HEADER_LINES]):
        names = byline_names(paragraph)
        if names is not None and len(paragraph.split()) <= _MAX_BYLINE_WORDS:
            authors.extend(clean_authors([names.split(",")[0]]))  # what follows a comma: the outlet
        elif not (_DATE_LINE.match(paragraph) and _WORD.search(paragraph)):
            break
        kept_from = index + 1
    return "\n\n".join(paragraphs[kept_from:]), authors


def _without_title(text: str, title: str) -> str:
    """The body without a leading repeat of the headline (trafilatura keeps the `<h1>`), and without
    the short section label ("kicker") some pages print above it."""
    paragraphs = text.split("\n\n")
    headline = _WORD.findall(title.casefold())
    for index, paragraph in enumerate(paragraphs[:_HEADER_LINES]):
        if headline and _WORD.findall(paragraph.casefold()) == headline:
            return "\n\n".join(paragraphs[index + 1 :])
        if len(_WORD.findall(paragraph)) > _MAX_KICKER_WORDS:
            break
    return text
