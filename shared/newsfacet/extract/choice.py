"""Which reader's body to keep: evidence that one candidate body completes another.

The body readers (trafilatura's precision and default modes, the densest prose block, the container
of the chosen paragraphs) agree on most pages; where one keeps far more text than another, the
larger one is kept only when it holds the smaller one's paragraphs (the readers agree on where the
article is) and what it adds looks like the article too: link-sparse prose blocks of the page,
mostly of full sentences, or set between the body's own paragraphs. A candidate that adds teasers, a
link list, a run of short lines (dates, labels, table cells) after or before the body, or that sits
elsewhere on the page is not taken.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

__all__ = [
    "completes",
    "folded",
    "prose_words",
    "share_inside",
    "widened",
    "with_headings_as_prose",
    "words",
]

# A candidate completes a body when it holds at least this share of the body's words (paragraph for
# paragraph) and this many times its words; when what it adds is at least this many words, this
# share of them in the page's link-sparse prose blocks and this share in paragraphs of full
# sentences. Measured on the tuning parts of both corpora: 10 WCXB pages gained 0.03 to 0.65 F1
# (+0.005 in all), none fell; 0.6 to 0.8 held and 1.2 to 1.3 times the words do about as well.
_HOLDS_BODY = 0.6
_EXTENDS_BODY = 1.2
_MIN_ADDED_WORDS = 50
_ADDED_IN_PROSE = 0.9
_ADDED_IN_SENTENCES = 0.5
_SENTENCE_WORDS = 15
# An enclosing element's blocks widen the body when they complete it and this share of the words
# they add sits in sections shaped like the body's own (`density.enclosing_blocks`). Measured on the
# tuning parts, with blocks inside a link no longer read as prose of a container: WCXB +0.0023 F1
# (3 pages up by 0.70, 0.41 and 0.09, one down by 0.002), AEB unchanged (one page -0.003); without
# the shape condition it took footers, testimonials and reviews.
_ADDED_ALIKE = 0.8
_WORD = re.compile(r"\w+")


def completes(body: str, candidate: str, blocks: list[tuple[str, bool]]) -> bool:
    """`candidate` holds `body` and adds more of the article (`blocks`: the page's text blocks and
    whether each is link-sparse prose, see `density.text_blocks`).

    What the candidate adds between two of the body's own paragraphs (headings, list items, a pros
    and cons list: the short lines precision mode drops between the sections it kept) is the article
    whatever its length; only what it adds before the body's first paragraph or after its last must
    be mostly full sentences. Measured on WCXB's tuning part: +0.0005 F1 (2 pages up by 0.27 and
    0.15, one by 0.01; a placeholder page of lorem ipsum down by 0.05), AEB unchanged.
    """
    if words(candidate) <= _EXTENDS_BODY * words(body) or share_inside(body, candidate) < _HOLDS_BODY:
        return False
    kept = folded(body)
    numbered = list(enumerate(candidate.split("\n\n")))
    held = [index for index, paragraph in numbered if folded(paragraph) in kept]
    added = [(index, paragraph) for index, paragraph in numbered if folded(paragraph) not in kept]
    added_words = sum(words(paragraph) for _, paragraph in added)
    if added_words < _MIN_ADDED_WORDS:
        return False
    prose = {folded(block) for block, is_prose in blocks if is_prose}
    in_prose = sum(words(paragraph) for _, paragraph in added if folded(paragraph) in prose)
    inside = range(held[0] + 1, held[-1]) if held else range(0)
    like_article = sum(
        words(paragraph)
        for index, paragraph in added
        if index in inside or words(paragraph) >= _SENTENCE_WORDS
    )
    return in_prose >= _ADDED_IN_PROSE * added_words and like_article >= _ADDED_IN_SENTENCES * added_words


def widened(
    body: str,
    levels: Iterable[list[tuple[str, bool]]],
    blocks: list[tuple[str, bool]],
    clean: Callable[[str], str],
) -> str:
    """The body widened to the outermost of the enclosing elements (`levels`, inner to outer: their
    blocks, each with whether it sits in a section shaped like the body's) that, one after the other,
    complete it with sections of the same shape; the first that does not ends the widening."""
    if prose_words(blocks) <= _EXTENDS_BODY * words(body):
        return body  # the page holds too little prose besides the body to widen it
    for level in levels:
        enough = _EXTENDS_BODY * words(body)
        joined = "\n\n".join(text for text, _ in level)
        candidate = clean(joined) if words(joined) > enough else ""  # cleaning only removes lines
        if words(candidate) <= enough:
            continue  # a wrapper that adds nothing yet: look one level further out
        kept = folded(body)
        added = [(text, alike) for text, alike in level if folded(text) not in kept]
        alike_words = sum(words(text) for text, alike in added if alike)
        if alike_words < _ADDED_ALIKE * sum(words(text) for text, _ in added):
            break
        if not completes(body, candidate, blocks):
            break
        body = candidate
    return body


def with_headings_as_prose(
    blocks: list[tuple[str, bool]], linked_headings: frozenset[str]
) -> list[tuple[str, bool]]:
    """The page's blocks with its short headings that hold a link (`density.linked_headings`)
    counted as prose: in a list of resources, products or places each entry's heading links to its
    subject, and a candidate that adds the entries adds their headings too. Measured on WCXB's
    tuning part: +0.0003 F1 (2 pages up by 0.04 and 0.12, none down); AEB unchanged."""
    return [(text, is_prose or text in linked_headings) for text, is_prose in blocks]


def prose_words(blocks: list[tuple[str, bool]]) -> int:
    """Words in the page's link-sparse prose blocks."""
    return sum(words(block) for block, is_prose in blocks if is_prose)


def share_inside(body: str, other: str) -> float:
    """The share of `body`'s words in paragraphs that `other` holds too (word for word, case aside)."""
    haystack = folded(other)
    paragraph_words = [(paragraph, words(paragraph)) for paragraph in body.split("\n\n")]
    inside = sum(count for paragraph, count in paragraph_words if folded(paragraph) in haystack)
    return inside / max(sum(count for _, count in paragraph_words), 1)


# The readers of one page ask these two of the same texts again and again (each of the page's blocks
# once per candidate weighed, each body once per comparison: ~460 calls a WCXB page, three in four
# repeats). Remembered, a WCXB page costs ~1 ms less CPU (of ~37 ms outside enrichment on a quiet
# machine, 2026-12-02; same bodies on all 890 pages). A page's own texts are what is reused, so a
# small cache does: 1024 and 8192 entries hit as often.
_REMEMBERED_TEXTS = 1024


@lru_cache(maxsize=_REMEMBERED_TEXTS)
def words(text: str) -> int:
    return len(_WORD.findall(text))


@lru_cache(maxsize=_REMEMBERED_TEXTS)
def folded(text: str) -> str:
    """The text's words, case-folded, between single spaces (and a space at each end, so that a
    paragraph is found inside another text only on word boundaries)."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "
