"""Publication and modification dates: declared ones first, htmldate as the last resort.

Dates keep their UTC offset when the page gives one; a date without a time is midnight, naive.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import cache

from lxml import html

from newsfacet.extract.language import NAMED_LANGUAGES

__all__ = ["find_dates", "parse_datetime"]

_EARLIEST_YEAR = 1990
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "lastmod")
# "+0100" and "+01" offsets, which `fromisoformat` accepts only as "+01:00".
_COMPACT_OFFSET = re.compile(r"([+-]\d{2})(\d{2})?$")
_FRACTION = re.compile(r"(\.\d+)")


def parse_datetime(value: str, *, now: datetime | None = None) -> datetime | None:
    """An ISO 8601 or RFC 2822 date string as a datetime, or None if absent, invalid or implausible."""
    value = value.strip()
    if not value:
        return None
    parsed = _parse_iso(value)
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.year < _EARLIEST_YEAR:
        return None
    if now is not None and parsed.year > now.year + 1:
        return None
    return parsed


def _parse_iso(value: str) -> datetime | None:
    text = value.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} \d", value) else value
    text = text.replace("Z", "+00:00").replace("z", "+00:00")
    if "T" in text:
        date_part, time_part = text.split("T", 1)
        sign = max(time_part.rfind("+"), time_part.rfind("-"))
        if sign > 0:
            clock, offset = time_part[:sign], time_part[sign:]
            match = _COMPACT_OFFSET.fullmatch(offset)
            if match is not None:
                offset = f"{match.group(1)}:{match.group(2) or '00'}"
            time_part = clock + offset
        # More than six fractional digits break `fromisoformat`; keep microseconds.
        time_part = _FRACTION.sub(lambda m: m.group(1)[:7], time_part, count=1)
        text = f"{date_part}T{time_part}"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def find_dates(
    tree: html.HtmlElement,
    *,
    jsonld_published: str,
    jsonld_modified: str,
    meta: dict[str, str],
    url: str | None,
    now: datetime | None,
) -> tuple[datetime | None, datetime | None]:
    """(published_at, modified_at) from JSON-LD, meta tags, `<time>`, then htmldate."""
    published = parse_datetime(jsonld_published, now=now)
    for name in _PUBLISHED_META:
        if published is not None:
            break
        published = parse_datetime(meta.get(name, ""), now=now)
    if published is None:
        published = _from_markup(tree, now)
    if published is None:
        published = _from_htmldate(tree, url, now)
    modified = parse_datetime(jsonld_modified, now=now)
    for name in _MODIFIED_META:
        if modified is not None:
            break
        modified = parse_datetime(meta.get(name, ""), now=now)
    return published, modified


def _from_markup(tree: html.HtmlElement, now: datetime | None) -> datetime | None:
    """`itemprop=datePublished`, then the first `<time datetime>` (inside the article if any)."""
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        found = parse_datetime(element.get("content") or element.get("datetime") or "", now=now)
        if found is not None:
            return found
    for path in ("//article//time[@datetime]", "//time[@datetime]"):
        for element in tree.xpath(path)[:3]:
            found = parse_datetime(element.get("datetime", ""), now=now)
            if found is not None:
                return found
    return None


def _from_htmldate(tree: html.HtmlElement, url: str | None, now: datetime | None) -> datetime | None:
    from htmldate import find_date  # noqa: PLC0415 - lazy: only pages without a declared date need it

    _hold_date_parser_to_named_languages()
    # htmldate prunes a copy of the tree it is given (its own deepcopy, htmldate.core.find_date), so
    # cleaning still sees the whole page; a copy of ours as well would copy the page twice.
    found = find_date(tree, original_date=True, extensive_search=True, url=url)
    parsed = parse_datetime(found, now=now) if found else None
    if parsed is None or (parsed.month, parsed.day) != (1, 1):
        return parsed
    # January 1st is also htmldate's date for a page that shows a year only ("© 2026"): kept only
    # when the page or its address prints that day in full.
    page_text = " ".join(tree.itertext())
    return parsed if _prints_new_years_day(f"{page_text} {url or ''}", parsed.year) else None


def _prints_new_years_day(text: str, year: int) -> bool:
    """The text names January 1st of `year` as a date (words in English, French or German, or digits)."""
    day = r"0?1(?:st|er)?"
    month = r"(?:jan(?:uary|\.)?|janvier|januar)"
    pattern = (
        rf"{year}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{year}"
        rf"|\b{month}\s+{day},?\s+{year}|\b{day}\.?\s+(?:of\s+)?{month},?\s+{year}"
    )
    return re.search(pattern, text, re.IGNORECASE) is not None


@cache
def _hold_date_parser_to_named_languages() -> None:
    """Hold htmldate's parser of dates in words (dateparser) to the languages we can name.

    Left to all of its ~200 languages, dateparser compiles every language's word regexes the first
    time it is handed a text that is no date in any of them: ~2 s of CPU, paid by the first page
    without a declared date a process meets. Held to these 16, in its own order (English first), that
    costs ~0.3 s; on both extraction corpora every date it found was English, and every page's dates
    are unchanged (890 of 890, 2026-12-02).
    """
    from htmldate.extractors import get_external_parser  # noqa: PLC0415 - see _from_htmldate

    get_external_parser().languages = list(NAMED_LANGUAGES)
