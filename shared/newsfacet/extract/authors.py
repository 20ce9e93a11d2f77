"""Authors from JSON-LD, meta tags and visible bylines, cleaned into plain personal names.

Wire agencies named as authors ("AFP", "Reuters") are not people: they are returned separately as
credits, which the pipeline keeps out of the article's actors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree, html

__all__ = [
    "WIRE_AGENCIES",
    "agencies_named",
    "author_strings",
    "byline_names",
    "clean_authors",
    "find_authors",
    "printed_bylines",
    "wire_credits",
]

# Wire services and their common spellings, matched case-insensitively as whole words.
WIRE_AGENCIES: dict[str, str] = {
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "pa": "PA",
    "press association": "Press Association",
    "pa media": "PA Media",
    "upi": "UPI",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu Agency",
    "aap": "AAP",
    "cnn wire": "CNN Wire",
}
_AGENCY_PATTERN = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(name) for name in sorted(WIRE_AGENCIES, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
# Credits as printed in bodies and bylines: "(AFP)", "— Reuters", "with wires", "AFP contributed".
_CREDIT_CONTEXT = re.compile(
    r"\((?P<paren>[^()]{1,40})\)|(?:[—–-]|\bwith|\bby|\bcontributed)\s+(?P<after>[^.,;\n]{1,40})",
    re.IGNORECASE,
)
_WITH_WIRES = re.compile(r"\b([A-Z][\w&.' ]{1,40}?)\s+with\s+(?:wires|agencies)\b", re.IGNORECASE)

_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
# One walk over the page (a union of four `//*` paths walked it four times), compiled once. The
# plain `contains` tests come first: whitespace-normalising every class attribute of the page cost
# a fifth of the walk, and a class without either word cannot hold it as a whole word.
_BYLINE_XPATH = etree.XPath(
    '//*[@rel="author" or @itemprop="author" or (@class'
    ' and (contains(@class, "byline") or contains(@class, "author-name")) and ('
    'contains(concat(" ", normalize-space(@class), " "), " byline ")'
    ' or contains(concat(" ", normalize-space(@class), " "), " author-name ")))]'
)
_BY_PREFIX = re.compile(r"^\s*(?:written\s+)?(?:by|von|par|por|di|door)\s*[:\-]?\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"https?:|www\.|@|\d|/|[<>{}\[\]]")
_GENERIC = frozenset(
    {"staff", "admin", "editor", "editors", "newsroom", "news desk", "web desk", "editorial team", "team"}
)
_MAX_NAME_WORDS = 5


def author_strings(
    tree: html.HtmlElement, *, jsonld_authors: list[str], meta: dict[str, list[str]]
) -> tuple[list[str], list[str], list[str]]:
    """The raw author strings of each source: JSON-LD, meta tags, visible bylines."""
    meta_names = [value for name in _AUTHOR_META for value in meta.get(name, [])]
    byline_names = [" ".join(element.text_content().split()) for element in _BYLINE_XPATH(tree)[:5]]
    return jsonld_authors, meta_names, byline_names


# A printed byline: "By Mona El-Sayed, Cairo Evening Wire · Posted 16/10/2026 20:00" (or "Von ...",
# "Par ...", "Por ...", "Door ..."). What follows a middle dot, bullet or pipe, or a
# "(Last) Posted/Updated/Published" note, is not a name.
_BYLINE = re.compile(
    r"^(?:by|von|par|por|door)\s+(?P<names>.{3,}?)"
    r"(?:\s*[·•|]|\s+(?:last\s+)?(?:posted|updated|published)\b|$)",
    re.IGNORECASE | re.DOTALL,
)
_MAX_BYLINE_CHARS = 160
_GLUED_WORDS = re.compile(r"[A-Z]{2}[a-z]")
_ROLE_WORDS = frozenset({"staff", "reporter", "reporters", "correspondent", "editor", "editors", "writer"})
_NAME_WORD = re.compile(r"[\w'’.-]+")
_NAME_PARTICLES = frozenset({"de", "van", "von", "da", "al", "bin", "el"})


def byline_names(line: str) -> str | None:
    """The names a printed byline line gives, as printed ("Mona El-Sayed, Cairo Evening Wire"), or
    None when the line is not a byline. The one byline parser: page elements (`printed_bylines`) and
    the lines above a cleaned body (`extract.split_header_lines`) both read bylines with it."""
    match = _BYLINE.match(line)
    return match.group("names") if match else None


def printed_bylines(tree: html.HtmlElement, site_names: Iterable[str]) -> list[str]:
    """Personal names from short printed lines that start with "By", for pages whose byline has no
    markup (old table layouts). Names of the site itself ("..., Cairo Evening Wire") are left out."""
    sites = {" ".join(name.casefold().split()) for name in site_names}
    names: list[str] = []
    for element in tree.iter("p", "div", "span", "font", "td", "small", "em", "address"):
        # Cheap test first: the element's own leading text must say "By" (text_content() of every
        # container would make this quadratic on deeply nested pages).
        if not (element.text or "").lstrip()[:3].casefold().startswith("by"):
            continue
        text = " ".join(element.text_content().split())
        printed = byline_names(text) if len(text) <= _MAX_BYLINE_CHARS else None
        if printed is None:
            continue
        for part in _SEPARATORS.split(printed):
            name = part.strip(" .:-–—'\"")
            if (
                _is_personal_name(name)
                and name.casefold() not in sites
                and not _GLUED_WORDS.search(name)  # "TUCKERAssociated": two elements' texts run together
                and name.rsplit(" ", 1)[-1].casefold() not in _ROLE_WORDS  # "Jerusalem Post Staff"
            ):
                names.append(name)
    return clean_authors(names)


def _is_personal_name(name: str) -> bool:
    """Two to four words, each capitalised (in any script: "Élise", "Ömer") or a particle ("de")."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and words[0][:1].isupper()
        and all(_NAME_WORD.fullmatch(word) for word in words)
        and all(word[:1].isupper() or word in _NAME_PARTICLES for word in words[1:])
    )


