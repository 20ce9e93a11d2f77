"""Names the model joins into one span across "and", "or" or a comma: "Vercel and Netlify",
"Airbnb and Eventbrite", "Yelp or Vitals", "Tinder, Bumble", "Jane Roe, CISO". No facet user
looks up "Apple and Google"; each name of the list is an actor of its own (the same span typed a
person, which `names.clean_name` refuses for its lower-case "and", lost both people).

A list is told from a name with "and" inside by the name's own words: a body's head noun at the
end ("Centers for Disease Control and Prevention" has "of/for"; "Tutoring and Learning Center" ends
with "Center"), a company's suffix after the comma ("Acme, Inc."), a person's suffix ("Roe, Jr."),
partners' names ending with "&" ("Skadden, Arps, Slate, Meagher & Flom"), or a part the text writes
in lower case ("Food and Water Watch"). A short capitals word after a person's name and a comma is
a credential or a job title ("Jane Roe, MD", "John Doe, CISO"), no name.
"""

from __future__ import annotations

import re
from typing import Final

from newsfacet.enrich.actor_vocabulary import ORGANIZATION_LAST_WORDS
from newsfacet.enrich.names import list_item_spans
from newsfacet.enrich.whole_words import has_phrase

# A list's separators inside a span (a cheap test before any splitting).
_SEPARATOR: Final = re.compile(r",\s|\s(?:and|or)\s")
# Words that tie a body's name together across its "and": "Department of Health and Human
# Services", "Centers for Disease Control and Prevention", "Society for the Arts and Sciences".
_NAME_JOINERS: Final = re.compile(r"\s(?:of|for|the|on|de|du|des)\s")
# What follows a name's comma as part of that name: a company's or a person's suffix, a US state.
_NAME_SUFFIX: Final = re.compile(
    r"(?i:inc|incorporated|ltd|llc|llp|plc|corp|co|lp|sa|ag|gmbh|jr|sr)\.?|I{2,3}|IV|[A-Z]{2}"
    r"|[A-Z][a-z]{1,4}\.(?:\s?[A-Z][a-z]?\.)?|(?:[A-Z]\.){1,3}"
)
_MAX_ITEM_WORDS: Final = 4
# Prose ends a list with "and" or "or"; a firm's partners end with "&".
_LAST_JOINER: Final = re.compile(r"\s(?:and|or)\s")
# "MD", "PhD", "CISO", "RDN": a credential or a job's initials after a person's name.
_CREDENTIAL: Final = re.compile(r"[A-Z][A-Za-z]{0,1}[A-Z]{0,4}")


def joined_parts(origin: str, start: int, end: int, label: str, body: str) -> list[tuple[int, int]]:
    """The names of a person's or organisation's span that lists several ("Vercel and Netlify"),
    each apart; the span itself when it is one name (see the module's docstring). Names stay one
    where `body` writes one of their parts in lower case: "Food and Water Watch", "Infrastructure
    and Energy Alternatives" are names made of common words."""
    if label not in {"PERSON", "ORG"} or _SEPARATOR.search(origin, start, end) is None:
        return [(start, end)]
    span = origin[start:end]
    last_word = span.rsplit(None, 1)[-1].strip(".,").casefold()
    if _NAME_JOINERS.search(span) or last_word in ORGANIZATION_LAST_WORDS:
        return [(start, end)]
    items = list_item_spans(origin, start, end)
    if label == "PERSON":
        # "Jane Roe, MD, RD": the person, without the letters after the name
        items = items[:1] + [(s, e) for s, e in items[1:] if _CREDENTIAL.fullmatch(origin[s:e]) is None]
    if len(items) == 1:
        return items
    if any(_NAME_SUFFIX.fullmatch(origin[s:e]) for s, e in items[1:]):
        return [(start, end)]
    if any(not origin[s].isupper() or len(origin[s:e].split()) > _MAX_ITEM_WORDS for s, e in items):
        return [(start, end)]
    if "&" in origin[items[-1][0] : items[-1][1]] and _LAST_JOINER.search(span) is None:
        return [(start, end)]  # "Skadden, Arps, Slate, Meagher & Flom": a firm's partners
    if any(has_phrase(body, origin[s:e].casefold()) for s, e in items):
        return [(start, end)]
    if label == "PERSON" and len(origin[items[-1][0] : items[-1][1]].split()) > 1:
        # "Bill and Hillary Clinton": a first name sharing the surname after it, alone no name
        return [(s, e) for s, e in items[:-1] if " " in origin[s:e]] + items[-1:]
    return items
