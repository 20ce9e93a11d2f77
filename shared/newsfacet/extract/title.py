"""The article's title: the declared headline, matched against the visible `<h1>`.

Declared titles (JSON-LD headline, og:title, twitter:title, `<title>`) often carry the site's name as a
prefix or suffix ("Floods hit Valencia - Example News"); those affixes are stripped. When a visible
`<h1>` says the same thing, its wording wins, since that is what a reader sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape

from lxml import html

__all__ = ["TitleChoice", "choose_title", "strip_site_affix"]

_SEPARATOR = re.compile(r"\s+[|\-–—·•»:]{1,2}\s+|\s+::\s+")
_MAX_AFFIX_WORDS = 5
_WORD = re.compile(r"\w+")
_MIN_SEGMENT_WORDS = 3
_MIN_COMPACT_SITE_CHARS = 6
# An `<h1>` sharing this much of its wording with the declared title is the same headline, reworded.
_MIN_HEADLINE_OVERLAP = 0.4
_MAX_PRINTED_CHARS = 300


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def strip_site_affix(title: str, site_names: Iterable[str], *, unnamed_pipes: bool = True) -> str:
    """Remove leading or trailing segments that name the site ("Title | Site", "Site - Title"), and a
    section named before the site ("Title | Section | Site"). With `unnamed_pipes`, a short segment
    after a pipe goes too ("Title | Brand"), named or not: a pipe rarely sits inside a headline."""
    sites = list(site_names)
    stripped = _strip_once(" ".join(title.split()), sites, unnamed_pipes=unnamed_pipes)
    if stripped == title:
        return stripped
    again = _strip_once(stripped, sites, unnamed_pipes=unnamed_pipes)
    return again if len(again.split()) >= _MIN_SEGMENT_WORDS else stripped


def _strip_once(title: str, site_names: list[str], *, unnamed_pipes: bool) -> str:
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    separators = _SEPARATOR.findall(title)
    sites = {_key(name) for name in site_names if _key(name)}
    compact_sites = {site.replace(" ", "") for site in sites}

    def is_site(segment: str) -> bool:
        key = _key(segment)
        if not key:
            return False
        return (
            key in sites
            or key.replace(" ", "") in compact_sites
            or any(
                site
                and (key.startswith(site) or site.startswith(key))
                and len(key.split()) <= _MAX_AFFIX_WORDS
                for site in sites
            )
            or any(
                len(site) >= _MIN_COMPACT_SITE_CHARS
                and key.replace(" ", "").startswith(site)
                and len(key.split()) <= _MAX_AFFIX_WORDS
                for site in compact_sites
            )
        )

    start, end = 0, len(parts)
    if is_site(parts[-1]):
        end -= 1
    elif is_site(parts[0]):
        start += 1
    elif unnamed_pipes and "|" in separators[-1] and len(parts[-1].split()) <= _MAX_AFFIX_WORDS:
        end -= 1  # "Headline | Section" or "Headline | Brand": a pipe rarely sits inside a headline
    if start == 0 and end == len(parts):
        return title
    # Rebuild from the original text so the separators inside the kept part survive unchanged.
    kept = _rejoin(title, parts, separators, start, end)
    return kept or title


def _rejoin(title: str, parts: list[str], separators: list[str], start: int, end: int) -> str:
    pieces = []
    for index in range(start, end):
        pieces.append(parts[index])
        if index < end - 1:
            pieces.append(separators[index])
    return "".join(pieces).strip()


@dataclass(frozen=True)
class TitleChoice:
    """The chosen title, and the site name a declared title carried as an affix (if one was cut)."""

    title: str
    site_affix: str | None = None


def choose_title(tree: html.HtmlElement, declared: Iterable[str], site_names: Iterable[str]) -> TitleChoice:
    """The best title, in order of preference:

    1. an `<h1>` that agrees with a declared title (stripped of its site affix);
    2. a segment of a declared title that the page prints as a heading or in bold ("Site :: Title"
       on an old page whose headline is a `<b>`);
    3. the first declared title, stripped;
    4. the first `<h1>` of two words or more.
    """
    sites = list(site_names)
    titles = [_readable(title) for title in declared if title and title.strip()]
    candidates = [strip_site_affix(title, sites) for title in titles]
    # A heading that prints the site's name too ("Headline – Site") is read without it.
    headings = [
        strip_site_affix(_readable(h1.text_content()), sites, unnamed_pipes=False) for h1 in tree.iter("h1")
    ]
    headings = [heading for heading in headings if len(heading.split()) >= 2]
    for title, candidate in zip(titles, candidates, strict=True):
        key = _key(candidate)
        for heading in headings:
            heading_key = _key(heading)
            if heading_key and (heading_key == key or (len(heading_key) > 20 and heading_key in key)):
                return TitleChoice(heading, _affix(title, candidate))
            if heading_key == _key(title) and candidate != title:
                # The heading prints the whole declared title, sections and site name included.
                return TitleChoice(candidate, _affix(title, candidate))
    for heading in _article_headings(tree, sites):
        if any(_overlap(heading, candidate) >= _MIN_HEADLINE_OVERLAP for candidate in candidates):
            # `candidates` is not empty here, so neither is `titles`: the first one's affix is cut.
            return TitleChoice(heading, _affix(titles[0], candidates[0]))
    printed = _printed_texts(tree)
    for title in titles:
        segments = [segment.strip() for segment in _SEPARATOR.split(title)]
        shown = [
            segment
            for segment in segments
            if len(segment.split()) >= _MIN_SEGMENT_WORDS and _key(segment) in printed
        ]
        if len(segments) >= 2 and shown:
            # Old layouts print the site's name in bold too ("Site :: Headline", both shown): the
            # headline is the longer of the two.
            headline = max(shown, key=lambda segment: len(segment.split()))
            return TitleChoice(headline, _affix(title, headline))
    for title, candidate in zip(titles, candidates, strict=True):
        if candidate:
            return TitleChoice(candidate, _affix(title, candidate))
    return TitleChoice(headings[0] if headings else "")


def _readable(text: str) -> str:
    """Whitespace collapsed, and entities a page escaped twice ("Tools &#x26; AI") read as printed."""
    text = " ".join(text.split())
    return unescape(text) if "&" in text else text


def _article_headings(tree: html.HtmlElement, sites: list[str]) -> list[str]:
    """`<h1>` texts that can be a headline: not a link (a logo), not the site's name, 3+ words."""
    site_keys = {_key(site) for site in sites}
    headings = []
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if len(text.split()) < _MIN_SEGMENT_WORDS or _key(text) in site_keys or h1.find(".//a") is not None:
            continue
        if any(ancestor.tag == "a" for ancestor in h1.iterancestors()):
            continue
        headings.append(strip_site_affix(_readable(text), sites, unnamed_pipes=False))
    return headings


def _overlap(heading: str, declared: str) -> float:
    """Share of the heading's words that the declared title also uses (an SEO rewrite keeps many)."""
    heading_words = set(_WORD.findall(heading.casefold()))
    declared_words = set(_WORD.findall(declared.casefold()))
    return len(heading_words & declared_words) / len(heading_words) if heading_words else 0.0


def _printed_texts(tree: html.HtmlElement) -> set[str]:
    """Normalised texts of the short heading-like and bold elements of the page."""
    texts = set()
    for element in tree.iter("h1", "h2", "h3", "h4", "b", "strong", "font", "td", "span"):
        text = element.text_content()
        if len(text) <= _MAX_PRINTED_CHARS:
            texts.add(_key(text))
    return texts


def _affix(title: str, kept: str) -> str | None:
    """What `strip_site_affix` cut from `title` to leave `kept`, without separators; None if nothing."""
    if kept == title or kept not in title:
        return None
    before, _, after = title.partition(kept)
    affix = max((before, after), key=len).strip(" |-–—·•»:")
    return affix or None
