"""Remove what a reader never reads as the article, before trafilatura chooses the body.

General rules only, never per-site ones: hidden elements and dialogs, consent/paywall/newsletter
boxes, share bars, related and most-read lists, navigation, footers, ad slots and skip links. One
guard keeps every rule honest: an element holding most of the page's paragraph text is never removed
by a class/id rule, because a name like "article-share-wrapper" sometimes wraps the article itself.
"""

from __future__ import annotations

import itertools
import re

from lxml import html

__all__ = ["preclean"]

# Elements that never hold article text.
_ALWAYS_DROP = ("script", "style", "template", "dialog", "nav", "footer", "button", "select", "svg")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_DROP_ROLES = frozenset({"dialog", "alertdialog", "navigation", "contentinfo", "complementary", "banner"})

# Class or id tokens of boilerplate containers. Matched against whole tokens split on - and _.
_BOILERPLATE_TOKENS = re.compile(
    r"^(?:cookie|cookies|consent|gdpr|cmp|paywall|regwall|piano|newsletter|newsletters|signup|subscribe"
    r"|subscription|share|sharing|sharebar|social|socials|related|relatedposts|readmore|recommended"
    r"|recommendations|recirculation|recirc|popular|mostread|mostpopular|trending|outbrain|taboola"
    r"|advert|advertisement|ads|adslot|dfp|sponsored|promo|modal|popup|overlay|breadcrumb|breadcrumbs"
    r"|skiplink|skip|sidebar|toolbar|tags|newsletterbox|comments|comment|disqus)$",
    re.IGNORECASE,
)
# Reader comments are removed even when they outweigh the article (long threads under short posts).
_COMMENT_TOKENS = re.compile(r"^(?:comments|comment|commentlist|disqus|replies|discussion)$", re.IGNORECASE)
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
# Two-token names that are boilerplate only together ("read-more", "most-read", "skip-link").
_BOILERPLATE_PAIRS = frozenset(
    {
        ("read", "more"),
        ("read", "also"),
        ("most", "read"),
        ("most", "popular"),
        ("more", "stories"),
        ("skip", "link"),
        ("skip", "to"),
        ("ad", "slot"),
        ("ad", "container"),
        ("ad", "wrapper"),
        ("author", "bio"),
        ("site", "header"),
        ("site", "footer"),
    }
)
# Headings that introduce lists of other articles rather than the article's own sections.
_RELATED_HEADING = re.compile(
    r"^\s*(?:read (?:also|more|next)|see also|related(?: articles| stories| content| news| coverage)?"
    r"|more (?:on|from|about|stories|news)\b.*|most (?:read|popular|viewed|shared)|trending(?: now)?"
    r"|you (?:may|might) (?:also )?(?:like|be interested in)|recommended(?: for you)?|popular(?: now)?"
    r"|latest(?: news| stories)?|top stories|editor'?s picks|further reading)\s*:?\s*$",
    re.IGNORECASE,
)
# Hover cards ("rollover", "tooltip") repeat a linked name's bio inside the sentence that links it.
_HOVER_TOKENS = frozenset({"tooltip", "tooltiptext", "popover", "hovercard", "rollover", "flyout"})
# Quoted posts (tweets, Instagram, Facebook) are part of the story even inside "social" wrappers.
_EMBEDDED_POST = ".//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')]"
# Inline elements that may sit in a run of loose text; anything else ends the run.
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "img", "mark", "q", "s", "small", "span"}
    | {"strike", "strong", "sub", "sup", "time", "u"}
)
_MIN_LOOSE_CHARS = 100
_SKIP_LINK = re.compile(r"^\s*skip to (?:main )?(?:content|navigation|main|article)\s*$", re.IGNORECASE)
_GUARD_SHARE = 0.5
_SPLIT_FIRST_SHARE = 0.85
_MAX_RELATED_BLOCK_WORDS = 400


def preclean(tree: html.HtmlElement) -> html.HtmlElement:
    """Strip boilerplate from `tree` in place and return it."""
    body = tree.find("body")
    root = body if body is not None else tree
    for tag in _ALWAYS_DROP:
        for element in list(root.iter(tag)):
            _drop(element)
    _wrap_loose_text(root)
    _unwrap_embedded_posts(root)
    _join_split_body(root)
    total = _paragraph_chars(root)
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        removable = _is_boilerplate_container(element) and not _holds_article(element, total)
        if removable or _is_hidden(element) or _is_comments(element) or _is_hover_card(element):
            _drop(element)
    _drop_related_lists(root)
    _drop_skip_links(root)
    return tree


def _join_split_body(root: html.HtmlElement) -> None:
    """Merge an article body that ad slots split into several containers of the same kind.

    Pages interleave "body" containers with ad rows; extractors then keep only the first part. When
    containers with the same tag and class together hold most of the page's paragraph text, their
    paragraphs are moved, in order, into the first one.
    """
    groups: dict[tuple[str, str], list[html.HtmlElement]] = {}
    for paragraph in root.iter("p"):
        parent = paragraph.getparent()
        if parent is None or not parent.get("class") or not paragraph.text_content().strip():
            continue
        members = groups.setdefault((parent.tag, parent.get("class", "")), [])
        if not members or members[-1] is not parent:
            members.append(parent)
    if not groups:
        return
    members = max(groups.values(), key=_paragraph_chars_of_all)
    members = list(dict.fromkeys(members))
    if len(members) < 2 or any(_contains(a, b) for a in members for b in members if a is not b):
        return
    # The parts of one body sit side by side: same parent or same grandparent (one row each).
    grandparents = [_grandparent(member) for member in members]
    if grandparents[0] is None or any(other is not grandparents[0] for other in grandparents):
        return
    total = _paragraph_chars(root)
    share = _paragraph_chars_of_all(members)
    if share < _GUARD_SHARE * total or _paragraph_chars(members[0]) > _SPLIT_FIRST_SHARE * share:
        return
    first = members[0]
    for other in members[1:]:
        first.extend(list(other))
        other.drop_tree()


def _grandparent(element: html.HtmlElement) -> html.HtmlElement | None:
    parent = element.getparent()
    return parent.getparent() if parent is not None else None


def _paragraph_chars_of_all(elements: list[html.HtmlElement]) -> int:
    return sum(_paragraph_chars(element) for element in dict.fromkeys(elements))


def _contains(ancestor: html.HtmlElement, element: html.HtmlElement) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


def _unwrap_embedded_posts(root: html.HtmlElement) -> None:
    """Replace a quoted post and its embed-only wrappers by a plain `<blockquote>` of its text.

    Embeds arrive in wrappers named "social-embed" or "twitter-tweet", which every boilerplate
    rule (ours and trafilatura's) removes; the quoted words are part of the story.
    """
    for quote in list(root.xpath(_EMBEDDED_POST)):
        text = " ".join(quote.text_content().split())
        if not text:
            continue
        outer = quote
        parent = outer.getparent()
        while parent is not None and parent.tag != "body" and " ".join(parent.text_content().split()) == text:
            outer, parent = parent, parent.getparent()
        plain = html.Element("blockquote")
        for paragraph_text in _lines(quote):
            paragraph = html.Element("p")
            paragraph.text = paragraph_text
            plain.append(paragraph)
        plain.tail = outer.tail
        outer.getparent().replace(outer, plain)


def _lines(quote: html.HtmlElement) -> list[str]:
    """The quoted post's paragraphs, then its attribution line ("— Name (@handle) date")."""
    lines = [" ".join(p.text_content().split()) for p in quote.iter("p")]
    rest = " ".join(
        part
        for part in [(quote.text or "").strip()] + [(child.tail or "").strip() for child in quote]
        if part
    )
    links_after = [child for child in quote if child.tag != "p"]
    attribution = " ".join([rest, *(" ".join(a.text_content().split()) for a in links_after)]).strip()
    return [line for line in [*lines, attribution] if line]


def _wrap_loose_text(root: html.HtmlElement) -> None:
    """Turn text written straight into a container, separated by `<br><br>`, into `<p>` elements.

    Older and hand-written pages put the article in a `<div>` or `<td>` with line breaks instead of
    paragraphs; extractors score paragraphs, so such text is otherwise lost or split oddly.
    """
    for container in list(root.iter("div", "td", "section", "article", "main", "center", "font")):
        loose = len((container.text or "").strip()) + sum(
            len((child.tail or "").strip()) for child in container
        )
        if loose >= _MIN_LOOSE_CHARS:
            _rebuild_as_paragraphs(container)


