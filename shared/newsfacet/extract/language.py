"""The article's language as an ISO 639-1 code: declared by the page, else guessed from its text.

The guess is deliberately small (scripts, then frequent function words of the main European
languages): it only needs to tell English pages, which are enriched, from the rest.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["NAMED_LANGUAGES", "detect_language", "normalise_language"]

_PRIMARY_TAG = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*$")
# ISO 639-2/3 codes pages sometimes declare, for the languages we can name in 639-1.
_THREE_LETTER = {"eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "ita": "it"}

_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ko", re.compile(r"[\uac00-\ud7a3]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "that",
            "for",
            "it",
            "with",
            "was",
            "on",
            "as",
            "are",
            "by",
            "this",
            "have",
            "from",
            "be",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "et",
            "est",
            "une",
            "dans",
            "que",
            "pour",
            "pas",
            "sur",
            "qui",
            "au",
            "du",
            "avec",
            "sont",
            "ce",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "und",
            "das",
            "ist",
            "nicht",
            "mit",
            "den",
            "von",
            "zu",
            "ein",
            "eine",
            "auch",
            "sich",
            "auf",
            "für",
            "dem",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "y",
            "que",
            "del",
            "en",
            "por",
            "una",
            "con",
            "para",
            "es",
            "se",
            "al",
            "lo",
            "como",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "di",
            "che",
            "la",
            "per",
            "non",
            "una",
            "sono",
            "della",
            "con",
            "gli",
            "anche",
            "del",
            "nel",
            "è",
            "alla",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "os",
            "que",
            "de",
            "não",
            "uma",
            "com",
            "para",
            "por",
            "em",
            "do",
            "da",
            "são",
            "foi",
            "mais",
            "como",
            "ao",
        ]
    ),
    "nl": frozenset(
        ["de", "het", "een", "en", "van", "is", "dat", "op", "te", "niet", "met", "voor", "zijn", "er", "ook"]
    ),
}
# Every language `detect_language` can name: the function-word languages, then the scripts.
NAMED_LANGUAGES = (*_FUNCTION_WORDS, *(code for code, _ in _SCRIPTS))
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 4000
_MIN_SCRIPT_SHARE = 0.2
_MIN_HITS = 3


def normalise_language(value: str) -> str | None:
    """ "en-GB", "en_US", "EN" -> "en"; None for anything that is not a language tag."""
    match = _PRIMARY_TAG.match(value or "")
    if match is None:
        return None
    code = match.group(1).lower()
    if len(code) == 3:
        return _THREE_LETTER.get(code)
    return code


def detect_language(text: str) -> str | None:
    """A best guess from the text itself, or None when it gives too little evidence."""
    sample = text[:_SAMPLE_CHARS]
    letters = sum(1 for char in sample if char.isalpha())
    if not letters:
        return None
    for code, script in _SCRIPTS:
        if len(script.findall(sample)) >= _MIN_SCRIPT_SHARE * letters:
            if code == "zh" and _SCRIPTS[1][1].search(sample):
                return "ja"  # kanji with kana is Japanese
            return code
    words = Counter(word.lower() for word in _WORD.findall(sample))
    scores = {code: sum(words[word] for word in vocabulary) for code, vocabulary in _FUNCTION_WORDS.items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] >= _MIN_HITS else None
