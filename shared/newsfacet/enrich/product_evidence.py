"""Products named like actors: software, AI models, drugs and devices, and acronyms of common nouns.

Tech coverage, newsletters and health pages name products as often as companies ("OpenAI's GPT-5
Codex", "Meta's Llama 3.1", "the drug Wegovy"), and the model types them ORG or PERSON. The
annotation rules keep products out of actors. What tells a product is the text around its name:
a version number in or after it ("GPT-5", "Llama 3.1", "Devstral 2 model"), a product noun after
it ("the Zenflow tool", "Wegovy injections"), a category before it ("models like A, B and C",
"the drug X"). A name is a product when at least half of its mentions carry such evidence, so a
company named once before its product ("Microsoft 365") and often alone stays an actor.

Acronyms of common nouns ("an LLM", "two LLMs", "average unit volume (AUV)") are no organisation
either: organisations take no plural and are not spelled out in lower case.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

# A version written inside the name: "GPT-5", "GPT-4o Mini", "Claude 3.5 Sonnet".
_VERSION_INSIDE: Final = re.compile(r"(?:[A-Za-z]{2}-\d{1,3}(?:\.\d+)*[a-z]?|\s\d{1,2}\.\d+)(?![\w.])")
# A possessive after the name: it owns what follows ("OpenAI's GPT-5"), a maker, not a product.
_POSSESSIVE_AFTER: Final = re.compile(r"['’]s?(?!\w)")

# Nouns of products after a name. Not "app" or "platform": "the Chime app", "the X platform" are
# the company's (see `actor_vocabulary.COMPANY_NEXT_WORDS`).
_PRODUCT_NOUNS: Final = (
    r"models?|chatbots?|assistants?|tools?|toolkits?|software|librar(?:y|ies)|frameworks?"
    r"|plugins?|extensions?|browsers?|drugs?|medications?|medicines?|pills?|injections?"
    r"|vaccines?|treatments?|devices?|headsets?|LLMs?"
)
# After the name: a version number ("Llama 3.1", "Claude 3.5 Sonnet",
# "Devstral 2 model", "v2") or a product noun ("Zenflow tool", "Wegovy injections").
_AFTER: Final = re.compile(
    rf"(?:\s+(?:v?\d{{1,2}}\.\d+|v\d{{1,2}}\b|\d{{1,2}}\s+(?:[A-Z][a-z]+|(?:{_PRODUCT_NOUNS})\b))"
    rf"|\s+(?:{_PRODUCT_NOUNS})\b)"
)
# Before the name: a category and "like", "such as", "including", "called", then a list of names
# ("models like OpenAI's GPT-5 Codex, Google's Gemini Advanced and Meta's Llama 3.1"), the
# category right before it ("the drug Wegovy", "the AI model Gemini"), or a tool's verb ("a game
# using Python", "written in Rust"; a company's possessive is its own: "using OpenAI's models").
_CATEGORY: Final = (
    r"(?:models?|chatbots?|assistants?|tools?|frameworks?|librar(?:y|ies)|software"
    r"|drugs?|medications?|medicines?|treatments?|vaccines?|products?|devices?|games?|LLMs?)"
)
# (No "\b" in front: a pattern that opens with its words is scanned for much faster.)
_CATEGORY_LEAD: Final = re.compile(
    rf"(?:{_CATEGORY}\s+(?:(?:like|such\s+as|including|called|named|dubbed)\s+)?"
    r"|(?:using|written\s+in|coded\s+in|built\s+with)\s+)(?=[A-Z0-9])"
)
_NAME_LIST: Final = re.compile(r"(?:(?:[A-Z0-9][\w.’'-]*|and|or|&),?\s+)*")


def category_lists(text: str) -> list[tuple[int, int]]:
    """Spans of the names that follow a product category in `text`, sorted: "OpenAI's GPT-5
    Codex, Google's Gemini Advanced and Meta's " of "models like OpenAI's GPT-5 Codex, ...".
    One pass over the text, so that each mention is then looked up, not searched for."""
    spans = []
    for lead in _CATEGORY_LEAD.finditer(text):
        if lead.start() and (text[lead.start() - 1].isalnum() or text[lead.start() - 1] == "-"):
            continue  # "remodels Acme": inside a word
        names = _NAME_LIST.match(text, lead.end())
        spans.append((lead.end(), names.end() if names else lead.end()))
    return spans


def has_product_evidence(text: str, start: int, end: int, lists: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether the words in and around `text[start:end]` (a name) say it is a product; `lists`
    are the page's `category_lists`."""
    if _POSSESSIVE_AFTER.match(text, end) is not None:
        return False
    if _VERSION_INSIDE.search(text, start, end) is not None or _AFTER.match(text, end) is not None:
        return True
    at = bisect.bisect_right(lists, (start, _FAR)) - 1
    return at >= 0 and lists[at][0] <= start <= lists[at][1]


