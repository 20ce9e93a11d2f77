"""Names whose words make them no actor: a job title ("Managing Principal", "Chief AI Scientist"),
a capitalised modifier opening a sentence ("Additional customers said ...") and an acronym of a
common noun ("an LLM", "two LLMs", "average unit volume (AUV)", "your CRM").

Blogs and company pages write job titles in title case after a person's name ("Jane Roe, Managing
Principal at ..."), and the model reads them as organisations or people; a sentence that opens with
an adjective or adverb gives it a capital the model reads as a name. Both are told by the words
alone, from small closed sets of job words and of English modifier endings, not by names.
Organisations take no plural, are not spelled out in lower case and take no "your" or "each".
"""

from __future__ import annotations

import re
from typing import Final

from newsfacet.enrich.actor_vocabulary import ORGANIZATION_LAST_WORDS

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


# An acronym followed by a lower-case "s" ("LLMs"), or spelled out in lower-case words next to it:
# "average unit volume (AUV)", "AUV (average unit volume)".
# (Each pattern opens with the character it needs, then looks behind: scanning stays cheap.)
_PLURAL_ACRONYM: Final = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]{1,5})s(?![\w-])")
_ACRONYM_IN_PARENTHESES: Final = re.compile(r"\(([A-Z]{2,6})s?\)")
_SPELLED_AFTER: Final = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]{1,5})s?\s+\(([a-z][a-z -]{2,80})\)")
_SPELLED_REACH: Final = 80
# "an EEG.", "a CRM for small firms", "an LLC that": an acronym after "a" or "an" that ends the noun
# phrase (punctuation or a function word follows) is a thing; "a NASA scientist", "an FBI agent"
# name the body before the noun they qualify, and do not count.
_AFTER_INDEFINITE: Final = re.compile(
    r"[Aa](?<![\w-][Aa])n?\s+([A-Z]{2,6})(?=\s*[.,;:!?)\u2014\u2013]"
    r"|\s+(?:for|of|to|in|on|at|that|which|and|or|is|was|with|from|by|as)\b)"
)


# An acronym introduced by its expansion in title case: "Model Context Protocol (MCP)", "Joint
# Embedding Predictive Architecture, or JEPA", "Federal Bureau of Investigation (FBI)".
_ACRONYM_AFTER_EXPANSION: Final = re.compile(r"\(([A-Z]{2,6})s?\)|,\s+or\s+([A-Z]{2,6})\b")
_EXPANSION: Final = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|and|for|on|the|&)\s+)*[A-Z][\w-]*){0,6}$")
_EXPANSION_REACH: Final = 160
_HEAD_BEFORE: Final = frozenset({"of", "for", "on", "in", "to"})
# Heads of the names of bodies, beside `actor_vocabulary.ORGANIZATION_LAST_WORDS`, and of places
# (whose acronyms `places` counts: "Upper Valley Region (UVR)").
_BODY_HEADS: Final = frozenset(
    {"service", "organization", "organisation", "institution", "alliance", "coalition", "academy"}
    | {"laboratory", "laboratories", "observatory", "enterprise", "shield", "program"}
    | {"republic", "kingdom", "emirates", "region", "province", "state", "county", "district"}
    | {"territory", "city", "valley", "island", "area", "zone", "coast", "bay", "sea"}
)


