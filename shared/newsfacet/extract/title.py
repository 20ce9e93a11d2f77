"""The article's title: the declared headline, matched against the visible `<h1>`.

Declared titles (JSON-LD headline, og:title, twitter:title, `<title>`) often carry the site's name as a
prefix or suffix ("Floods hit Valencia - Example News"); those affixes are stripped. When a visible
`<h1>` says the same thing, its wording wins, since that is what a reader sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import html

__all__ = ["choose_title", "strip_site_affix"]

_SEPARATOR = re.compile(r"\s+[|\-–—·•»:]{1,2}\s+|\s+::\s+")
_MAX_AFFIX_WORDS = 5
_WORD = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def strip_site_affix(title: str, site_names: Iterable[str]) -> str:
    """Remove a leading or trailing segment that names the site ("Title | Site", "Site - Title")."""
    title = " ".join(title.split())
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
        )

    start, end = 0, len(parts)
    if is_site(parts[-1]):
        end -= 1
    elif "|" in separators[-1] and len(parts[-1].split()) <= _MAX_AFFIX_WORDS and end > 1:
        end -= 1  # "Headline | Section" or "Headline | Brand": a pipe rarely sits inside a headline
    if end - start > 1 and is_site(parts[0]):
        start += 1
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


def choose_title(tree: html.HtmlElement, declared: Iterable[str], site_names: Iterable[str]) -> str:
    """The best title: an `<h1>` agreeing with a declared title, else the first declared, else an h1."""
    sites = list(site_names)
    candidates = [strip_site_affix(title, sites) for title in declared if title and title.strip()]
    headings = [" ".join(h1.text_content().split()) for h1 in tree.iter("h1")]
    headings = [heading for heading in headings if len(heading.split()) >= 2]
    for candidate in candidates:
        key = _key(candidate)
        for heading in headings:
            heading_key = _key(heading)
            if heading_key and (heading_key == key or (len(heading_key) > 20 and heading_key in key)):
                return heading
    for candidate in candidates:
        if candidate:
            return candidate
    return headings[0] if headings else ""
