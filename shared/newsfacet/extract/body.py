"""The article body: trafilatura on the pre-cleaned tree, then leftover boilerplate lines removed.

trafilatura runs without comments, first with `favor_precision` (a measured gain on both corpora,
see docs/BENCHMARKS.md). Precision mode sometimes keeps too little (how-to guides, product blogs,
pages of many short sections: it returns nothing or a fragment); when it keeps less than half of
what the default mode finds on the same tree, the default mode's text is the body. The densest block
of link-sparse prose (`density`) is the second opinion: it replaces trafilatura's choice when it is
far larger, or when it holds most of trafilatura's paragraphs and more (trafilatura then dropped
lists and sections of the article it found). trafilatura's text output has one block per line; the
body keeps one paragraph per block, separated by blank lines. Where the page holds much more prose
than that body, another reader's body replaces it when it holds the body and adds prose of the same
kind (`choice`): the default mode's, the densest block's, or the text blocks of the element that
holds the body's paragraphs (pages of many short sections and lists, which precision mode prunes),
widened to the like sections around it (a page builder's one box per section). Where the page still
holds far more prose than every reader's body, it is read once more with no class or id on the
element that holds that prose (trafilatura deletes elements by such names, the article's own too).
Last, the page's blocks between two consecutive paragraphs of the body (headings, list items, short
lines precision mode dropped) are put back.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from lxml import html

from newsfacet.extract.choice import completes, prose_words, widened, with_headings_as_prose
from newsfacet.extract.choice import folded as _folded
from newsfacet.extract.choice import share_inside as _share_inside
from newsfacet.extract.choice import words as _words
from newsfacet.extract.density import (
    Outermost,
    container_text,
    densest_text,
    enclosing_blocks,
    linked_headings,
    outermost_blocks,
    prose_holder,
    text_blocks,
)
from newsfacet.extract.linklists import teaser_card_texts
from newsfacet.extract.trim import without_coda, without_trailing_cards

if TYPE_CHECKING:
    from trafilatura.settings import Extractor

__all__ = ["extract_body", "postclean", "with_gaps_filled"]

# Whole lines that are interface text, not article text. Anchored: a sentence that merely contains
# "subscribe" stays.
_BOILERPLATE_LINE = re.compile(
    r"^(?:"
    r"advertisement|advertising|ad|sponsored(?: content)?|story continues below(?: advertisement)?"
    r"|scroll (?:down )?to continue(?: with content)?|continue reading(?: below)?|skip (?:to|navigation).*"
    r"|share(?: this)?(?: article| story| post| page)?|share (?:on|via) \w+.*|(?:tweet|email|print|whatsapp)"
    r"|follow us(?: on \w+.*)?|sign up (?:for|to) (?:our|the) \w+ newsletter.*|subscribe(?: now| today)?"
    r"|(?:read|see) (?:also|more|next)\s*:.*|related(?: articles| stories)?\s*:.*|more on this story.*"
    r"|click here to .{0,80}|(?:image|photo|picture)(?: copyright| source| credit)?\s*:?\s*getty images"
    r"|(?:(?:image|photo|picture) )?credits?\s*:\s*.{1,80}"
    r"|(?:image|photo)s? used under licen[cs]e from .{1,60}"
    r"|.{0,200}\((?:image|photo|picture)(?: credit)?s?\s*:[^()]{1,60}\)"
    r"|.{0,200}\b(?:image|photo|picture) by\s*:\s*.{1,60}"
    r"|(?:©|\(c\)|copyright)\s.{0,80}|all rights reserved.{0,40}"
    r"|this (?:article|story|content) (?:is|was) (?:only )?available to (?:subscribers|members).{0,60}"
    r"|(?:page|article) not found|we use cookies.{0,200}"
    r"|(?:table of )?contents|in this (?:article|post|guide)|on this page|jump to|what(?:'|’)?s inside"
    r"|last updated on|page \d+ of \d+"
    r"|(?:[^.]{0,80}\.\s+)?(?:sign up|subscribe|register)\b.{0,80}\bnewsletters?\b.{0,80}"
    r"|(?:\d+\s+)?comments?|leave a (?:comment|reply)|click to tweet|you (?:may|might) also like|more"
    r"|(?:read|view|show|load|see) (?:more|all)\W*|tell us what you think\W*"
    r"|(?:this \w+ requires|(?:please|you (?:need|have) to) enable) javascript.{0,60}"
    r"|javascript is (?:disabled|required).{0,60}"
    r"|(?:estimated )?reading time\s*:?.{0,20}|\d+\s*min(?:ute)?s?\s+read"
    r"|(?:tempo de leitura|temps de lecture|tiempo de lectura|lesezeit|tempo di lettura)\s*:?.{0,20}"
    r"|(?:additional )?reporting by .{0,80}"
    r"|.{0,80} contributed (?:reporting|to this (?:report|story|article)).{0,60}"
    r"|.{0,40}\bshare (?:it|this|the story) with .{0,30}|filed under\s*:.{0,100}|tags?\s*:.{0,100}"
    r"|citation\s*:.{0,300}\bretrieved\b.{0,60}\bfrom\s+\S+"
    r"|this (?:document|article|material|content|story) is (?:subject to|protected by) copyright.{0,400}"
    r")[.!:?]?$",
    re.IGNORECASE,
)
_MAX_BOILERPLATE_WORDS = 40
# Precision mode's body is kept when it holds at least this many words and this share of the words
# the default mode keeps (measured on the tuning parts of both corpora: 0.3 to 0.6 do as well); the
# default mode is not even run when precision holds 80 % of the densest block's words (it then ran
# on 35 of 670 tuning pages, for the same F1).
_MIN_PRECISE_WORDS = 30
_MIN_PRECISE_SHARE = 0.5
_PRECISE_AGREES_WITH_DENSE = 0.8
# The densest block of link-sparse prose replaces trafilatura's body when it holds this many times
# its words: trafilatura then settled on a fragment (key points, a disclaimer) beside the article.
_DENSE_OVER_CHOSEN = 3
# It also replaces it when it holds most of trafilatura's paragraphs and more words besides: the two
# agree on where the article is, and trafilatura dropped parts of it (lists of points, short
# sections under their headings). Measured on WCXB's tuning part: +0.005 F1 (0.8 to 0.9 of the
# paragraphs and 1.05 to 1.2 times the words do about as well), AEB unchanged within noise.
_DENSE_HOLDS_CHOSEN = 0.8
_DENSE_EXTENDS_CHOSEN = 1.1
# When the page's link-sparse prose holds more than this many times the body's words, the other
# readers are asked whether they complete the body (`choice.completes`): the default mode (run only
# then), the densest block and the container of the body's paragraphs. On the tuning parts this
# asks on 64 of 670 pages, which hold every page the completion changes.
_PROSE_BEYOND_CHOSEN = 1.25
# When the page's link-sparse prose holds more than this many times the words of every reader's body,
# the article's container may bear a class or id trafilatura deletes by: the page is read again
# without them (`_read_without_names`), and that body is kept when it holds this share of the
# chosen one's words and this many times its words. It runs on one tuning page of 670 (a list of
# restaurants under an intro, in an element whose class says "footer": 0.03 to 0.85 F1, WCXB tuning
# 0.9593 to 0.9599); no other page of either corpus changed.
_PROSE_FAR_BEYOND_CHOSEN = 3
_UNNAMED_HOLDS_CHOSEN = 0.6
# A run of at least this many paragraphs, and words, each a word-for-word repeat of an earlier one is
# the page printing a section twice (one copy per screen size); a single repeated line is kept (a
# refrain, a pull quote), and so are repeated runs of short lines (a plan that lists the same meals
# for two days: the AEB's held-out part has one). Measured on WCXB's tuning part: +0.001 F1.
_MIN_REPEATED_RUN = 3
_MIN_REPEATED_WORDS = 60
_MIN_REPEATED_MEAN_WORDS = 12
# Blocks between two consecutive paragraphs of the body that are put back: at most this many (a
# short section: its heading and up to eleven list items). Measured on WCXB's tuning part: 12
# rather than 8 adds 0.0007 F1 and 3 must-have snippets, must-not unchanged (most of it on one page
# whose ten-item section precision mode dropped; six pages lose under 0.06); 10 to 16 do as well.
_MAX_GAP_BLOCKS = 12
# The text blocks a link can wrap (a card: a headline and a teaser inside one `<a>`).
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "dd", "dt")
# A short block that calls the reader to act (an exclamation, "click to", "subscribe", "sign up")
# marks a gap as a promotion box set between the article's paragraphs, not as a part of it.
_CALL_TO_ACTION = re.compile(
    r"!\s*$|\b(?:click|tap) (?:here|to)\b|\bsubscribe\b|\bsign up\b|\bfollow us\b", re.IGNORECASE
)
_MAX_CALL_TO_ACTION_WORDS = 30
_PERSONAL = re.compile(r"[\w.+-]+@[\w-]+\.|@\w+")
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|@\w+|(?:https?://|www\.)\S+|[\w-]+\.(?:com|org|net)/\S*|[|·•]"
)


@cache
def _extractor(*, precision: bool, fast: bool = False) -> Extractor:
    """trafilatura's options, built once per process (its import costs ~150 ms: done lazily)."""
    from trafilatura.settings import Extractor, use_config  # noqa: PLC0415

    config = use_config()
    # Our own minimum applies later (NO_ARTICLE_BODY); trafilatura must not drop short bodies itself.
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return Extractor(
        config=config,
        output_format="txt",
        precision=precision,
        fast=fast,
        comments=False,
        tables=True,
        dedup=False,
    )


