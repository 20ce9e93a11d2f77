"""Typed results read from the responses to `query`'s request bodies: hits and their snippets,
facets, facet values, histograms, and the stored versions an S3 object holds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from newsfacet.model import (
    Dimension,
    FacetValue,
    HistogramBucket,
    SearchHit,
    SearchQuery,
    SearchResult,
    StoredVersion,
)
from newsfacet.store.facets import matches_prefix, ordered_facet
from newsfacet.store.opensearch.documents import FACET_WORDS_SEPARATOR, holder_key
from newsfacet.store.snippets import SNIPPET_WORDS, lede_snippet

__all__ = [
    "HeldBy",
    "empty_result",
    "read_facet_values",
    "read_facets",
    "read_histogram",
    "read_histogram_aggregation",
    "read_hit",
    "read_origin_hits",
]

Body = dict[str, Any]
HeldBy = dict[tuple[str, str], list[StoredVersion]]
"""What each S3 object (bucket, key) holds or last held."""


def read_origin_hits(response: Body, origins: Sequence[tuple[str, str]]) -> HeldBy:
    """What each S3 object (bucket, key) of a `find_by_origin_body` search holds or last held, read
    as the query matched it: a document with holder keys by those, another by its origin. Each
    object's entries keep the response's (id) order."""
    found: HeldBy = {origin: [] for origin in origins}
    wanted = {holder_key(bucket, key): (bucket, key) for bucket, key in found}
    for hit in response["hits"]["hits"]:
        source: Body = hit["_source"]
        keys = source.get("holder_keys") or []  # an empty list does not `exist` either
        if keys:
            held_by = [wanted[each] for each in ([keys] if isinstance(keys, str) else keys) if each in wanted]
        else:
            origin = source.get("origin", {})
            held_by = [(origin.get("bucket"), origin.get("key"))]
        for bucket, key in held_by:
            if (bucket, key) in found:
                found[bucket, key].append(_origin_entry(hit["_id"], source, bucket, key))
    return found


def _origin_entry(article_id: str, source: Body, bucket: str, key: str) -> StoredVersion:
    """A tombstone's version, or the version of this object's hold."""
    version = int(source["version"])
    for held in source.get("holders", []):
        if (held["bucket"], held["key"]) == (bucket, key):
            version = int(held["version"])
    return StoredVersion(id=article_id, version=version, deleted=bool(source.get("deleted")))


def read_hit(hit: Body) -> SearchHit:
    """A `SearchHit` from one hit of `search_body`'s response."""
    source: Body = hit.get("_source", {})
    highlight: Body = hit.get("highlight", {})
    return SearchHit(
        id=hit["_id"],
        title=source.get("title", ""),
        url=source.get("url"),
        source=source.get("source") or None,
        published_at=source.get("published_at"),
        snippet=_snippet(source.get("lede", ""), highlight),
        actors=[actor["name"] for actor in source.get("actors", [])],
        locations=[location["name"] for location in source.get("locations", [])],
        topics=[topic["label"] for topic in source.get("topics", [])],
    )


def _snippet(lede: str, highlight: Body) -> str:
    """The body fragment with a match, else the lede's, else the lede's start, else the body's.
    Highlighted fragments arrive HTML-escaped by OpenSearch (`encoder: html`)."""
    text_fragments: list[str] = highlight.get("text", [])
    lede_fragments: list[str] = highlight.get("lede", [])
    for fragments in (text_fragments, lede_fragments):
        if fragments and "<mark>" in fragments[0]:
            return fragments[0].strip()
    if lede.strip():
        return lede_snippet(lede, "")
    if text_fragments:
        return " ".join(text_fragments[0].split()[:SNIPPET_WORDS])
    return ""


def _bucket_counts(aggregation: Body, key: str) -> dict[str, int]:
    return {
        str(bucket["key"]): int(bucket["doc_count"]) for bucket in aggregation.get(key, {}).get("buckets", [])
    }


def read_facets(aggregations: Body, query: SearchQuery) -> dict[Dimension, list[FacetValue]]:
    """Every dimension's facet from `search_body`'s aggregations (missing ones read as empty)."""
    facets: dict[Dimension, list[FacetValue]] = {}
    for dimension in Dimension:
        aggregation = aggregations.get(f"facet_{dimension.value}", {})
        counts = {**_bucket_counts(aggregation, "top"), **_bucket_counts(aggregation, "selected")}
        facets[dimension] = ordered_facet(counts, query.selected(dimension).values, query.facet_size)
    return facets


def read_facet_values(
    aggregations: Body, dimension: Dimension, prefix: str, query: SearchQuery, size: int
) -> list[FacetValue]:
    """The answer of `facet_values_body`'s aggregation."""
    aggregation = aggregations.get("facet", {})
    counts: dict[str, int] = {}
    for key, count in _bucket_counts(aggregation, "top").items():
        value = key.split(FACET_WORDS_SEPARATOR, 1)[0]
        # A value found by its name and by an alias comes twice: each count is of its articles.
        counts[value] = max(count, counts.get(value, 0))
    counts.update(_bucket_counts(aggregation, "selected"))
    selected = [value for value in query.selected(dimension).values if matches_prefix(value, prefix)]
    return ordered_facet(counts, selected, size)


def read_histogram(aggregation: Body) -> list[HistogramBucket]:
    """Buckets of a date histogram aggregation, oldest first (as OpenSearch returns them)."""
    return [
        HistogramBucket(start=_utc_day(bucket["key"]), count=int(bucket["doc_count"]))
        for bucket in aggregation.get("buckets", [])
    ]


def read_histogram_aggregation(aggregations: Body, query: SearchQuery) -> list[HistogramBucket] | None:
    """The histogram `search_body` asked for, if `query` asked for one."""
    if query.histogram is None:
        return None
    return read_histogram(aggregations.get("histogram", {}).get("buckets", {}))


def _utc_day(epoch_millis: int) -> date:
    return datetime.fromtimestamp(epoch_millis / 1000, tz=UTC).date()


def empty_result(query: SearchQuery) -> SearchResult:
    """The answer to `query` while nothing was ever written (the index does not exist yet)."""
    return SearchResult(
        total=0,
        hits=[],
        facets={
            dimension: ordered_facet({}, query.selected(dimension).values, query.facet_size)
            for dimension in Dimension
        },
        next_cursor=None,
        histogram=[] if query.histogram is not None else None,
    )
