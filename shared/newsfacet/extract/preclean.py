"""Remove what a reader never reads as the article, before trafilatura chooses the body.

General rules only, never per-site ones: hidden elements and dialogs, consent/paywall/newsletter
boxes, share bars, related and most-read lists, navigation, footers, ad slots and skip links. One
guard keeps every rule honest: a class/id word, a landmark tag or role and hiding are evidence, not a
verdict. An element holding most of the page's paragraph text, or a quarter of it as link-sparse
prose, is never removed by them, because a name like "article-share-wrapper" or "modal", a `<nav>`
or a dialog sometimes wraps the article itself. Only consent walls and comment threads go whatever
their size.
"""

from __future__ import annotations

import re

from lxml import html

from newsfacet.extract.density import text_and_link_chars

__all__ = ["preclean"]

# Elements that never hold article text. Form controls do hold it when a page leaves one unclosed
# and the parser nests the rest of the page inside it: such a control is unwrapped instead.
_ALWAYS_DROP = ("script", "style", "template", "button", "select", "svg", "figcaption")
_UNCLOSED_CONTROLS = frozenset({"button", "select"})
# Elements that hold boilerplate, unless they hold the article: some sites wrap the whole page in a
# `<nav>` or show the article in a dialog.
_BOILERPLATE_TAGS = frozenset({"dialog", "nav", "footer"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_DROP_ROLES = frozenset({"dialog", "alertdialog", "navigation", "contentinfo", "complementary", "banner"})

# Class or id tokens of boilerplate containers, matched as whole tokens of the class and id names
# (tokens are separated by spaces, "-" and "_"): "share-bar" and "cookie_banner" match, "shareholders"
# does not. Pairs such as "read-more" are boilerplate only together. Not "cmp": component frameworks
# prefix every block with it ("cmp-text", "cmp-hero__description"), article text included.
_TOKEN_START = r"(?:^|[\s_-])"
_TOKEN_END = r"(?=$|[\s_-])"
_BOILERPLATE_NAME = re.compile(
    _TOKEN_START
    + r"(?:cookie|cookies|consent|gdpr|paywall|regwall|piano|newsletter|newsletters|signup|subscribe"
    r"|subscription|share|sharing|sharebar|social|socials|related|relatedposts|readmore|recommended"
    r"|recommendations|recirculation|recirc|popular|mostread|mostpopular|trending|outbrain|taboola"
    r"|advert|advertisement|ads|adslot|dfp|sponsored|promo|modal|popup|overlay|breadcrumb|breadcrumbs"
    r"|skiplink|skip|sidebar|toolbar|tags|newsletterbox|comments|comment|disqus"
    r"|read[_-](?:more|also)|most[_-](?:read|popular)|more[_-]stories|skip[_-](?:link|to)"
    r"|ad[_-](?:slot|container|wrapper)|author[_-]bio|site[_-](?:header|footer)|[a-z]*caption[a-z]*)"
    + _TOKEN_END,
    re.IGNORECASE,
)
# Reader comments are removed even when they outweigh the article (long threads under short posts):
# names that start with a comment word ("comments", "comment-list", "disqus_thread").
_COMMENT_NAME = re.compile(
    r"(?:^|\s)(?:comments|comment|commentlist|disqus|replies|discussion)" + _TOKEN_END, re.IGNORECASE
)
# Consent walls are removed even when they outweigh the article (it is often only a teaser then).
_CONSENT_NAME = re.compile(
    _TOKEN_START + r"(?:cookie|cookies|consent|gdpr|cookiebanner)" + _TOKEN_END, re.IGNORECASE
)
# Hover cards ("rollover", "tooltip") repeat a linked name's bio inside the sentence that links it.
_HOVER_NAME = re.compile(
    _TOKEN_START + r"(?:tooltip|tooltiptext|popover|hovercard|rollover|flyout)" + _TOKEN_END, re.IGNORECASE
)
# Headings that introduce lists of other articles rather than the article's own sections.
_RELATED_HEADING = re.compile(
    r"^\s*(?:read (?:also|more|next)|see also|related(?: articles| stories| content| news| coverage)?"
    r"|more (?:on|from|about|stories|news)\b.*|most (?:read|popular|viewed|shared)|trending(?: now)?"
    r"|you (?:may|might) (?:also )?(?:like|be interested in)|recommended(?: for you)?|popular(?: now)?"
    r"|latest(?: news| stories)?|top stories|editor'?s picks|further reading)\s*:?\s*$",
    re.IGNORECASE,
)
# Quoted posts (tweets, Instagram, Facebook) are part of the story even inside "social" wrappers.
_EMBEDDED_POST = ".//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')]"
# Inline elements that may sit in a run of loose text; anything else ends the run.
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "img", "mark", "q", "s", "small", "span"}
    | {"strike", "strong", "sub", "sup", "time", "u"}
)
_MIN_LOOSE_CHARS = 100
_LAYOUT_CELL_CHARS = 250
_SKIP_LINK = re.compile(r"^\s*skip to (?:main )?(?:content|navigation|main|article)\s*$", re.IGNORECASE)
# Never removed by a name rule: the page's structure, and text blocks (a paragraph is not a box).
_PROTECTED = frozenset({"html", "body", "main"})
_TEXT_TAGS = frozenset({"article", "p", "h1"})
_GUARD_SHARE = 0.5
_PROSE_SHARE = 0.25
_PROSE_MAX_LINK_SHARE = 0.25
_SPLIT_FIRST_SHARE = 0.85
_MAX_BODY_PARTS = 40
_MAX_RELATED_BLOCK_WORDS = 400
_MIN_LINK_LIST_ITEMS = 3
_MIN_STORY_LINK_WORDS = 4