def find_authors(sources: Iterable[list[str]]) -> list[str]:
    """Authors from the first source that names any (see `author_strings` for the order)."""
    for source in sources:
        authors = clean_authors(source)
        if authors:
            return authors
    return []


def agencies_named(raw_names: Iterable[str]) -> list[str]:
    """Wire agencies named as (or among) authors: "Reuters", "Jane Doe, AFP", "By AP Staff"."""
    found: list[str] = []
    for raw in raw_names:
        for part in _SEPARATORS.split(_BY_PREFIX.sub("", " ".join(raw.split()))):
            name = part.strip(" .:-–—'\"").casefold().removesuffix(" staff")
            if name in WIRE_AGENCIES:
                found.append(WIRE_AGENCIES[name])
    return list(dict.fromkeys(found))


def clean_authors(raw_names: Iterable[str]) -> list[str]:
    """Split, strip "By", drop URLs, agencies and non-names, de-duplicate keeping order."""
    authors: list[str] = []
    seen: set[str] = set()
    for raw in raw_names:
        for part in _SEPARATORS.split(_BY_PREFIX.sub("", " ".join(raw.split()))):
            name = part.strip(" .:-–—'\"")
            key = name.casefold()
            if not name or key in seen or _NOT_A_NAME.search(name) or key in _GENERIC:
                continue
            if key in WIRE_AGENCIES or len(name.split()) > _MAX_NAME_WORDS:
                continue
            if name.isupper() and len(name) > 3:
                name = name.title()
            seen.add(key)
            authors.append(name)
    return authors


def wire_credits(*texts: str) -> list[str]:
    """Wire agencies credited in bylines or bodies ("(AFP)", "— Reuters", "FRANCE 24 with wires")."""
    found: list[str] = []
    for text in texts:
        for match in _WITH_WIRES.finditer(text):
            found.append(match.group(0).strip())
            found.append(match.group(1).strip())
        for match in _CREDIT_CONTEXT.finditer(text):
            context = match.group("paren") or match.group("after") or ""
            found.extend(WIRE_AGENCIES[agency.lower()] for agency in _AGENCY_PATTERN.findall(context))
    return list(dict.fromkeys(found))
