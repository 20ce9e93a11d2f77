"""OpenSearch request bodies built from typed queries (their responses are read by `responses`;
the indexed documents themselves are `documents`).

Pure functions over plain data, in one place, so the adapter (`store.py`, `bulk.py`) only moves bytes and
these can be read (and unit-tested) without a cluster. Nothing the user types reaches OpenSearch as
query syntax: `q` arrives as `newsfacet.query_syntax`'s AST and becomes `multi_match` clauses whose
text is analysed, never parsed.

Layout of one search (disjunctive faceting):

- `query`: the text clauses, the date range, the language and "not a tombstone". Everything that
  every count honours.
- `post_filter`: the facet selections of every dimension. Hits and `total` honour them; the
  aggregations do not see them, so each facet can apply all selections but its own.
- `aggs.facet_<dimension>`: a filter aggregation with the selections of the *other* dimensions,
  holding the top values (count desc, value asc) and the counts of the selected values (which always
  appear, even beyond `facet_size`).
- `aggs.histogram`: every selection, then a calendar date histogram in UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from newsfacet.model import (
    Dimension,
    FacetFilter,
    HistogramInterval,
    SearchQuery,
)
from newsfacet.query_policy import FIELD_WEIGHTS, searchable
from newsfacet.query_syntax import Clause, ParsedQuery, Phrase, Term, parse
from newsfacet.store.cursor import CursorPosition
from newsfacet.store.facets import (
    fold,
    matches_prefix,
)
from newsfacet.store.opensearch.documents import (
    ANALYSED_LANGUAGES,
    FACET_FIELD,
    FACET_WORDS_FIELD,
    FACET_WORDS_SEPARATOR,
    holder_key,
)

__all__ = [
    "HIT_SOURCE",
    "SEARCH_FIELDS",
    "facet_values_body",
    "find_by_origin_body",
    "histogram_body",
    "search_body",
]

Body = dict[str, Any]

# The index fields of each searched part of an article (`FIELD_WEIGHTS`); French and German
# articles' title and text are searched again, analysed in their language (stemming).
_FIELDS_OF_PART = {
    "title": ["title"],
    "lede": ["lede"],
    "text": ["text"],
    "authors": ["authors"],
    "entities": ["actor.text", "location.text", "topic.text"],
    "source": ["source.text"],
}
_LANGUAGE_PARTS = ("title", "text")


def _boosted(field: str, part: str) -> str:
    weight = FIELD_WEIGHTS[part]
    return field if weight == 1 else f"{field}^{weight:g}"


# Fields searched by `q`, boosted as `FIELD_WEIGHTS` says (the embedded store's bm25 weights).
SEARCH_FIELDS = [
    *(_boosted(field, part) for part, fields in _FIELDS_OF_PART.items() for field in fields),
    *(_boosted(f"{part}_{language}", part) for language in ANALYSED_LANGUAGES for part in _LANGUAGE_PARTS),
]
# What a hit needs from `_source` (the body text is read only through the highlighter).
HIT_SOURCE = [
    "id",
    "title",
    "url",
    "source",
    "published_at",
    "lede",
    "actors.name",
    "locations.name",
    "topics.label",
]
_SNIPPET_CHARS = 200
_MARK_TAGS = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"]}
LIVE = {"term": {"deleted": False}}


# --- the text query -----------------------------------------------------------------------------


def _clause_query(clause: Clause) -> Body:
    """One clause as plain data (stop words are indexed: a phrase matches its every word)."""
    if isinstance(clause, Term):
        return {"multi_match": {"query": clause.text, "fields": SEARCH_FIELDS, "type": "best_fields"}}
    if isinstance(clause, Phrase):
        return {"multi_match": {"query": " ".join(clause.words), "fields": SEARCH_FIELDS, "type": "phrase"}}
    return {
        "bool": {"should": [_clause_query(option) for option in clause.options], "minimum_should_match": 1}
    }


def _text_query(parsed: ParsedQuery) -> tuple[list[Body], list[Body]]:
    """(must, must_not) for the parsed `q`, without the clauses of stop words only (see
    `newsfacet.query_policy`; a query too large to run never gets this far)."""
    must = [_clause_query(clause) for clause in searchable(parsed.positive)]
    must_not = [_clause_query(clause) for clause in searchable(parsed.negated)]
    return must, must_not


# --- filters ------------------------------------------------------------------------------------


def _base_filters(query: SearchQuery) -> list[Body]:
    """Filters every count honours: live documents, the inclusive UTC days."""
    filters: list[Body] = [LIVE]
    if query.date_from is not None or query.date_to is not None:
        bounds: Body = {}
        if query.date_from is not None:
            bounds["gte"] = query.date_from.isoformat()
        if query.date_to is not None and query.date_to < date.max:  # the last day has no next day
            bounds["lt"] = (query.date_to + timedelta(days=1)).isoformat()
        filters.append({"range": {"published_at": {**bounds, "format": "strict_date", "time_zone": "UTC"}}})
    return filters


def _selection_filter(dimension: Dimension, selected: FacetFilter) -> Body | None:
    """The filter of one dimension's selection: any of the values, or all of them."""
    values = list(dict.fromkeys(selected.values))
    if not values:
        return None
    field = FACET_FIELD[dimension]
    if selected.match == "all" and len(values) > 1:
        return {"bool": {"filter": [{"term": {field: value}} for value in values]}}
    return {"terms": {field: values}}