def preclean(tree: html.HtmlElement) -> html.HtmlElement:
    """Strip boilerplate from `tree` in place and return it."""
    body = tree.find("body")
    root = body if body is not None else tree
    total = _paragraph_chars(root)
    for tag in _ALWAYS_DROP:
        for element in list(root.iter(tag)):
            if tag in _UNCLOSED_CONTROLS and _holds_article(element, total):
                element.drop_tag()
            else:
                _drop(element)
    _unwrap_layout_tables(root)
    _wrap_loose_text(root)
    _unwrap_embedded_posts(root)
    _join_split_body(root)
    total = _paragraph_chars(root)
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if (element.tag in _BOILERPLATE_TAGS or _is_hidden(element)) and not _holds_article(element, total):
            _drop(element)
            continue
        if not names.strip() or element.tag in _PROTECTED:
            continue
        is_never_article = _COMMENT_NAME.search(names) is not None or _CONSENT_NAME.search(names) is not None
        is_hover_card = _HOVER_NAME.search(names) is not None and _follows_link(element)
        if is_never_article or is_hover_card or _is_boilerplate_box(element, names, total):
            _drop(element)
    _drop_related_lists(root)
    _drop_link_lists(root)
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
    if not 2 <= len(members) <= _MAX_BODY_PARTS:
        return
    if any(_contains(a, b) for a in members for b in members if a is not b):
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


def _unwrap_layout_tables(root: html.HtmlElement) -> None:
    """Turn tables used for page layout into plain blocks, keeping data tables as they are.

    Old pages put the navigation column and the article side by side in one `<tr>`; extractors
    then read the whole row as one table line. A table whose cells hold prose (a long cell, or
    paragraphs, or a nested table) is layout, not data.
    """
    for table in list(root.iter("table")):
        cells = table.xpath("./tr/td | ./tbody/tr/td | ./thead/tr/td | ./tr/th | ./tbody/tr/th")
        is_layout = table.find(".//table") is not None or any(
            len(cell.text_content()) > _LAYOUT_CELL_CHARS or cell.find(".//p") is not None for cell in cells
        )
        if not is_layout:
            continue
        for element in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
            if element is table or element.getparent() is not None:
                element.tag = "div"
                for attribute in ("width", "valign", "bgcolor", "cellpadding", "border", "colspan"):
                    element.attrib.pop(attribute, None)


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


