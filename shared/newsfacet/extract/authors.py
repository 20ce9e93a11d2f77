"""Authors from JSON-LD, meta tags and visible bylines, cleaned into plain personal names.

Wire agencies named as authors ("AFP", "Reuters") are not people: they are returned separately as
credits, which the pipeline keeps out of the article's actors.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from html import unescape
from urllib.parse import unquote, urlsplit

from lxml import etree, html

__all__ = [
    "WIRE_AGENCIES",
    "agencies_named",
    "author_strings",
    "byline_names",
    "clean_authors",
    "find_authors",
    "names_the_site",
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
    texts = (" ".join(element.text_content().split()) for element in _BYLINE_XPATH(tree)[:5])
    # A longer "byline" element is an author box: a bio, or a style sheet and script beside the name.
    byline_names = [text for text in texts if len(text) <= _MAX_BYLINE_CHARS]
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


_PRINTED_TAGS = ("p", "div", "span", "font", "td", "small", "em", "address", "b", "strong", "h3", "h4", "h5")
_LEADS = ("by", "written", "posted", "text by", "author")
_LABEL = re.compile(r"\s*(?:(?:written|posted|text)\s+)?by\s*:?\s*|\s*author\s*:?\s*", re.IGNORECASE)
_PRINTED_PREFIX = re.compile(r"^(?:written|posted|text)\s+(?=by\b)", re.IGNORECASE)
_MAX_LABELLED_CHARS = 60
_AUTHOR_CLASS_XPATH = etree.XPath('//*[@class and contains(@class, "uthor")]')
# Class words of an author box's other parts: a job title, a bio, a photo.
_NOT_NAME_CLASS = re.compile(
    r"title|job|position|role|bio|desc|about|image|img|avatar|photo|comment", re.IGNORECASE
)
_OUTSIDE = frozenset({"nav", "footer"})
_OUTSIDE_CARDS = frozenset({"nav", "footer", "aside", "li"})
_MAX_AUTHOR_CLASS_ELEMENTS = 30


def printed_bylines(tree: html.HtmlElement, site_names: Iterable[str]) -> list[str]:
    """Personal names from short printed lines that start with "By", for pages whose byline has no
    markup (old table layouts); failing those, from the first byline printed in a site builder's way
    (`_labelled_byline`, `_author_class_names`). Names of the site itself are left out."""
    sites = {" ".join(name.casefold().split()) for name in site_names}
    names: list[str] = []
    for element in tree.iter("p", "div", "span", "font", "td", "small", "em", "address"):
        # Cheap test first: the element's own leading text must say "By" (text_content() of every
        # container would make this quadratic on deeply nested pages).
        if not (element.text or "").lstrip()[:3].casefold().startswith("by"):
            continue
        text = " ".join(element.text_content().split())
        printed = byline_names(text) if len(text) <= _MAX_BYLINE_CHARS else None
        names.extend(_personal_names(printed or "", sites))
    if names:
        return clean_authors(names)
    labelled = _labelled_byline(tree, sites)
    if labelled:
        return clean_authors(labelled)
    # A byline we could not read still outranks a class name further down, not a link to the
    # author's own page ("By <a href=/contributor/a._j._neal>A. J. Neal</a> <a>Digital edition</a>").
    classed = _author_class_names(tree, sites) if labelled is None else []
    return clean_authors(classed or author_page_links(tree, sites))


def _labelled_byline(tree: html.HtmlElement, sites: set[str]) -> list[str] | None:
    """The names of the first byline printed as "Written by Jane Smith" (or "Posted by"), or as a
    label beside the name ("By" | "Jane Smith", "Author" | "Jane Smith"). Only the first: the cards
    of related articles further down print bylines of their own. None when the page prints none."""
    for element in tree.iter(*_PRINTED_TAGS):
        if not (element.text or "").lstrip()[:12].casefold().startswith(_LEADS) or _outside_article(element):
            continue
        if _LABEL.fullmatch(element.text or "") and not len(element):
            printed = (element.tail or "").strip() or _next_text(element)
        else:
            text = _PRINTED_PREFIX.sub("", " ".join(element.text_content().split()), count=1)
            printed = byline_names(text) if len(text) <= _MAX_BYLINE_CHARS else None
        if printed is not None:
            # The first byline decides, even with a name we do not read ("by Amanda"): later ones
            # are other articles' or commenters'.
            return _personal_names(printed, sites)
    return None


def _outside_article(element: html.HtmlElement, parts: frozenset[str] = _OUTSIDE) -> bool:
    """Inside a menu or a footer (or another of `parts`) that holds no headline: not where the
    article's byline is. Some sites wrap the whole article in a `<nav>`; its headline tells."""
    return any(
        ancestor.tag in parts and ancestor.find(".//h1") is None for ancestor in element.iterancestors()
    )


def _spaced_text(element: html.HtmlElement) -> str:
    """The element's text with its parts apart ("Jane Smith" | "More articles" is not "SmithMore")."""
    return " ".join(" ".join(element.itertext()).split())


