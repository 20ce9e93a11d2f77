"""Lines of a body that are no prose: cross-headings, transcript speaker labels, "Also read" links.

Web pages of 2025 (blogs, newsletters, tech coverage, radio transcripts) break their text with
title-case cross-headings ("Broader Implications for Development Teams"), which the model reads as
organisations, with speaker labels ("JANE ROE, HOST:", "UNIDENTIFIED GROUP #1:") and with links
to other stories ("Also read: ..."). `PageLines` finds these lines once per article, so that each
mention can be asked in O(log n) where it lies.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Final

# A heading is short and ends without a sentence's punctuation.
_HEADING_MAX_WORDS: Final = 16
_HEADING_MAX_CHARS: Final = 160
_SENTENCE_END: Final = frozenset('.!,;"”’)')
# Words a title-case heading leaves in lower case.
_MINOR_WORDS: Final = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by"}
    | {"with", "as", "vs", "via", "into", "over", "than", "up", "out", "is", "are", "be", "its", "it"}
    | {"how", "why", "what", "who", "when", "where"}
)
_WORD: Final = re.compile(r"[^\W\d_][\w'’&.-]*|\d[\w.,%-]*")
# "JANE ROE, HOST:", "UNIDENTIFIED PERSON #2:", "MARTINEZ-BELTRAN, BYLINE:": an upper-case label
# opening a line, before the speaker's words.
_SPEAKER_LABEL: Final = re.compile(r"[A-Z][A-Z.'’ -]{1,40}(?:,[A-Z .'’-]{2,30})?(?:\s*#\d+)?:")
# A link to another story: "Also read: ...", "Read more: ...", "Related: ...".
_LINK_LINE: Final = re.compile(
    r"(?:also\s+read|read\s+more|read\s+also|related|see\s+also|more\s+from\b[^:\n]{0,40}|recommended)\s*:",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PageLines:
    """Character spans of the body's non-prose lines, each list sorted by start."""

    headings: list[tuple[int, int]] = field(default_factory=list)
    labels: list[tuple[int, int]] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)
    # Paragraphs of the body's second half that open with the author's name and say who they are
    # ("Jane Roe is a physician in Memphis."): an author box, which pages also set mid-page.
    bios: list[tuple[int, int]] = field(default_factory=list)
    # Where the author's bio starts: a line that is the author's name alone, in the body's second
    # half ("Jane Roe" then "Senior Editor at ..., formerly at ..."); far beyond the text if none.
    bio_start: int = 1 << 62

    def in_heading(self, start: int, end: int) -> bool:
        return _within(self.headings, start, end)

    def in_label(self, start: int, end: int) -> bool:
        return _within(self.labels, start, end)

    def in_link(self, start: int, end: int) -> bool:
        return _within(self.links, start, end)

    def in_bio(self, start: int, end: int) -> bool:
        return start >= self.bio_start or _within(self.bios, start, end)

    def in_furniture(self, start: int, end: int) -> bool:
        """In a heading, a speaker label, a story link or the author's bio."""
        return (
            self.in_bio(start, end)
            or self.in_heading(start, end)
            or self.in_label(start, end)
            or self.in_link(start, end)
        )


_FAR: Final = 1 << 62


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    at = bisect.bisect_right(spans, (start, _FAR)) - 1
    return at >= 0 and spans[at][0] <= start and end <= spans[at][1]


def page_lines(text: str) -> PageLines:
    """The cross-headings, speaker labels, story links and author's bio of `text`, found in one
    pass over its lines. The enrichment blanks the publisher's and authors' names (`credits`), so
    an author's name alone on its line is a line of spaces."""
    headings, labels, links, bios = [], [], [], []
    bio_start = 1 << 62
    offset = 0
    for line in text.split("\n"):
        if is_heading(line):
            headings.append((offset, offset + len(line)))
        elif line[:1].isupper() and (label := _SPEAKER_LABEL.match(line)) is not None:
            labels.append((offset, offset + label.end()))
        elif _LINK_LINE.match(line) is not None:
            links.append((offset, offset + len(line)))
        elif offset > len(text) // 2 and len(line) >= _NAME_MIN_CHARS and line.isspace():
            bio_start = min(bio_start, offset)
        elif offset > len(text) // 2 and line[:1] in " \t" and _BIO_SENTENCE.match(line) is not None:
            bios.append((offset, offset + len(line)))
        offset += len(line) + 1
    return PageLines(headings, labels, links, bios, bio_start)


_NAME_MIN_CHARS: Final = 4
# The author's blanked name opening a sentence about them: "Jane Roe is a physician in Memphis.",
# "Jane Roe has covered courts since 2009". (Not "Jane Roe, a ...": a company's blog names the
# company, which is the publisher, that way in its story.)
_BIO_SENTENCE: Final = re.compile(r"[ \t]{4,}(?:is|was|has|writes|covers|teaches|serves)\s")


def is_heading(line: str) -> bool:
    """A title-case line of 2 to 16 words that does not end a sentence ("Future Trajectories in
    AI-Assisted Coding", "The Agents' Battle with Bombs and Bugs"): a cross-heading."""
    stripped = line.strip()
    if not stripped or stripped[-1] in _SENTENCE_END or len(stripped) > _HEADING_MAX_CHARS:
        return False
    words = _WORD.findall(stripped)
    if not 2 <= len(words) <= _HEADING_MAX_WORDS:
        return False
    major = [word for word in words if word.casefold() not in _MINOR_WORDS and word[0].isalpha()]
    return len(major) >= 2 and all(word[0].isupper() for word in major) and not stripped.isupper()
