"""Enrichment: article title + body -> actors, locations, IPTC topics.

The pipeline calls `enrich` once per article. Heavy resources (the spaCy model, the geo table) load
lazily, once per process, on the first call.
"""

from __future__ import annotations

from collections.abc import Collection

from pydantic import BaseModel, ConfigDict

from newsfacet.model import Actor, Location, Topic

__all__ = ["Enrichment", "enrich"]


class Enrichment(BaseModel):
    """What enrichment found in one article, each list ordered by importance."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    actors: list[Actor] = []
    locations: list[Location] = []
    topics: list[Topic] = []


def enrich(title: str, text: str, *, exclude: Collection[str] = ()) -> Enrichment:
    """Find the actors, locations and topics of an article.

    `exclude` holds names to keep out of actors: the publisher and wire credits ("AFP", "Reuters",
    "FRANCE 24 with wires"), with their variants.
    """
    return Enrichment()