# Links to an author's page ("/author/jane-smith/", "/contributor/Jane-Smith/9347686").
_AUTHOR_LINK_XPATH = etree.XPath(
    '//a[@href and (contains(@href, "/author") or contains(@href, "/contributor")'
    ' or contains(@href, "/writer"))]'
)
_AUTHOR_PATH_WORDS = frozenset({"author", "authors", "contributor", "contributors", "writer", "writers"})
_SLUG_SEPARATORS = re.compile(r"[-_.+~]+")
_MAX_AUTHOR_LINKS = 40
_DIGIT = re.compile(r"\d")
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def author_page_links(tree: html.HtmlElement, sites: set[str]) -> list[str]:
    """The name of the first link to an author's page whose text is the name its address spells
    ("Jane Smith" -> /author/jane-smith/), and of the links beside it (co-authors), outside menus and
    footers: a link that says "More articles" or "Our team" is no byline."""
    names: list[str] = []
    parent = None
    for link in _AUTHOR_LINK_XPATH(tree)[:_MAX_AUTHOR_LINKS]:
        text = " ".join(link.text_content().split())
        if parent is not None and link.getparent() is not parent:
            continue
        if not _spells_slug(text, link.get("href", "")) or _outside_article(link):
            continue
        found = _personal_names(text, sites)
        if found:
            names.extend(found)
            parent = link.getparent()
    return names


def _spells_slug(text: str, href: str) -> bool:
    """True when the address's segment after "author" spells the link's text ("a._j._neal")."""
    segments = [segment for segment in unquote(urlsplit(href).path).casefold().split("/") if segment]
    for index, segment in enumerate(segments[:-1]):
        if segment in _AUTHOR_PATH_WORDS:
            slug = segments[index + 1].removesuffix(".html")
            # Words with digits are the site's ids ("rebecca-rodriguez-ncpn1238766").
            words = [word for word in _SLUG_SEPARATORS.split(slug) if word and not _DIGIT.search(word)]
            return bool(words) and words == _plain_words(text)
    return False


def _plain_words(text: str) -> list[str]:
    """Lower-case words without accents: "Bence Kovács" -> ["bence", "kovacs"]."""
    plain = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return [word for word in _SLUG_SEPARATORS.split(re.sub(r"[^\w.+~-]+", "-", plain)) if word]


def _next_text(label: html.HtmlElement) -> str | None:
    """The text of the element after a byline label ("Written by" | "Jane Smith"), if short."""
    following = label.getnext()
    if following is None:
        return None
    text = _spaced_text(following)
    return text if len(text) <= _MAX_LABELLED_CHARS else None


def _author_class_names(tree: html.HtmlElement, sites: set[str]) -> list[str]:
    """The names of the first element whose class names an author and whose text is a name."""
    for element in _AUTHOR_CLASS_XPATH(tree)[:_MAX_AUTHOR_CLASS_ELEMENTS]:
        tokens = [token for token in element.get("class", "").split() if "author" in token.casefold()]
        if not tokens or any(_NOT_NAME_CLASS.search(token) for token in tokens):
            continue
        if _outside_article(element, _OUTSIDE_CARDS):  # a list of recent posts, each with its author
            continue
        texts = [text for text in (" ".join(part.split()) for part in element.itertext()) if text]
        if texts and _LABEL.fullmatch(texts[0]):
            texts = texts[1:]  # "Written by" | "Jane Smith"
        # One text only: a name, not a name beside a job title ("Jane Smith" | "Head Winemaker").
        if len(texts) != 1 or len(texts[0]) > _MAX_LABELLED_CHARS:
            continue
        names = _personal_names(texts[0], sites)
        if names:
            return names
    return []


def _personal_names(printed: str, sites: set[str]) -> list[str]:
    """The personal names a byline's text lists, without the site's own name or a desk's."""
    names = []
    for part in _SEPARATORS.split(printed):
        name = part.strip(" .:-–—'\"")
        if name.rsplit(" ", 1)[-1].casefold() in _WEEKDAYS:  # "By Malcolm Owen Monday, Oct 14"
            name = name.rsplit(" ", 1)[0]
        if (
            _is_personal_name(name)
            and name.casefold() not in sites
            and not _GLUED_WORDS.search(name)  # "TUCKERAssociated": two elements' texts run together
            and name.rsplit(" ", 1)[-1].casefold() not in _ROLE_WORDS  # "Jerusalem Post Staff"
        ):
            names.append(name)
    return names


def _is_personal_name(name: str) -> bool:
    """Two to four words, each capitalised (in any script: "Élise", "Ömer") or a particle ("de")."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and words[0].casefold() != "the"  # "The Russian and Syrian defense ministries"
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


def names_the_site(authors: list[str], site_names: Iterable[str]) -> bool:
    """True when every author is the site or its publisher ("Clemson News", "paperium.net")."""
    sites = {_compact(name) for name in site_names if _compact(name)}
    return bool(authors) and all(
        _compact(author) in sites or _compact(author.rsplit(".", 1)[0]) in sites for author in authors
    )


def _compact(name: str) -> str:
    return "".join(_NAME_WORD.findall(name.casefold())).replace(".", "").replace("-", "")


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
        # Pages escape twice ("Maria &amp;amp; Katerina" in JSON-LD reads "Maria &amp; Katerina").
        text = unescape(raw) if "&" in raw else raw
        for part in _SEPARATORS.split(_BY_PREFIX.sub("", " ".join(text.split()))):
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