def _acronyms_of_things(text: str) -> set[str]:
    """Acronyms whose title-case expansion names a thing, not a body: its head noun (the word
    before "of" or "for", else the last) is no organisation's ("Protocol", "Architecture",
    "Management"), where "Bureau" of "Federal Bureau of Investigation" is."""
    found = set()
    # The acronym first (a scan for "(" and ","), then its expansion in the words before it.
    for match in _ACRONYM_AFTER_EXPANSION.finditer(text):
        letters = match.group(1) or match.group(2)
        before = text[max(0, match.start() - _EXPANSION_REACH) : match.start()]
        if match.group(1):
            if not before[-1:].isspace():
                continue
            before = before.rstrip()
        expansion = _EXPANSION.search(before)
        if expansion is None or not expansion.group(0):
            continue
        words = expansion.group(0).split()
        capitals = [word for word in words if word[:1].isupper()][-len(letters) :]
        if len(capitals) != len(letters) or _initials(capitals).upper() != letters:
            continue
        start = len(words) - words[::-1].index(capitals[0]) - 1
        phrase = [word.casefold() for word in words[start:]]
        cut = next((at for at, word in enumerate(phrase) if at and word in _HEAD_BEFORE), len(phrase))
        head = phrase[cut - 1]
        singular = head[:-1] if head.endswith("s") else head
        if not {head, singular} & (ORGANIZATION_LAST_WORDS | _BODY_HEADS):
            found.add(letters)
    return found


def common_noun_acronyms(text: str) -> frozenset[str]:
    """Acronyms `text` uses as common nouns: written in the plural, spelled out in lower case
    (their initials in order) or after "a" or "an" as a noun of its own ("an EEG."). One pass of
    four patterns over the text."""
    found = set(_PLURAL_ACRONYM.findall(text)) | set(_AFTER_INDEFINITE.findall(text))
    found |= _acronyms_of_things(text)
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


# Peoples named by religion or ethnicity, singular: "Muslims", "Kurds", "Hispanics" name a people,
# not a body that acts (the annotation's demonyms: "Americans", "South Dakotans").
_PEOPLE_WORDS: Final = frozenset(
    {"muslim", "christian", "jew", "catholic", "hindu", "sikh", "buddhist", "protestant", "mormon"}
    | {"evangelical", "shiite", "shia", "sunni", "jain", "yazidi", "druze", "copt", "kurd", "arab"}
    | {"uyghur", "uighur", "rohingya", "pashtun", "tamil", "berber", "latino", "latina", "hispanic"}
    | {"bedouin", "tutsi", "hutu", "maori", "gypsy", "roma", "white", "black", "asian", "african"}
)
# A plural of residents or of a people ("Houstonians", "San Franciscans", "Europeans", "Alawites").
_RESIDENTS: Final = re.compile(r"(?:[A-Z][a-z]+\s+)*[A-Z][a-z]{2,}(?:ians|eans|ans|ites)")


def names_a_people(name: str) -> bool:
    """Whether a group's name is a people: residents of a place ("Houstonians", "San
    Franciscans"), a nation or an ethnic or religious group ("Kurds", "Muslims")."""
    last = name.rsplit(None, 1)[-1].casefold()
    singular = last[:-2] if last.endswith("es") and last[:-2] in _PEOPLE_WORDS else last.removesuffix("s")
    return singular in _PEOPLE_WORDS or _RESIDENTS.fullmatch(name) is not None


# What follows a verb or an adverb opening a sentence or a list item ("Develop a plan", "Invest in
# bonds", "Ideally, you ...") or a label ("Size: 10 inches"); a name opening a sentence is followed
# by its verb ("Nvidia rose"), an age or an apposition.
_AFTER_VERB: Final = re.compile(
    r"(?::|\s+(?:a|an|the|your|our|their|my|this|these|those|some|any|all|each|every|more|less|in|on"
    r"|to|for|with|from|by|into|up|out|down|off|over|about|it|them|you|yourself|yourselves|us|me"
    r"|how|what|why|when|where|whether|that|if)\b)"
)


def opens_as_a_verb(text: str, end: int, *, person: bool = False) -> bool:
    """Whether the word ending at `end` (one that opens a sentence or a line) is followed as a verb,
    an adverb or a label is: by a determiner, a preposition, a pronoun or a colon (not after a
    `person`'s name: "Jenny: add support for FedEx" assigns a task)."""
    match = _AFTER_VERB.match(text, end)
    return match is not None and not (person and match.group(0) == ":")
