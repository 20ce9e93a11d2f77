"""Corrections to the French model's spans that follow from how French writes names
(`french_institutions`): a body's name runs on into its lower-case adjective ("Conseil" ->
"Conseil constitutionnel"), and a competition's name is no organisation or person ("Ligue des
champions", "Roland-Garros")."""

from __future__ import annotations

import re
from typing import Final

from newsfacet.enrich.french_institutions import BODY_ADJECTIVES, FRENCH_EVENTS

# The label of a span that names no actor and no place (the model's MISC, which `mentions` drops).
NOT_AN_ENTITY: Final = ""
_ADJECTIVE_AFTER: Final = re.compile(
    rf"[ \u00a0]({'|'.join(sorted(BODY_ADJECTIVES, key=len, reverse=True))})(?![\w'’-])"
)
_EVENT: Final = re.compile(
    rf"(?<![\w-])(?i:{'|'.join(re.escape(name) for name in sorted(FRENCH_EVENTS, key=len, reverse=True))})"
    r"(?![\w-])(?:\s+(?:des\s+clubs|féminine|masculin|[0-9]{4}))?"
)

Entity = tuple[int, int, int, str]


def corrected_french_entities(title: str, text: str, entities: list[Entity]) -> list[Entity]:
    """The model's French entities, bodies' names run on to their adjective and competitions'
    names made no entity (each replacing the model's spans inside it)."""
    origins = (title, text)
    events = [
        (source, match.start(), match.end())
        for source, origin in enumerate(origins)
        for match in _EVENT.finditer(origin)
        if match.group(0)[:1].isupper()
    ]
    corrected: list[Entity] = [(source, start, end, NOT_AN_ENTITY) for source, start, end in events]
    for source, start, end, label in entities:
        if any(s == source and start < e and end > b for s, b, e in events):
            continue
        adjective = _ADJECTIVE_AFTER.match(origins[source], end) if label == "ORG" else None
        corrected.append((source, start, end if adjective is None else adjective.end(), label))
    return sorted(corrected)