def extract_body(tree: html.HtmlElement, url: str | None) -> str:
    """The article text of a (pre-cleaned) tree: paragraphs separated by blank lines; "" if none."""
    outermost = outermost_blocks(tree)
    blocks = gap_blocks(tree, outermost)
    headings = linked_headings(tree)
    chosen = _chosen_body(tree, url, with_headings_as_prose(blocks, headings), outermost)
    text = _without_repeated_runs(postclean(with_gaps_filled(chosen, blocks, headings)))
    cards = teaser_card_texts(text.split("\n\n"), outermost)
    return without_coda(without_trailing_cards(text, cards))


def _chosen_body(
    tree: html.HtmlElement, url: str | None, blocks: list[tuple[str, bool]], outermost: Outermost
) -> str:
    dense = postclean(densest_text(tree))
    dense_words = _words(dense)
    chosen, default = _trafilatura_body(tree, url, dense_words)
    chosen_words = _words(chosen)
    extends = dense_words > _DENSE_EXTENDS_CHOSEN * chosen_words
    if dense_words > _DENSE_OVER_CHOSEN * max(chosen_words, 1) or (
        extends and _share_inside(chosen, dense) >= _DENSE_HOLDS_CHOSEN
    ):
        chosen = dense
    page_prose = prose_words(blocks)
    if page_prose <= _PROSE_BEYOND_CHOSEN * _words(chosen):
        return chosen
    # The page holds much more prose than the body: another reader may have found the rest.
    for candidate in (_trafilatura_text(tree, url, precision=False) if default is None else default, dense):
        if completes(chosen, candidate, blocks):
            chosen = candidate
    container = postclean(container_text(tree, chosen, outermost))
    chosen = container if completes(chosen, container, blocks) else chosen
    chosen = widened(chosen, enclosing_blocks(tree, chosen, outermost), blocks, postclean)
    if page_prose > _PROSE_FAR_BEYOND_CHOSEN * _words(chosen):
        return _read_without_names(tree, url, chosen, outermost)
    return chosen


