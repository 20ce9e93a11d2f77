"""Repair of mojibake: UTF-8 text that was read as windows-1252 or latin-1 upstream and written out
again as UTF-8, so "doesn't" reads "doesnâ€™t" (or "doesnâ\\x80\\x99t") and "été" reads "Ã©tÃ©".

Such text is often mixed with correct text on one page (a feed or a paste pulled through a wrong
codec), so the whole page cannot be re-decoded: each run of characters that spells the bytes of a
UTF-8 sequence (a lead byte, then its continuation bytes, each read as windows-1252 or latin-1) is
turned back into bytes and decoded on its own. A run is repaired only when those bytes are valid
UTF-8 and the result is plausible text; genuine "Ã", "â" or "Â" followed by a letter or a space
never spell a sequence, and a lone accented capital that ends an all-caps word before a quote
("IRMÃ”") is read as the word it is, and a run between quote marks is a cited example of mojibake,
left as written. Twice-encoded text is repaired by repeating the pass.
"""

from __future__ import annotations

import html
import re
from html.entities import codepoint2name

__all__ = ["repair_mojibake"]

# Bytes 0x80-0x9F as windows-1252 prints them; the five bytes it leaves undefined (and every byte
# read as latin-1) print as the C1 control of the same number.
_CP1252_HIGH = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
# Either spelling of a byte back to that byte (as the latin-1 character of the same number).
_TO_LATIN1 = {ord(char): byte for byte, char in _CP1252_HIGH.items()}
_CONTINUATION = "\x80-\xbf" + "".join(_CP1252_HIGH.values())
_SEQUENCE = (
    f"(?:[\xc2-\xdf][{_CONTINUATION}]|[\xe0-\xef][{_CONTINUATION}]{{2}}|[\xf0-\xf4][{_CONTINUATION}]{{3}})"
)
_ONE = re.compile(_SEQUENCE)
# A lead byte's character then a continuation byte's: two character classes, a fast scan (the run
# pattern's alternation is ten times slower to search a clean page with).
_LEAD_THEN_CONTINUATION = re.compile(f"[\xc2-\xf4][{_CONTINUATION}]")
_RUN = re.compile(f"{_SEQUENCE}+")
_MAX_PASSES = 3

# The same runs written as character references in the markup ("isn&acirc;&euro;&trade;t"): a
# reference to a lead byte's character, then references and non-ASCII characters.
_LEAD_REFERENCE = "&(?:{}|#0*(?:19[4-9]|2[0-3][0-9]|24[0-4])|#[xX]0*[c-fC-F][0-9a-fA-F]);".format(
    "|".join(sorted({codepoint2name[code] for code in range(0xC2, 0xF5)}, key=len, reverse=True))
)
_REFERENCE = "&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"
_REFERENCE_RUN = re.compile(f"{_LEAD_REFERENCE}(?:{_REFERENCE}|[^\\x00-\\x7f])+")
_CONTEXT = 8
_ASCII_TAIL = re.compile(r"[\x00-\x7f]*\Z")
_ASCII_HEAD = re.compile(r"[\x00-\x7f]*")

# Marks that, written right before and right after a run, cite it: an article about encodings
# showing what mojibake looks like ('I saw "Ã¤" instead of "ä"'), in text or in escaped markup.
_QUOTES_BEFORE = ('"', "'", "`", "\u201c", "\u2018", "\u00ab", "&quot;", "&#34;", "&#39;", "&apos;")
_QUOTES_AFTER = ('"', "'", "`", "\u201d", "\u2019", "\u00bb", "&quot;", "&#34;", "&#39;", "&apos;", "\\")

# What a closing quote, a dash or a no-break space may genuinely follow: the end of a word.
_WORD_END_MARKS = frozenset("\xa0\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014\u2026")


def repair_mojibake(text: str) -> str:
    """The text with every run of double-encoded UTF-8 decoded again; unchanged when it holds none.

    Two compiled searches over the text decide: pages without such runs cost two scans."""
    if _REFERENCE_RUN.search(text) is not None:
        text = _REFERENCE_RUN.sub(_repair_reference_run, text)
    for _ in range(_MAX_PASSES):
        if _LEAD_THEN_CONTINUATION.search(text) is None:
            return text
        repaired = _RUN.sub(_repair_run, text)
        if repaired == text:
            return text
        text = repaired
    return text


def _repair_reference_run(match: re.Match[str]) -> str:
    """A run of character references repaired as the characters they stand for (then written as
    characters), read with the references around it so that a cited run stays as written; a run
    holding a reference to an ASCII character ("&amp;", "&lt;") is left alone."""
    run = match.group()
    chars = html.unescape(run)
    if chars == run or any(char.isascii() for char in chars):
        return run
    text, start, end = match.string, match.start(), match.end()
    # Only the ASCII next to the run is context: further out may be another run, repaired on its own.
    before = _ASCII_TAIL.findall(html.unescape(text[max(0, start - _CONTEXT) : start]))[0]
    after = _ASCII_HEAD.findall(html.unescape(text[end : end + _CONTEXT]))[0]
    repaired = _RUN.sub(_repair_run, before + chars + after)
    if not (repaired.startswith(before) and repaired.endswith(after)):
        return run
    middle = repaired[len(before) : len(repaired) - len(after)]
    return run if middle == chars else middle


def _repair_run(match: re.Match[str]) -> str:
    run = match.group()
    if _cited(match):
        return run
    pieces = [_decoded(sequence.group()) for sequence in _ONE.finditer(run)]
    if any(piece is None for piece in pieces):
        return run
    chars = "".join(piece for piece in pieces if piece is not None)
    if len(chars) == 1 and not _plausible_alone(chars, run, match):
        return run
    if any(0x80 <= ord(char) < 0xA0 for char in chars):
        return run  # a C1 control is what the bytes meant: no better than what is there
    return chars


def _cited(match: re.Match[str]) -> bool:
    text, start, end = match.string, match.start(), match.end()
    return text[max(0, start - 6) : start].endswith(_QUOTES_BEFORE) and text[end : end + 6].startswith(
        _QUOTES_AFTER
    )


def _decoded(sequence: str) -> str | None:
    try:
        return sequence.translate(_TO_LATIN1).encode("latin-1").decode("utf-8")
    except UnicodeError:
        return None


def _plausible_alone(char: str, run: str, match: re.Match[str]) -> bool:
    """Whether one repaired character standing alone is likelier than the characters it replaces.

    A longer run repairs to text in any script; one character from two is accepted only as a Latin
    letter or symbol (a lone Cyrillic or Hebrew letter in Latin text is a coincidence of bytes), and
    from three only outside the big ideographic and syllabic blocks."""
    code = ord(char)
    if len(run) == 2:
        if not (0xA0 <= code < 0x180 or 0x218 <= code < 0x21C):
            return False
        return not _ends_capital_word(run, match)
    return not (0x3400 <= code < 0xA000 or 0xAC00 <= code < 0xD800 or 0xE000 <= code < 0xF900)


def _ends_capital_word(run: str, match: re.Match[str]) -> bool:
    """An accented capital ending an all-caps word, then a quote, dash or no-break space: "IRMÃ”".
    "Â" is left out: no language ends a word on it, and "NAMEÂ " is the mojibake of "NAME "."""
    if run[0] == "\xc2" or run[1] not in _WORD_END_MARKS:
        return False
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before.isupper() and not after.isalpha()