def _selections(query: SearchQuery, skip: Dimension | None = None) -> list[Body]:
    filters = []
    for dimension in Dimension:
        if dimension == skip:
            continue
        selection = _selection_filter(dimension, query.selected(dimension))
        if selection is not None:
            filters.append(selection)
    return filters


def _all_of(filters: list[Body]) -> Body:
    return {"bool": {"filter": filters}} if filters else {"match_all": {}}


def _matching(query: SearchQuery, parsed: ParsedQuery, extra_filters: list[Body] | None = None) -> Body:
    must, must_not = _text_query(parsed)
    boolean: Body = {"filter": _base_filters(query) + (extra_filters or [])}
    if must:
        boolean["must"] = must
    if must_not:
        boolean["must_not"] = must_not
    return {"bool": boolean}


# --- aggregations -------------------------------------------------------------------------------


def _facet_aggregation(query: SearchQuery, dimension: Dimension, size: int) -> Body:
    field = FACET_FIELD[dimension]
    aggs: Body = {
        "top": {"terms": {"field": field, "size": size, "order": [{"_count": "desc"}, {"_key": "asc"}]}}
    }
    selected = list(dict.fromkeys(query.selected(dimension).values))
    if selected:
        aggs["selected"] = {"terms": {"field": field, "size": len(selected), "include": selected}}
    return {"filter": _all_of(_selections(query, skip=dimension)), "aggs": aggs}


def _histogram_aggregation(interval: HistogramInterval) -> Body:
    # min_doc_count 0 without extended bounds: empty buckets only between the first and last
    # non-empty ones. Calendar weeks start on Monday.
    return {
        "date_histogram": {
            "field": "published_at",
            "calendar_interval": interval,
            "time_zone": "UTC",
            "min_doc_count": 0,
        }
    }


# --- request bodies -----------------------------------------------------------------------------


def _sort(query: SearchQuery) -> list[Body]:
    if query.effective_sort() == "relevance":
        return [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}]
    return [{"published_at": {"order": "desc", "missing": "_last"}}, {"id": {"order": "asc"}}]