def _read_without_names(tree: html.HtmlElement, url: str | None, chosen: str, outermost: Outermost) -> str:
    """Precision mode's body of the page read with no class or id on the element that holds most of
    its prose (nor on those around it), when that body holds `chosen` and far more.

    trafilatura deletes elements by class and id words ("footer", "widget", "meta", "bottom")
    whatever they hold; where the article's own container bears one, every reader is left with the
    intro or a box beside it, however much prose the page holds.
    """
    holder = prose_holder(outermost)
    if holder is None:
        return chosen
    named = [(element, dict(element.attrib)) for element in (holder, *holder.iterancestors())]
    for element, _ in named:
        element.attrib.pop("class", None)
        element.attrib.pop("id", None)
    try:
        candidate = _trafilatura_text(tree, url, precision=True)
    finally:
        for element, attributes in named:
            element.attrib.update(attributes)
    far_larger = _words(candidate) > _PROSE_FAR_BEYOND_CHOSEN * _words(chosen)
    return candidate if far_larger and _share_inside(chosen, candidate) >= _UNNAMED_HOLDS_CHOSEN else chosen


def _trafilatura_body(tree: html.HtmlElement, url: str | None, dense_words: int) -> tuple[str, str | None]:
    """Precision mode's body, or the default mode's when precision keeps too little; and the default
    mode's body if it was read (else None).

    The default mode runs only when precision keeps less than most of the densest prose block: where
    the two readers agree, a second trafilatura pass changes nothing but the time spent. Precision
    mode first runs without trafilatura's own fallback comparison (`fast`: its readability port,
    justext and a pruning pass over the whole tree, ~7 ms a WCXB page); only when that body does not
    agree with the densest block does the full precision pass run, so the rest is unchanged.
    """
    for fast in (True, False):
        precise = _trafilatura_text(tree, url, precision=True, fast=fast)
        precise_words = _words(precise)
        if precise_words >= _MIN_PRECISE_WORDS and precise_words >= _PRECISE_AGREES_WITH_DENSE * dense_words:
            return precise, None
    default = _trafilatura_text(tree, url, precision=False)
    if precise_words < _MIN_PRECISE_WORDS or precise_words < _MIN_PRECISE_SHARE * _words(default):
        return default, default
    return precise, default


def _trafilatura_text(tree: html.HtmlElement, url: str | None, *, precision: bool, fast: bool = False) -> str:
    from trafilatura import extract  # noqa: PLC0415 - see _extractor

    return postclean(extract(tree, url=url, options=_extractor(precision=precision, fast=fast)) or "")


