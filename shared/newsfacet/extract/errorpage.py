"""Recognise error pages ("Page not found", 404, access denied) that a server returned as HTML.

A title or heading that announces an error is not enough on its own (a real article may be headlined
"Error 404: the web forgets"); it must come with a short body or with an error message in it. A short
body that is nothing but such a message ("the page you are looking for may have been moved") is a soft
error page even under a normal title.
"""

from __future__ import annotations

import re

__all__ = ["error_page_reason"]

_ERROR_TITLE = re.compile(
    r"^\W*(?:error\W*)?(?:404|410|500|503)\b|\b(?:error|erreur|fehler)\W*(?:404|410|500|503)\b"
    r"|\b(?:404|410)\W*(?:error|not found|page)|^\W*not found\b"
    r"|page (?:not found|introuvable|non trouvée)|file not found"
    r"|seite nicht gefunden|página no encontrada|pagina non trovata|página não encontrada"
    r"|access denied|forbidden|service unavailable|internal server error|server error"
    r"|just a moment\.\.\.|attention required|are you a robot|something went wrong|oops\b"
    r"|no longer (?:available|exists)|content (?:is )?(?:not|no longer) available",
    re.IGNORECASE,
)
_ERROR_MESSAGE = re.compile(
    r"page (?:you(?:'re| are)? (?:looking for|requested|were looking for|tried)|cannot be found"
    r"|could not be found|can(?:no|')t be found|doesn(?:'|’)t exist|does not exist|no longer exists)"
    r"|(?:we|i) (?:could(?:n(?:'|’)t| not)|can(?:'|’)t|cannot) find (?:the|that|this) page"
    r"|(?:has|may have) been (?:moved|removed|deleted)|(?:is|was) (?:temporarily )?unavailable"
    r"|error 404|404 error|broken link|mistyped|check the (?:url|address)"
    r"|enable javascript and cookies to continue|checking (?:if the site connection is secure|your browser)",
    re.IGNORECASE,
)
_SHORT_BODY_WORDS = 150
_MESSAGE_BODY_WORDS = 400
_WORD = re.compile(r"\w+")


def error_page_reason(
    title: str, headings: list[str], body: str, *, word_count: int | None = None
) -> str | None:
    """Why the page is an error page, or None if it is not one. `word_count`: the body's words, if
    the caller has counted them already."""
    words = len(_WORD.findall(body)) if word_count is None else word_count
    heading = next((text for text in [title, *headings] if _ERROR_TITLE.search(text)), None)
    if words >= _MESSAGE_BODY_WORDS or (heading is None and words >= _SHORT_BODY_WORDS):
        return None  # too long to be an error page, whatever it says: no need to read it for a message
    message = _ERROR_MESSAGE.search(body)
    if heading is not None and (words < _SHORT_BODY_WORDS or (message and words < _MESSAGE_BODY_WORDS)):
        return f"error title {heading[:80]!r}"
    if message is not None and words < _SHORT_BODY_WORDS:
        return f"error message {message.group(0)!r} in a {words}-word page"
    return None
