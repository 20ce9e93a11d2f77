"""A second opinion on where the article is: the block with the most link-sparse paragraph text.

trafilatura sometimes settles on a small block (key points, a disclaimer, a list of teasers) of a
page whose article it missed. This reader works like readability's: every text block scores its
parent and, at half weight, its grandparent by its length less its link text; the best-scoring
container's text blocks, in order and without the link-dense ones, are its answer. Code listings
(`<pre>`) are not prose: they neither score nor join the answer (+0.0004 F1 on WCXB's tuning part).
A data table's rows are text blocks (cells apart): a body these readers give keeps its tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import takewhile

from lxml import html

from newsfacet.extract.choice import folded, words

__all__ = [
    "Outermost",
    "container_text",
    "densest_text",
    "enclosing_blocks",
    "linked_headings",
    "outermost_blocks",
    "prose_holder",
    "text_and_link_chars",
    "text_blocks",
]

_BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote", "dd", "tr")
# Every text block of the page, outermost only (a list item's paragraphs are part of the item).
_ALL_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "dd", "dt", "tr")
# The page's outermost text blocks with their texts (spaces folded), in page order: read once per
# page and shared by the readers (`outermost_blocks`).
Outermost = list[tuple[html.HtmlElement, str]]
_MIN_BLOCK_CHARS = 25
_MAX_LINK_SHARE = 0.4
# The container of a body is the innermost element that holds this share of the body's words; the
# page's prose holder, the innermost that holds this share of its link-sparse prose.
_CONTAINER_HOLDS = 0.9
_PROSE_HOLDS = 0.8
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_MAX_HEADING_WORDS = 20
_SPONSORED = re.compile(r"\b(?:sponsored|advertisement|partner content)\b", re.IGNORECASE)


def densest_text(tree: html.HtmlElement) -> str:
    """The text blocks of the container holding the most link-sparse prose, one per paragraph."""
    scores: dict[html.HtmlElement, float] = {}
    for block in tree.iter("p", "blockquote", "li"):
        text, linked = text_and_link_chars(block)
        if text < _MIN_BLOCK_CHARS or linked > _MAX_LINK_SHARE * text:
            continue
        parent = block.getparent()
        weight = float(text - linked)
        for ancestor, share in ((parent, 1.0), (parent.getparent() if parent is not None else None, 0.5)):
            if ancestor is not None:
                scores[ancestor] = scores.get(ancestor, 0.0) + share * weight
    if not scores:
        return ""
    best = max(scores, key=scores.__getitem__)
    paragraphs = []
    for block in best.iter(*_BLOCKS):
        if _inside_block(block, best):
            continue  # its text is part of an enclosing block already kept
        text, linked = text_and_link_chars(block)
        if text and linked <= _MAX_LINK_SHARE * text:
            paragraphs.append(block_text(block))
    return "\n\n".join(paragraphs)


def _inside_block(block: html.HtmlElement, container: html.HtmlElement) -> bool:
    """Some element between `block` and `container` is itself a text block."""
    for ancestor in block.iterancestors():
        if ancestor is container:
            return False
        if ancestor.tag in _BLOCKS:
            return True
    return False


def outermost_blocks(tree: html.HtmlElement) -> Outermost:
    """The page's outermost text blocks (a list item's paragraphs are part of the item), in page
    order, each with its text, spaces folded.

    One walk over the page, skipping what lies inside a block already found: an XPath that asks
    each block for its ancestors (one `//` scan per block tag) took ~2 ms a WCXB page."""
    if any(element.tag in _ALL_BLOCKS for element in (tree, *tree.iterancestors())):
        return []  # every element inside lies inside a block
    found: Outermost = []
    inside: set[html.HtmlElement] = set()
    for block in tree.iterdescendants(*_ALL_BLOCKS):
        if block not in inside:
            found.append((block, block_text(block)))
            inside.update(block.iterdescendants(*_ALL_BLOCKS))
    return found


def container_text(tree: html.HtmlElement, body: str, outermost: Outermost | None = None) -> str:
    """The link-sparse text blocks of the innermost element that holds most of `body`'s words, one
    per paragraph; "" when the body's paragraphs are not blocks of the page.

    A reader that found the article's paragraphs but not its lists, short sections and headings
    (pages of many short sections) is completed by the rest of the same container.
    """
    container, blocks, _ = _container(tree, body, outermost)
    if container is None:
        return ""
    return "\n\n".join(_prose_inside(container, blocks))


def enclosing_blocks(
    tree: html.HtmlElement, body: str, outermost: Outermost | None = None
) -> Iterator[list[tuple[str, bool]]]:
    """For each element that encloses the container of `body` (see `container_text`), outwards up
    to the page's `<body>`: its link-sparse text blocks in order, each with whether the nearest
    element above it with a class has the tag and class of one above the body's own blocks (a
    section of the same kind).

    Pages built of sibling sections (a page builder's one box per section) hold the article in
    several containers; a reader that found one section is completed by its like siblings.
    """
    container, blocks, parents = _container(tree, body, outermost)
    if container is None:
        return
    levels = list(takewhile(lambda element: element.tag not in ("body", "html"), container.iterancestors()))
    rank = {element: index for index, element in enumerate(levels)}
    placed = []  # (the innermost level holding the block, its text, whether it is prose here)
    for block, text in blocks:
        level = next((rank[ancestor] for ancestor in block.iterancestors() if ancestor in rank), None)
        if text and level is not None:
            placed.append((level, block, text))
    is_prose: dict[html.HtmlElement, bool] = {}
    for index in range(len(levels)):
        yield [
            (text, _section_shape(block) in parents)
            for level, block, text in placed
            if level <= index and _prose(block, is_prose)
        ]


def _container(
    tree: html.HtmlElement, body: str, outermost: Outermost | None
) -> tuple[html.HtmlElement | None, Outermost, set[tuple[str, str]]]:
    """The innermost element holding `_CONTAINER_HOLDS` of the body's words (None if none), the
    page's outermost text blocks with their texts, and the tags and classes of the parents of the
    body's own blocks."""
    wanted = {folded(paragraph) for paragraph in body.split("\n\n")}
    blocks = outermost_blocks(tree) if outermost is None else outermost
    own = [(block, text) for block, text in blocks if folded(text) in wanted]
    parents = {_section_shape(block) for block, _ in own}
    return _innermost_holder(own, _CONTAINER_HOLDS), blocks, parents


def prose_holder(outermost: Outermost) -> html.HtmlElement | None:
    """The innermost element below `<body>` that holds most of the page's link-sparse prose
    (`outermost`: the page's outermost text blocks); None if the page has none, or if only `<body>`
    holds that much."""
    prose = []
    for block, text in outermost:
        characters, linked = text_and_link_chars(block)
        if characters and linked <= _MAX_LINK_SHARE * characters:
            prose.append((block, text))
    return _innermost_holder(prose, _PROSE_HOLDS, below_body=True)


def _innermost_holder(
    blocks: Outermost, share: float, *, below_body: bool = False
) -> html.HtmlElement | None:
    """The innermost element holding `share` of the words of `blocks` (below `<body>` only, with
    `below_body`); None if they hold no words or no such element."""
    held: dict[html.HtmlElement, int] = {}
    depth: dict[html.HtmlElement, int] = {}
    total = 0
    for block, text in blocks:
        count = words(text)
        total += count
        for level, ancestor in enumerate(reversed(list(block.iterancestors()))):
            held[ancestor] = held.get(ancestor, 0) + count
            depth[ancestor] = level
    holders = [
        element
        for element, count in held.items()
        if count >= share * total and not (below_body and element.tag in ("body", "html"))
    ]
    return max(holders, key=depth.__getitem__) if total and holders else None


def _prose_inside(container: html.HtmlElement, blocks: list[tuple[html.HtmlElement, str]]) -> list[str]:
    """The texts of the link-sparse blocks inside `container`."""
    known: dict[html.HtmlElement, bool] = {}
    return [text for block, text in blocks if text and _is_inside(block, container) and _prose(block, known)]


def _prose(block: html.HtmlElement, known: dict[html.HtmlElement, bool]) -> bool:
    """A link-sparse block, not inside a link (a card, an offer: however few links it holds itself);
    `known` keeps the verdicts already reached."""
    if block not in known:
        characters, linked = text_and_link_chars(block)
        in_link = any(ancestor.tag == "a" for ancestor in block.iterancestors())
        known[block] = linked <= _MAX_LINK_SHARE * characters and not in_link
    return known[block]


def _section_shape(block: html.HtmlElement) -> tuple[str, str]:
    """The tag and class of the nearest element above `block` that has a class: a list's `<ul>`
    rarely has one, and every list on the page would look alike by it."""
    for ancestor in block.iterancestors():
        if ancestor.get("class"):
            return str(ancestor.tag), ancestor.get("class") or ""
    return "", ""


def _is_inside(element: html.HtmlElement, container: html.HtmlElement) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())


