"""Products named like actors: software, AI models, drugs, devices, cars and gadgets.

The annotation rules keep products out of actors, and the model types them ORG or PERSON. Two kinds
of evidence tell a product, both here:

- the words around its mentions (`has_product_evidence`, voted over all of a name's mentions by
  `web_mentions`): a version number in or after it ("GPT-5", "Llama 3.1", "Devstral 2 model"), a
  product noun after it ("the Zenflow tool", "Wegovy injections"), a category before it ("models
  like A, B and C", "the drug X"). A name is a product when at least half of its mentions carry
  such evidence, so a company named once before its product ("Microsoft 365") and often alone
  stays an actor;
- the name's own words (`is_product_name`, asked by `actors` for each name): a model word, a
  product noun or a model number in it ("AirPods Pro", "Magic Keyboard", "LC500 Convertible"), or
  a maker the article names followed by words that make no organisation ("Apple AirPods").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from typing import Final

from newsfacet.enrich.actor_vocabulary import (
    MODEL_WORDS,
    ORGANIZATION_LAST_WORDS,
    PRODUCT_KEYS,
    PRODUCT_NOUNS,
)
from newsfacet.enrich.names import fold

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


# A word of a name that mixes letters and digits, as model numbers do ("LC500", "3D", "PS4"); not an
# ordinal ("21st Century Fox").
_MODEL_NUMBER = re.compile(
    r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])(?![\d]+(?:st|nd|rd|th)\b)[\w-]+(?![\w-])"
)


def is_product_name(name: str, makers: Collection[str], *, person: bool = False) -> bool:
    """A product's name, not an actor's: a model word or a product noun at the end ("Switch Lite",
    "AirPods Pro", "Magic Keyboard"), a model number ("Premium 3D Sound System", "LC500
    Convertible"), a product the vocabulary knows after its maker ("Amazon Alexa"), or a maker the
    article names followed by words that make no organisation ("Apple AirPods", "Amazon Echo Buds";
    but "Walt Disney Co.", "Samsung Electronics", "U.S. Navy"). The maker itself stays an actor
    wherever it is named alone. One word is a product only as a model's edition ("the Convertible";
    not for a person: "Max")."""
    key = fold(name)
    if " " not in name:
        return not person and key in MODEL_WORDS
    first, last = key.split(" ", 1)[0], key.rsplit(" ", 1)[-1]
    if last in ORGANIZATION_LAST_WORDS:
        return False
    return (
        last in MODEL_WORDS
        or last in PRODUCT_NOUNS  # "Magic Keyboard", "Surface Laptop"
        or _MODEL_NUMBER.search(name) is not None
        or key[len(first) + 1 :] in PRODUCT_KEYS
        or _starts_with_maker(key, makers)
    )


def _starts_with_maker(key: str, makers: Collection[str]) -> bool:
    """Whether the words of `key` begin with a maker's whole name ("apple airpods"), tried at
    each word boundary rather than for each maker (an article names many)."""
    at = key.find(" ")
    while at >= 0:
        if key[:at] in makers:
            return True
        at = key.find(" ", at + 1)
    return False
