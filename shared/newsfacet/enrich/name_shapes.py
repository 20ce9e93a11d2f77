"""Names whose words make them no actor: a job title ("Managing Principal", "Chief AI Scientist")
and a capitalised modifier opening a sentence ("Additional customers said ...").

Blogs and company pages write job titles in title case after a person's name ("Jane Roe, Managing
Principal at ..."), and the model reads them as organisations or people; a sentence that opens with
an adjective or adverb gives it a capital the model reads as a name. Both are told by the words
alone, from small closed sets of job words and of English modifier endings, not by names.
"""

from __future__ import annotations

import re
from typing import Final

# Heads of job titles, and the words that qualify them ("Senior", "Managing", "Vice").
_JOB_HEADS: Final = frozenset(
    {"principal", "director", "officer", "manager", "president", "founder", "cofounder", "partner"}
    | {"editor", "scientist", "engineer", "architect", "analyst", "chair", "chairman", "chairwoman"}
    | {"executive", "strategist", "correspondent", "consultant", "lead", "head", "researcher"}
    | {"professor", "associate", "fellow", "producer", "reporter", "writer", "columnist", "designer"}
)
_JOB_QUALIFIERS: Final = frozenset(
    {"managing", "senior", "chief", "executive", "general", "deputy", "associate", "assistant"}
    | {"vice", "principal", "lead", "head", "founding", "co", "staff", "junior", "creative", "technical"}
    | {"contributing", "research", "project", "product", "program", "design", "data", "and", "of"}
)
_TITLE_WORD: Final = re.compile(r"[A-Z][a-z]+|[A-Z]{2,5}|of|and")
_WORD_SPLIT: Final = re.compile(r"[\s-]+")


def is_job_title(name: str) -> bool:
    """Title-case words that are all job words ending with a job's head ("Managing Principal",
    "Chief AI Scientist", "Senior Vice President"); an acronym may qualify ("AI")."""
    words = _WORD_SPLIT.split(name.strip())
    if len(words) < 2 or words[-1].casefold() not in _JOB_HEADS:
        return False
    for word in words:
        if _TITLE_WORD.fullmatch(word) is None:
            return False
        lowered = word.casefold()
        if not (lowered in _JOB_QUALIFIERS or lowered in _JOB_HEADS or word.isupper()):
            return False
    return True


# Endings of English adjectives and adverbs ("Additional", "Extensive", "Previously").
_MODIFIER_ENDING: Final = re.compile(r"[A-Z][a-z]{3,}(?:al|ive|ous|ful|ly|able|ible)")


def is_capitalised_modifier(name: str) -> bool:
    """One title-case word with an adjective's or adverb's ending ("Additional", "Previously")."""
    return _MODIFIER_ENDING.fullmatch(name) is not None