_FAR: Final = 1 << 62


# A capitalised name and a version number ("Llama 3.1", "GPT-5", "Claude 3.5 Sonnet"), which the
# model often leaves out of its entities: each occurrence counts as a product use of the name.
_VERSION: Final = re.compile(r"[-\s](?<=[A-Za-z][-\s])(?:(?<=-)\d{1,3}|\s*v?\d{1,2}\.\d+)(?![\w.-])")
_NAME_BEFORE_VERSION: Final = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9]*$")
_NAME_REACH: Final = 30


def versioned_names(text: str) -> dict[int, str]:
    """Start offset -> name of every name written with a version number in `text`."""
    found = {}
    for version in _VERSION.finditer(text):
        name = _NAME_BEFORE_VERSION.search(text, max(0, version.start() - _NAME_REACH), version.start())
        if name is not None:
            found[name.start()] = name.group(0)
    return found


# An acronym followed by a lower-case "s" ("LLMs"), or spelled out in lower-case words next to it:
# "average unit volume (AUV)", "AUV (average unit volume)".
# (Each pattern opens with the character it needs, then looks behind: scanning stays cheap.)
_PLURAL_ACRONYM: Final = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]{1,5})s(?![\w-])")
_ACRONYM_IN_PARENTHESES: Final = re.compile(r"\(([A-Z]{2,6})s?\)")
_SPELLED_AFTER: Final = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]{1,5})s?\s+\(([a-z][a-z -]{2,80})\)")
_SPELLED_REACH: Final = 80


def common_noun_acronyms(text: str) -> frozenset[str]:
    """Acronyms `text` uses as common nouns: written in the plural or spelled out in lower case
    (their initials in order). One pass of three patterns over the text."""
    found = set(_PLURAL_ACRONYM.findall(text))
    for match in _ACRONYM_IN_PARENTHESES.finditer(text):
        letters = match.group(1)
        before = _WORD_GAP.split(text[max(0, match.start() - _SPELLED_REACH) : match.start()].strip())
        words = before[-len(letters) :]
        if (
            len(words) == len(letters)
            and all(w.islower() for w in words)
            and _initials(words) == letters.lower()
        ):
            found.add(letters)
    for letters, spelled in _SPELLED_AFTER.findall(text):
        if _initials(_WORD_GAP.split(spelled)).startswith(letters.lower()):
            found.add(letters)
    return frozenset(found)


# A determiner no organisation's name takes: "your CRM", "That AUV has grown", "each EHR" (but
# "the FBI"; "a NASA scientist" is the agency's, so not "a" or "an"; and "that" only opening a
# sentence, as "note that USF offers" is a conjunction).
_COMMON_DETERMINER: Final = re.compile(
    r"(?<![\w-])(?:[Yy]our|[Oo]ur|[Tt]heir|[Mm]y|[Ii]ts|[Tt]his|That|[Tt]hese|[Tt]hose|[Ee]ach|[Ee]very|[Aa]ny)\s+$"
)
_DETERMINER_REACH: Final = 8


def has_common_determiner(text: str, start: int) -> bool:
    """Whether the word before `start` is a determiner of common nouns ("your", "that", "each")."""
    return _COMMON_DETERMINER.search(text, max(0, start - _DETERMINER_REACH), start) is not None


def _initials(words: list[str]) -> str:
    return "".join(word[0] for word in words if word)


_WORD_GAP: Final = re.compile(r"[\s-]+")
