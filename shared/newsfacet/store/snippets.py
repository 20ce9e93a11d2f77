"""Snippets safe to insert into a page: HTML-escaped text, query matches wrapped in `<mark>`.

Engines mark matches in raw text with two sentinel characters (STX/ETX, which never belong in an
article and are removed from indexed text), then `marked_snippet` escapes everything else and turns
the sentinels into tags, so no byte of article text can ever become markup.
"""

from __future__ import annotations

import html

__all__ = ["MARK_END", "MARK_START", "SNIPPET_WORDS", "lede_snippet", "marked_snippet", "strip_sentinels"]

MARK_START = "\x02"
MARK_END = "\x03"
SNIPPET_WORDS = 30
ELLIPSIS = "…"

_SENTINELS = str.maketrans("", "", MARK_START + MARK_END)


def strip_sentinels(text: str) -> str:
    """`text` without the sentinel characters, so only an engine's markers are ever sentinels."""
    return text.translate(_SENTINELS)


def marked_snippet(raw: str) -> str:
    """Escape `raw` and turn balanced sentinel pairs into `<mark>`/`</mark>`; drop stray ones."""
    out: list[str] = []
    open_mark = False
    for piece in _split_keep(raw):
        if piece == MARK_START:
            if not open_mark:
                out.append("<mark>")
                open_mark = True
        elif piece == MARK_END:
            if open_mark:
                out.append("</mark>")
                open_mark = False
        else:
            out.append(html.escape(piece, quote=True))
    if open_mark:
        out.append("</mark>")
    return "".join(out)


def has_mark(raw: str) -> bool:
    """True when an engine marked a match in `raw`."""
    return MARK_START in raw


def lede_snippet(lede: str, text: str, words: int = SNIPPET_WORDS) -> str:
    """The escaped start of the lede (or of the text when there is no lede), about `words` long."""
    source = lede.strip() or text.strip()
    parts = strip_sentinels(source).split()
    snippet = " ".join(parts[:words])
    if len(parts) > words:
        snippet += " " + ELLIPSIS
    return html.escape(snippet, quote=True)


def _split_keep(raw: str) -> list[str]:
    pieces: list[str] = []
    current: list[str] = []
    for ch in raw:
        if ch in (MARK_START, MARK_END):
            if current:
                pieces.append("".join(current))
                current = []
            pieces.append(ch)
        else:
            current.append(ch)
    if current:
        pieces.append("".join(current))
    return pieces
