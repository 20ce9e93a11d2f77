"""Corrections to the French model's spans that follow from how French writes names
(`french_institutions`): a body's name runs on into its lower-case adjective ("Conseil" ->
"Conseil constitutionnel") or its lower-case words ("Cour de cassation"), a competition's name is
no organisation or person ("Ligue des champions", "Roland-Garros"), and a name after "au", "aux"
or "en" is a place, not a person ("au Sahel")."""

from __future__ import annotations

import re
from typing import Final

from newsfacet.enrich.french_institutions import BODY_ADJECTIVES, FRENCH_BODIES, FRENCH_EVENTS

# The label of a span that names no actor and no place (the model's MISC, which `mentions` drops).
NOT_AN_ENTITY: Final = ""
_ADJECTIVE_AFTER: Final = re.compile(
    rf"[ \u00a0]({'|'.join(sorted(BODY_ADJECTIVES, key=len, reverse=True))})(?![\w'’-])"
)
_EVENT: Final = re.compile(
    rf"(?<![\w-])(?i:{'|'.join(re.escape(name) for name in sorted(FRENCH_EVENTS, key=len, reverse=True))})"
    r"(?![\w-])(?:\s+(?:des\s+clubs|féminine|masculin|[0-9]{4}))?"
)

_BODY: Final = re.compile(
    rf"(?<![\w-])(?:{'|'.join(re.escape(name) for name in sorted(FRENCH_BODIES, key=len, reverse=True))})"
    r"(?![\w-])"
)
# Words before which a name is a place, never a person ("au Sahel", "en Bavière").
_PLACE_BEFORE: Final = re.compile(r"(?<![\w-])(?i:au|aux|en)\s+$")

# A headline's kicker ("Cannes : le jury dévoile son palmarès"), which the model often reads as MISC.
_KICKER: Final = re.compile(r"\s*([A-ZÀ-Þ][\w'’-]+(?:[ -][A-ZÀ-Þ][\w'’-]+){0,2})\s*:")

Entity = tuple[int, int, int, str]


def corrected_french_entities(title: str, text: str, entities: list[Entity]) -> list[Entity]:
    """The model's French entities, bodies' names run on to their adjective and competitions'
    names made no entity (each replacing the model's spans inside it)."""
    origins = (title, text)
    known: list[Entity] = [
        (source, match.start(), match.end(), label)
        for pattern, label in ((_EVENT, NOT_AN_ENTITY), (_BODY, "ORG"))
        for source, origin in enumerate(origins)
        for match in pattern.finditer(origin)
        if match.group(0)[:1].isupper()
    ]
    corrected = list(known)
    for source, start, end, model_label in entities:
        if any(s == source and start < e and end > b for s, b, e, _label in known):
            continue
        origin = origins[source]
        after_place_word = _PLACE_BEFORE.search(origin, max(0, start - 5), start) is not None
        label = "LOC" if model_label == "PERSON" and after_place_word else model_label
        adjective = _ADJECTIVE_AFTER.match(origin, end) if label == "ORG" else None
        corrected.append((source, start, end if adjective is None else adjective.end(), label))
    return sorted(_with_kicker_as_place(title, corrected))


def _with_kicker_as_place(title: str, entities: list[Entity]) -> list[Entity]:
    """The headline's kicker is a place candidate (`places` checks the gazetteer) unless the model
    gave it a person's or organisation's label."""
    kicker = _KICKER.match(title)
    if kicker is None:
        return entities
    start, end = kicker.span(1)
    overlapping = [e for e in entities if e[0] == 0 and e[1] < end and e[2] > start]
    if any(label != NOT_AN_ENTITY for _source, _start, _end, label in overlapping):
        return entities
    return [e for e in entities if e not in overlapping] + [(0, start, end, "LOC")]
