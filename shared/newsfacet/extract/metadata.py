"""Everything about an article that is not its body: title, dates, authors, source, language, URL.

Read from the untouched page tree (before cleaning removes headers and meta-bearing parts), from the
most explicit declaration to the most implicit: JSON-LD, OpenGraph and `<meta>`, visible markup,
then the URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from lxml import html

from newsfacet.extract.authors import (
    agencies_named,
    author_strings,
    find_authors,
    names_the_site,
    printed_bylines,
    wire_credits,
)
from newsfacet.extract.dates import find_dates
from newsfacet.extract.jsonld import read_jsonld
from newsfacet.extract.language import normalise_language
from newsfacet.extract.title import choose_title

__all__ = ["PageMetadata", "read_meta_tags", "read_metadata", "site_from_url"]


_MAX_SITE_NAME_CHARS = 60


@dataclass(frozen=True)
class PageMetadata:
    """What the page says about itself. `canonical_url` is set only when the page names one."""

    title: str
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    modified_at: datetime | None = None
    source: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    credits: list[str] = field(default_factory=list)  # wire agencies credited in bylines


def read_meta_tags(tree: html.HtmlElement) -> dict[str, list[str]]:
    """`<meta name|property|itemprop|http-equiv=K content=V>` as K (lower-cased) -> [V, ...]."""
    tags: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute)
            if key:
                tags.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
    return tags


def site_from_url(url: str | None) -> str | None:
    """ "https://www.example.co.uk/a" -> "example.co.uk"."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    host = host.removeprefix("www.")
    return host or None


def read_metadata(tree: html.HtmlElement, url: str | None, now: datetime | None = None) -> PageMetadata:
    """Read the page's metadata. `url` is where the page came from, if known."""
    meta = read_meta_tags(tree)
    first = {key: values[0] for key, values in meta.items()}
    jsonld = read_jsonld(tree)

    canonical = _canonical_url(tree, first, jsonld.url, url)
    page_url = canonical or url
    declared_source = (
        first.get("og:site_name") or jsonld.publisher or jsonld.website_name or first.get("application-name")
    )
    domain = site_from_url(page_url)
    site_names = [name for name in (declared_source, domain, (domain or "").split(".")[0]) if name]
    title_tag = tree.find(".//title")
    declared_titles = [
        jsonld.headline,
        first.get("og:title", ""),
        first.get("twitter:title", ""),
        title_tag.text_content() if title_tag is not None else "",
    ]
    published, modified = find_dates(
        tree,
        jsonld_published=jsonld.date_published,
        jsonld_modified=jsonld.date_modified,
        meta=first,
        url=page_url,
        now=now,
    )
    author_sources = author_strings(tree, jsonld_authors=jsonld.authors, meta=meta)
    raw_authors = [name for source in author_sources for name in source]
    title = choose_title(tree, declared_titles, site_names)
    source = declared_source or _named_affix(title.site_affix) or domain
    # Printed "By ..." lines come last, looked for only on pages with no byline markup at all, or
    # whose markup names the publisher itself as the author ("Cleveland Clinic" on its own site).
    declared_authors = find_authors(author_sources)
    publisher_names = [*site_names, *([source] if source else []), jsonld.publisher, jsonld.website_name]
    authors = declared_authors
    if not declared_authors or names_the_site(declared_authors, publisher_names):
        authors = printed_bylines(tree, publisher_names) or declared_authors
    return PageMetadata(
        title=title.title,
        authors=authors,
        published_at=published,
        modified_at=modified,
        # A title's site affix ("Valley Gazette :: ...") reads better than a bare domain.
        source=source,
        language=_declared_language(tree, first, jsonld.language),
        canonical_url=canonical,
        credits=list(dict.fromkeys(agencies_named(raw_authors) + wire_credits(*raw_authors))),
    )


def _named_affix(affix: str | None) -> str | None:
    """A title affix that reads as a publication name ("Valley Gazette"), not a section ("Business")."""
    return affix if affix and len(affix.split()) >= 2 and len(affix) <= _MAX_SITE_NAME_CHARS else None


def _canonical_url(
    tree: html.HtmlElement, meta: dict[str, str], jsonld_url: str, url: str | None
) -> str | None:
    """`<link rel=canonical>`, else og:url, else JSON-LD url; absolute http(s) only."""
    links = [
        link.get("href", "")
        for link in tree.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    for declared in [*links, meta.get("og:url", ""), jsonld_url]:
        candidate = declared.strip()
        if not candidate:
            continue
        absolute: str = urljoin(url, candidate) if url else candidate
        parts = urlsplit(absolute)
        if parts.scheme in {"http", "https"} and parts.hostname:
            return absolute
    return None


def _declared_language(tree: html.HtmlElement, meta: dict[str, str], jsonld_language: str) -> str | None:
    for value in (
        tree.get("lang"),
        tree.get("xml:lang"),
        meta.get("content-language"),
        meta.get("language"),
        meta.get("og:locale"),
        jsonld_language,
    ):
        language = normalise_language(value or "")
        if language:
            return language
    return None
