"""Lists of links to other pages: "Related" blocks under their heading, lists of story links, skip links,
teaser cards.

They sit inside the article's container, so no container-level rule reaches them; they are told apart
by their shape (a heading naming them, every item one link, a row of like boxes) and by their link
density.
"""

from __future__ import annotations

import re

from lxml import html

from newsfacet.extract.treeops import drop, in_page, link_share

__all__ = ["drop_link_lists", "drop_related_lists", "drop_skip_links", "teaser_card_texts"]

# Headings that introduce lists of other articles rather than the article's own sections, and the
# elements that print them.
_RELATED_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "span")
_RELATED_HEADING = re.compile(
    r"^\s*(?:read (?:also|more|next)|see also|related(?: articles| stories| content| news| coverage)?"
    r"|more (?:on|from|about|stories|news)\b.*|most (?:read|popular|viewed|shared)|trending(?: now)?"
    r"|you (?:may|might) (?:also )?(?:like|be interested in)|recommended(?: for you)?|popular(?: now)?"
    r"|latest(?: news| stories)?|top stories|editor'?s picks|further reading)\s*:?\s*$",
    re.IGNORECASE,
)
_SKIP_LINK = re.compile(r"^\s*skip to (?:main )?(?:content|navigation|main|article)\s*$", re.IGNORECASE)
_MAX_RELATED_BLOCK_WORDS = 400
_MIN_LINK_LIST_ITEMS = 3
_MIN_STORY_LINK_WORDS = 4
# Teaser cards: at least this many sibling boxes of the same tag and class, each of at most this many
# words and linking to another page. Their headlines and teasers are prose with few links (the
# headline's link may be empty, the teaser is plain text), so link density alone keeps them. A card
# may be one link that wraps its picture and headline (`<a href><img><h3>...</h3></a>`): 1 AEB
# tuning page up by 0.11, nothing else changed on either corpus.
_CARD_TAGS = frozenset({"div", "article", "section", "aside", "a"})
_MIN_CARDS = 3
_MAX_CARD_WORDS = 150
_CARD_TEXT_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "blockquote")
_WORD = re.compile(r"\w+")


def drop_related_lists(root: html.HtmlElement) -> None:
    """A "Related" / "Most read" heading and the list of links after it go together."""
    for heading in list(root.iter(*_RELATED_HEADING_TAGS)):
        if not _RELATED_HEADING.match(heading.text_content()) or not in_page(heading, root):
            continue
        container = heading.getparent()
        sibling = heading.getnext()
        if sibling is not None and sibling.tag in {"ul", "ol", "div"} and _link_dense(sibling):
            drop(sibling)
            drop(heading)
        elif (
            container is not None
            and container.tag not in {"body", "article", "main"}
            and _link_dense(container)
        ):
            drop(container)


def drop_link_lists(root: html.HtmlElement) -> None:
    """A list whose every item is one link to another story is a "more stories" list."""
    for items in list(root.iter("ul", "ol")):
        entries = [item for item in items if item.tag == "li"]
        if len(entries) < _MIN_LINK_LIST_ITEMS or not in_page(items, root):
            continue
        if all(_is_story_link(item) for item in entries):
            drop(items)


def _is_story_link(item: html.HtmlElement) -> bool:
    links = item.findall(".//a")
    text = " ".join(item.text_content().split())
    linked = " ".join(" ".join(link.text_content().split()) for link in links)
    return len(links) == 1 and len(text.split()) >= _MIN_STORY_LINK_WORDS and len(linked) >= 0.9 * len(text)


def _link_dense(element: html.HtmlElement) -> bool:
    text = " ".join(element.text_content().split())
    if not text or len(text.split()) > _MAX_RELATED_BLOCK_WORDS:
        return False
    return link_share(element) >= 0.5


def drop_skip_links(root: html.HtmlElement) -> None:
    for link in list(root.iter("a")):
        if _SKIP_LINK.match(link.text_content()) and in_page(link, root):
            drop(link)


def teaser_card_texts(paragraphs: list[str], outermost: list[tuple[html.HtmlElement, str]]) -> frozenset[str]:
    """The texts (spaces folded) of the paragraphs and headings of the teaser cards that the body
    (`paragraphs`) ends with: the rows of cards that hold its last paragraphs, read backwards until
    one is no card's. A row of cards is at least three sibling boxes of the same tag and class,
    each short and linking to another page (a link within the page, such as a footnote's, does not
    count). List items are left out: a list of short linked entries is as often the article's own
    (sources, products) as other stories. `outermost`: the page's outermost text blocks with their
    texts (`density.outermost_blocks`)."""
    texts: set[str] = set()
    for paragraph in reversed(paragraphs):
        if paragraph not in texts:
            reading = [
                block for block, text in outermost if text == paragraph and block.tag in _CARD_TEXT_BLOCKS
            ]
            row = _row_of_cards(reading)
            if not row:
                break
            texts.update(row)
    return frozenset(texts)


def _row_of_cards(reading: list[html.HtmlElement]) -> set[str]:
    """The texts of the row of teaser cards that holds one of the blocks `reading`, if one does."""
    for block in reading:
        for box in block.iterancestors(*_CARD_TAGS):
            parent = box.getparent()
            if parent is None:
                break
            row = [
                sibling
                for sibling in parent
                if sibling.tag == box.tag and sibling.get("class") == box.get("class")
            ]
            if len(row) >= _MIN_CARDS and all(_is_card(sibling) for sibling in row):
                blocks = (block for sibling in row for block in sibling.iter(*_CARD_TEXT_BLOCKS))
                return {" ".join(block.text_content().split()) for block in blocks}
    return set()


def _is_card(box: html.HtmlElement) -> bool:
    words = len(_WORD.findall(box.text_content()))
    return 0 < words <= _MAX_CARD_WORDS and any(_links_elsewhere(link) for link in box.iter("a"))


def _links_elsewhere(link: html.HtmlElement) -> bool:
    target = (link.get("href") or "").strip()
    return bool(target) and "#" not in target and not target.startswith(("javascript:", "mailto:", "tel:"))
