"""People the model missed, found by how news introduces them: after a sports position or a job
("Pittsburgh center Jane Roe", "researchers Jane Roe and John Doe"), or given like a person found
("American Jane Roe and Australian John Doe", a name with initials listed after one)."""

from __future__ import annotations

import re

from newsfacet.enrich.geo_aliases import DEMONYMS

__all__ = ["FULL_NAME", "PERSON_ROLES", "people_by_pattern"]

# Sports positions and jobs that news writes in lower case before a full name ("Pittsburgh center
# Jane Roe", "Jefferies analyst Jane Roe"): the name is a person's.
PERSON_ROLES = (
    r"center|centre|quarterback|linebacker|receiver|running\s+back|pass\s+rusher|tight\s+end"
    r"|cornerback|safety|defenseman|defenceman|forward|winger|goalie|goaltender|goalkeeper"
    r"|pitcher|catcher|shortstop|outfielder|striker|midfielder|defender"
    r"|analyst|economist|strategist|spokesman|spokeswoman|spokesperson|professor|researcher"
)
# Two or three capitalised words ("Jane Roe", "Mary-Kate McRoe"), not followed by another.
FULL_NAME = r"[A-Z][a-z]+(?:[A-Z-][a-z]+)?(?:\s+[A-Z][a-z]+(?:[A-Z-][a-z]+)?){1,2}(?![\w'’-]|\s+[A-Z])"
# Roles news writes before one or several names, never a team's staff ("rapper Lil Wayne",
# "researchers Jane Doe and John Roe"); in lower case only: "Screen Actors Guild" names no actor.
_NAMING_ROLES = (
    r"rappers?|singers?|songwriters?|actors?|actress(?:es)?|comedians?|musicians?|filmmakers?"
    r"|novelists?|researchers|scientists|economists|analysts|professors|lawmakers"
)
_PERSON_AFTER_ROLE = re.compile(rf"(?<![\w-])(?:{PERSON_ROLES}|{_NAMING_ROLES})\s+(?P<name>{FULL_NAME})")
_DEMONYM_ALTERNATION = "|".join(sorted(DEMONYMS, key=len, reverse=True))
# A second person given like the first: "Jane Roe and Australian John Doe", "... and analyst John Doe".
_PERSON_AFTER_AND = re.compile(
    rf"\s+and\s+(?:(?:{_DEMONYM_ALTERNATION}|{PERSON_ROLES})\s+)?(?P<name>{FULL_NAME})"
)
# A name with initials listed after a person, which the model misses or cuts ("TA Blair"): "Chris
# Kuo, Struan WA Wilkie, and".
_LISTED_WITH_INITIALS = re.compile(
    r",\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z]{1,2}\.?)+\s+[A-Z][a-z]+),?\s+and\s+(?=[A-Z])"
)


def people_by_pattern(
    origins: tuple[str, str], entities: list[tuple[int, int, int, str]]
) -> tuple[list[tuple[int, int, int, str]], list[tuple[int, int, int, str]]]:
    """People the model missed, found by how news introduces them: a full name after a sports
    position or a job ("Pittsburgh center Jane Roe", "researchers Jane Roe and John Doe"), or given
    in the same way as a person found ("American Jane Roe and Australian John Doe"). As (source,
    start, end, "PERSON"): those after a role, with initials or listed with them, then the others."""
    after_role = [
        (source, match.start("name"), match.end("name"), "PERSON")
        for source, origin in enumerate(origins)
        for match in _PERSON_AFTER_ROLE.finditer(origin)
    ]
    after_person: list[tuple[int, int, int, str]] = []
    for source, start, end, label in after_role + entities:
        text = origins[source]
        match = _PERSON_AFTER_AND.match(text, end) or _LISTED_WITH_INITIALS.match(text, end)
        if label == "PERSON" and match is not None:
            listed = (source, match.start("name"), match.end("name"), "PERSON")
            firm = match.re is _LISTED_WITH_INITIALS or (source, start, end, label) in after_role
            (after_role if firm else after_person).append(listed)
    return after_role, after_person