def _drop(element: html.HtmlElement) -> None:
    """Remove an element but keep its tail text, which belongs to the parent.

    An element whose block an earlier rule removed already is out of the page: nothing to do (lxml
    asserts on `drop_tree` of an element without a parent).
    """
    if element.getparent() is not None:
        element.drop_tree()


def _in_page(element: html.HtmlElement, root: html.HtmlElement) -> bool:
    """Still inside the page: no earlier rule removed a block that holds it."""
    return element is root or any(ancestor is root for ancestor in element.iterancestors())


def _is_hidden(element: html.HtmlElement) -> bool:
    """Hidden from readers, or a landmark that is not content (navigation, banner, dialog). Such an
    element is still kept when it holds the article (scripts hide the article behind an open overlay,
    metered paywalls hide its text with CSS, some sites show it in a dialog)."""
    if element.tag in _PROTECTED:
        return False
    if (element.get("role") or "").lower() in _DROP_ROLES or element.get("aria-modal") == "true":
        return True
    style = element.get("style")
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden", "").lower() == "true"
        or (style is not None and _HIDDEN_STYLE.search(style) is not None)
    )


def _is_boilerplate_box(element: html.HtmlElement, names: str, total: int) -> bool:
    """Named like boilerplate, not a text block, and not holding most of the page's paragraphs."""
    return (
        element.tag not in _TEXT_TAGS
        and _BOILERPLATE_NAME.search(names) is not None
        and not _holds_article(element, total)
    )


def _follows_link(element: html.HtmlElement) -> bool:
    """A hover card sits right after the link it describes."""
    previous = element.getprevious()
    return previous is not None and previous.tag == "a"


def _paragraph_chars(element: html.HtmlElement) -> int:
    return sum(len(paragraph.text_content()) for paragraph in element.iter("p"))


def _holds_article(element: html.HtmlElement, total: int) -> bool:
    """A class word or a tag is evidence, weighed against the text the element holds: most of the
    page's paragraph text, or a large share of it as running prose (few of its words are links), is
    the article whatever the element is called ("modal", "cmp-container", "readmore-wrapper")."""
    if total <= 0:
        return False
    share = _paragraph_chars(element) / total
    return share > _GUARD_SHARE or (share > _PROSE_SHARE and _link_share(element) < _PROSE_MAX_LINK_SHARE)


def _link_share(element: html.HtmlElement) -> float:
    """The share of an element's text that is link text."""
    text, linked = text_and_link_chars(element)
    return linked / text if text else 1.0


def _drop_related_lists(root: html.HtmlElement) -> None:
    """A "Related" / "Most read" heading and the list of links after it go together."""
    for heading in list(root.xpath(".//h2|.//h3|.//h4|.//h5|.//h6|.//strong|.//b|.//span")):
        if not _in_page(heading, root) or not _RELATED_HEADING.match(heading.text_content()):
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


def _drop_link_lists(root: html.HtmlElement) -> None:
    """A list whose every item is one link to another story is a "more stories" list."""
    for items in list(root.iter("ul", "ol")):
        entries = [item for item in items if item.tag == "li"]
        if len(entries) < _MIN_LINK_LIST_ITEMS or not _in_page(items, root):
            continue
        if all(_is_story_link(item) for item in entries):
            _drop(items)


def _is_story_link(item: html.HtmlElement) -> bool:
    links = item.findall(".//a")
    text = " ".join(item.text_content().split())
    linked = " ".join(" ".join(link.text_content().split()) for link in links)
    return len(links) == 1 and len(text.split()) >= _MIN_STORY_LINK_WORDS and len(linked) >= 0.9 * len(text)


def _link_dense(element: html.HtmlElement) -> bool:
    text = " ".join(element.text_content().split())
    if not text or len(text.split()) > _MAX_RELATED_BLOCK_WORDS:
        return False
    return _link_share(element) >= 0.5


def _drop_skip_links(root: html.HtmlElement) -> None:
    for link in list(root.iter("a")):
        if _in_page(link, root) and _SKIP_LINK.match(link.text_content()):
            _drop(link)