def _rebuild_as_paragraphs(container: html.HtmlElement) -> None:
    children = list(container)
    pieces: list[html.HtmlElement] = []
    current: html.HtmlElement | None = None
    breaks = 0

    def add_text(text: str | None) -> None:
        nonlocal current, breaks
        if not text or not text.strip():
            return
        if current is None:
            current = html.Element("p")
            pieces.append(current)
        if len(current):
            current[-1].tail = (current[-1].tail or "") + text
        else:
            current.text = (current.text or "") + text
        breaks = 0

    leading, container.text = container.text, None
    add_text(leading)
    for child in children:
        tail, child.tail = child.tail, None
        container.remove(child)
        if child.tag == "br":
            breaks += 1
            if breaks >= 2:
                current = None  # a blank line: the paragraph ends
            elif current is not None:
                current.append(child)
        elif isinstance(child.tag, str) and child.tag in _INLINE:
            if current is None:
                current = html.Element("p")
                pieces.append(current)
            current.append(child)
            breaks = 0
        else:
            current = None
            pieces.append(child)
            breaks = 0
        add_text(tail)
    container.extend(pieces)


def _is_hover_card(element: html.HtmlElement) -> bool:
    """A hover card: named like one and placed right after the link it describes."""
    if not any(token in _HOVER_TOKENS for tokens in _name_tokens(element) for token in tokens):
        return False
    previous = element.getprevious()
    return previous is not None and previous.tag == "a"


def _drop(element: html.HtmlElement) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    element.drop_tree()


def _is_hidden(element: html.HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden", "").lower() == "true":
        return element.tag not in {"html", "body"}
    style = element.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    return (element.get("role") or "").lower() in _DROP_ROLES or element.get("aria-modal") == "true"


def _name_tokens(element: html.HtmlElement) -> list[list[str]]:
    """The class and id names of an element, each split into lower-cased tokens."""
    names = f"{element.get('class', '')} {element.get('id', '')}".split()
    return [[token.lower() for token in _TOKEN_SPLIT.split(name) if token] for name in names]


def _is_comments(element: html.HtmlElement) -> bool:
    """ "comments", "comment-list", "disqus_thread": names that start with a comment word."""
    if element.tag in {"html", "body", "main"}:
        return False
    return any(tokens and _COMMENT_TOKENS.match(tokens[0]) for tokens in _name_tokens(element))


def _is_boilerplate_container(element: html.HtmlElement) -> bool:
    if element.tag in {"html", "body", "main", "article", "p", "h1"}:
        return False
    for tokens in _name_tokens(element):
        if any(_BOILERPLATE_TOKENS.match(token) for token in tokens):
            return True
        if any(pair in _BOILERPLATE_PAIRS for pair in itertools.pairwise(tokens)):
            return True
    return False


def _paragraph_chars(element: html.HtmlElement) -> int:
    return sum(len(paragraph.text_content()) for paragraph in element.iter("p"))


def _holds_article(element: html.HtmlElement, total: int) -> bool:
    return total > 0 and _paragraph_chars(element) > _GUARD_SHARE * total


def _drop_related_lists(root: html.HtmlElement) -> None:
    """A "Related" / "Most read" heading and the list of links after it go together."""
    for heading in list(root.xpath(".//h2|.//h3|.//h4|.//h5|.//h6|.//strong|.//b|.//span")):
        if heading.getparent() is None or not _RELATED_HEADING.match(heading.text_content()):
            continue
        container = heading.getparent()
        sibling = heading.getnext()
        if sibling is not None and sibling.tag in {"ul", "ol", "div"} and _link_dense(sibling):
            _drop(sibling)
            _drop(heading)
        elif (
            container is not None
            and container.tag not in {"body", "article", "main"}
            and _link_dense(container)
        ):
            _drop(container)


def _link_dense(element: html.HtmlElement) -> bool:
    text = " ".join(element.text_content().split())
    if not text or len(text.split()) > _MAX_RELATED_BLOCK_WORDS:
        return False
    linked = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
    return linked >= 0.5 * len(text)


def _drop_skip_links(root: html.HtmlElement) -> None:
    for link in list(root.iter("a")):
        if link.getparent() is not None and _SKIP_LINK.match(link.text_content()):
            _drop(link)