def search_body(query: SearchQuery, position: CursorPosition | None) -> Body:
    """The whole search: one page (plus one hit, to know whether more follow), the exact total,
    every dimension's disjunctive facet, and the histogram if asked."""
    parsed = parse(query.q)
    aggs: Body = {
        f"facet_{dimension.value}": _facet_aggregation(query, dimension, query.facet_size)
        for dimension in Dimension
    }
    if query.histogram is not None:
        aggs["histogram"] = {
            "filter": _all_of(_selections(query)),
            "aggs": {"buckets": _histogram_aggregation(query.histogram)},
        }
    body: Body = {
        "query": _matching(query, parsed),
        "size": query.size + 1,
        "track_total_hits": True,
        "sort": _sort(query),
        "_source": {"includes": HIT_SOURCE},
        "aggs": aggs,
        "highlight": {
            "encoder": "html",
            **_MARK_TAGS,
            "fields": {
                # The body's best fragment; its start when nothing matched (or no `q`), so an
                # article without a lede still gets a snippet.
                "text": {
                    "number_of_fragments": 1,
                    "fragment_size": _SNIPPET_CHARS,
                    "no_match_size": _SNIPPET_CHARS,
                },
                "lede": {"number_of_fragments": 1, "fragment_size": _SNIPPET_CHARS},
            },
        },
    }
    selections = _selections(query)
    if selections:
        body["post_filter"] = _all_of(selections)
    if position is not None:
        body["search_after"] = [*position.sort_values, position.last_id]
    return body


def story_selections(query: SearchQuery) -> Body:
    """Every selection as one filter (what hits honour through `post_filter`)."""
    return _all_of(_selections(query))


def facet_values_body(dimension: Dimension, prefix: str, query: SearchQuery, size: int) -> Body:
    """Counts of `dimension`'s values having a word starting with `prefix`, under every filter of
    `query` but `dimension`'s own selection."""
    folded = fold(prefix)
    selected = [
        value for value in dict.fromkeys(query.selected(dimension).values) if matches_prefix(value, prefix)
    ]
    aggs: Body
    if folded:
        # Anchored at a word start of the folded form: right after the separator or after a space.
        sep = FACET_WORDS_SEPARATOR
        pattern = f"[^{sep}]*{sep}([^{sep}]* )?{_regex_literal(folded)}.*"
        aggs = {
            "top": {
                "terms": {
                    "field": FACET_WORDS_FIELD[dimension],
                    "size": size,
                    "include": pattern,
                    "order": [{"_count": "desc"}, {"_key": "asc"}],
                }
            }
        }
        if selected:
            aggs["selected"] = {
                "terms": {"field": FACET_FIELD[dimension], "size": len(selected), "include": selected}
            }
        inner: Body = {"filter": _all_of(_selections(query, skip=dimension)), "aggs": aggs}
    else:
        inner = _facet_aggregation(query, dimension, size)
    return {
        "query": _matching(query, parse(query.q)),
        "size": 0,
        "track_total_hits": False,
        "aggs": {"facet": inner},
    }


def histogram_body(query: SearchQuery, interval: HistogramInterval) -> Body:
    """Matching articles (every filter and selection) per calendar day, week or month."""
    return {
        "query": _matching(query, parse(query.q), _selections(query)),
        "size": 0,
        "track_total_hits": False,
        "aggs": {"buckets": _histogram_aggregation(interval)},
    }


def find_by_origin_body(origins: Sequence[tuple[str, str]], size: int) -> Body:
    """Every live document these S3 objects (bucket, key) hold, and every tombstone they left (or,
    for documents written before holders were recorded, whose origin one of them is): one search
    for a batch's objects, whose hits `responses.read_origin_hits` sorts out per object. The origin
    clause asks for every bucket with every key (one clause, however many objects; the rare pair
    not asked for is dropped by the reader)."""
    legacy = [
        {"terms": {"origin.bucket": sorted({bucket for bucket, _ in origins})}},
        {"terms": {"origin.key": sorted({key for _, key in origins})}},
    ]
    return {
        "query": {
            "bool": {
                "should": [
                    {"terms": {"holder_keys": [holder_key(bucket, key) for bucket, key in origins]}},
                    {"bool": {"filter": legacy, "must_not": [{"exists": {"field": "holder_keys"}}]}},
                ],
                "minimum_should_match": 1,
            }
        },
        "size": size,
        "sort": [{"id": {"order": "asc"}}],
        "_source": {"includes": ["id", "version", "deleted", "holders", "holder_keys", "origin"]},
    }


def _regex_literal(text: str) -> str:
    """`text` as a Lucene regular expression matching itself (folded words need no escaping, but a
    future change of `fold` must not open a door into regex syntax)."""
    return "".join(ch if ch.isalnum() or ch == " " else "\\" + ch for ch in text)