def text_blocks(tree: html.HtmlElement, outermost: Outermost | None = None) -> list[tuple[str, bool]]:
    """Every outermost text block in page order: its text (spaces folded), and whether it is
    link-sparse prose rather than links."""
    blocks = []
    for block, text in outermost_blocks(tree) if outermost is None else outermost:
        characters, linked = text_and_link_chars(block)
        if characters:
            blocks.append((text, linked <= _MAX_LINK_SHARE * characters))
    return blocks


def linked_headings(tree: html.HtmlElement) -> frozenset[str]:
    """The texts (spaces folded) of the page's short section headings that hold a link: in a list of
    resources, products or places, each entry's heading links to its subject. A heading that says it
    is sponsored is an advertisement's."""
    texts = (
        " ".join(heading.text_content().split())
        for heading in tree.iter(*_HEADINGS)
        if heading.find(".//a") is not None
    )
    return frozenset(
        text for text in texts if words(text) <= _MAX_HEADING_WORDS and not _SPONSORED.search(text)
    )


def block_text(block: html.HtmlElement) -> str:
    """A text block's words between single spaces; a table row's cells apart even where the page
    writes them without a space between (`<td>Celery</td><td>80g</td>`)."""
    if block.tag == "tr":
        return " ".join(" ".join(cell.text_content().split()) for cell in block.xpath("./td | ./th"))
    return " ".join(block.text_content().split())


def text_and_link_chars(element: html.HtmlElement) -> tuple[int, int]:
    """Characters of an element's text, and of the part of it that is link text (spaces folded)."""
    text = len(" ".join(element.text_content().split()))
    linked = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
    return text, linked