def gap_blocks(tree: html.HtmlElement, outermost: Outermost | None = None) -> list[tuple[str, bool]]:
    """The page's text blocks (`text_blocks`), with every block inside a link counted as links: a
    card that links to another page (`<a><h3>headline</h3><p>teaser</p></a>`) is not prose of the
    article, however few `<a>` its own text holds."""
    inside_links = {
        " ".join(block.text_content().split()) for link in tree.iter("a") for block in link.iter(*_BLOCK_TAGS)
    }
    return [(text, is_prose and text not in inside_links) for text, is_prose in text_blocks(tree, outermost)]


def with_gaps_filled(
    body: str, blocks: list[tuple[str, bool]], linked_headings: frozenset[str] = frozenset()
) -> str:
    """The body with the page's text blocks that sit between two of its consecutive paragraphs put
    back in their place.

    Precision mode drops short blocks inside the article it found (section headings, list items,
    one-line paragraphs); where two paragraphs it kept are a few blocks apart on the page, the blocks
    between them are part of the same article, unless one of them is mostly links (the gap is then a
    box of other stories) or a short call to action (a promotion box). Measured on the tuning parts:
    WCXB +0.003 F1, must-have snippets +0.5 points, must-not +0.2 (calls to action written as plain
    text, which the second condition now keeps out); AEB unchanged within noise. A gap of one short
    heading that holds a link (`density.linked_headings`) is filled too: the heading of an entry in
    a list of resources, products or places links to its subject (WCXB tuning +0.0009, 25 pages up
    by up to 0.08, 4 down by at most 0.003; AEB +0.0013).
    """
    position: dict[str, int] = {}
    for index, (block, _) in enumerate(blocks):
        position.setdefault(_folded(block), index)
    paragraphs = body.split("\n\n")
    kept = {_folded(paragraph) for paragraph in paragraphs}
    filled: list[str] = []
    for paragraph, following in zip(paragraphs, [*paragraphs[1:], None], strict=True):
        filled.append(paragraph)
        start = position.get(_folded(paragraph))
        end = position.get(_folded(following)) if following is not None else None
        if start is None or end is None or not 1 < end - start <= _MAX_GAP_BLOCKS + 1:
            continue
        gap = blocks[start + 1 : end]
        one_heading = len(gap) == 1 and gap[0][0] in linked_headings
        if one_heading or all(is_prose and not _calls_to_action(block) for block, is_prose in gap):
            filled.extend(block for block, _ in gap if _folded(block) not in kept)
    return "\n\n".join(filled)


def _calls_to_action(block: str) -> bool:
    return _words(block) <= _MAX_CALL_TO_ACTION_WORDS and _CALL_TO_ACTION.search(block) is not None


def _without_repeated_runs(text: str) -> str:
    """The text without runs of paragraphs that repeat earlier ones word for word."""
    paragraphs = text.split("\n\n")
    seen: set[str] = set()
    repeats: list[bool] = []
    for paragraph in paragraphs:
        key = _folded(paragraph)
        repeats.append(key in seen)
        seen.add(key)
    kept: list[str] = []
    start = 0
    while start < len(paragraphs):
        end = start + 1
        while end < len(paragraphs) and repeats[end] == repeats[start]:
            end += 1
        run = paragraphs[start:end]
        enough_words = max(_MIN_REPEATED_WORDS, _MIN_REPEATED_MEAN_WORDS * len(run))
        if not (repeats[start] and len(run) >= _MIN_REPEATED_RUN and sum(map(_words, run)) >= enough_words):
            kept.extend(run)
        start = end
    return "\n\n".join(kept)


def postclean(text: str) -> str:
    """Drop boilerplate lines and normalise spacing; keep paragraph order."""
    return "\n\n".join(paragraph for paragraph in map(_kept_line, text.splitlines()) if paragraph)


# Each reader's body is cleaned, and the readers mostly agree: three in four lines cleaned on a WCXB
# page were cleaned before (~1 ms a page less when remembered, measured on a loaded machine, so
# likely less; 2026-12-02, same output on 890 pages).
@lru_cache(maxsize=4096)
def _kept_line(line: str) -> str:
    """The line with its spacing normalised, or "" when it is boilerplate."""
    paragraph = " ".join(line.split())
    if not paragraph:
        return ""
    if len(paragraph.split()) <= _MAX_BOILERPLATE_WORDS and _BOILERPLATE_LINE.match(paragraph):
        return ""
    tokens = paragraph.split()
    if all(_CONTACT.fullmatch(token) for token in tokens) and any(_PERSONAL.match(t) for t in tokens):
        return ""  # e-mail addresses and handles, maybe with links: the author's contact box
    return paragraph
