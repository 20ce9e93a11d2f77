"""Stories and related articles on OpenSearch: request bodies and response readers (pure data).

- Every document carries `story` (keyword) and `simhash_bands` (keyword, `newsfacet.stories`).
- A collapsed search is the ordinary search body plus field collapsing on `story`, with the other
  versions as `inner_hits` (oldest first) and the number of stories as a `cardinality` aggregation
  under the selections (as the hits honour them). OpenSearch 2.x cannot page a collapsed search with
  `search_after`, so it pages with `from` (see `newsfacet.store.cursor.encode_offset`).
- Related articles: `more_like_this` on the article's title and text (given as text: the index may
  be an alias) plus its actors and places, other stories only.
"""

from __future__ import annotations

from typing import Any

from newsfacet.model import (
    MAX_STORY_OTHERS,
    Article,
    HitStory,
    SearchHit,
    Story,
    StoryCandidate,
    StoryMember,
)
from newsfacet.stories import simhash_bands, story_window

__all__ = [
    "collapse",
    "read_candidates",
    "read_collapsed_hit",
    "read_story",
    "related_body",
    "story_body",
    "story_candidates_body",
    "story_count",
    "story_fields",
]

Body = dict[str, Any]

# Exact below this many stories (OpenSearch's maximum): far more than a search pages through.
_CARDINALITY_PRECISION = 40_000
_CANDIDATE_SOURCE = ["id", "story", "simhash", "title", "published_at", "actors.name", "locations.name"]
_MEMBER_SOURCE = ["id", "title", "source", "url", "published_at"]
_OLDEST_FIRST = [{"published_at": {"order": "asc", "missing": "_last"}}, {"id": {"order": "asc"}}]
_RELATED_TEXT_CHARS = 20_000
RELATED_TERMS = 25  # as the embedded store's related-articles query
_ENTITY_BOOST = 2.0


def story_fields(article: Article) -> Body:
    """The derived field that finds a new article's near-duplicates (`story` is the article's own)."""
    return {"simhash_bands": simhash_bands(article.simhash)}


def story_candidates_body(article: Article, live: Body, limit: int) -> Body:
    """Live articles sharing simhash bands (most shared first), or (dated articles) an actor or place,
    dated within the window or undated."""
    window = story_window(article)
    in_window: list[Body] = []
    if window is not None:
        dates = {"gte": window[0].isoformat(), "lte": window[1].isoformat()}
        undated = {"bool": {"must_not": [{"exists": {"field": "published_at"}}]}}
        in_window = [
            {"bool": {"should": [{"range": {"published_at": dates}}, undated], "minimum_should_match": 1}}
        ]
    # Each shared band scores 1 (10 with the boost): near-duplicates share several.
    bands = [
        {"constant_score": {"filter": {"term": {"simhash_bands": band}}}}
        for band in simhash_bands(article.simhash)
    ]
    should: list[Body] = [
        {"bool": {"should": bands, "minimum_should_match": 1, "filter": in_window, "boost": 10.0}}
    ]
    names = [actor.name for actor in article.actors] + [location.name for location in article.locations]
    if window is not None and names:
        should.append(
            {
                "bool": {
                    "filter": [{"range": {"published_at": dates}}],
                    "should": [{"terms": {"actor": names}}, {"terms": {"location": names}}],
                    "minimum_should_match": 1,
                }
            }
        )
    return {
        "query": {"bool": {"filter": [live], "should": should, "minimum_should_match": 1}},
        "size": limit,
        "track_total_hits": False,  # only the hits are read
        "sort": [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}],
        "_source": {"includes": _CANDIDATE_SOURCE},
    }


def read_candidates(response: Body) -> list[StoryCandidate]:
    candidates = []
    for hit in response["hits"]["hits"]:
        source: Body = hit["_source"]
        candidates.append(
            StoryCandidate(
                id=hit["_id"],
                story=source.get("story") or hit["_id"],
                simhash=source["simhash"],
                title=source.get("title", ""),
                published_at=source.get("published_at"),
                actors=[actor["name"] for actor in source.get("actors", [])],
                locations=[location["name"] for location in source.get("locations", [])],
            )
        )
    return sorted(candidates, key=lambda candidate: candidate.id)


def collapse(body: Body, selections: Body, offset: int) -> Body:
    """`body` (a search body without `search_after`) collapsed by story, from `offset` stories on."""
    return {
        **body,
        "from": offset,
        "collapse": {
            "field": "story",
            "inner_hits": {
                "name": "versions",
                "size": MAX_STORY_OTHERS + 1,
                "sort": _OLDEST_FIRST,
                "_source": {"includes": _MEMBER_SOURCE},
                "track_scores": False,
            },
        },
        "aggs": {
            **body.get("aggs", {}),
            "stories": {
                "filter": selections,
                "aggs": {
                    "count": {
                        "cardinality": {"field": "story", "precision_threshold": _CARDINALITY_PRECISION}
                    }
                },
            },
        },
    }


def story_count(aggregations: Body) -> int:
    return int(aggregations.get("stories", {}).get("count", {}).get("value", 0))


def read_collapsed_hit(hit: Body, read_hit: SearchHit) -> SearchHit:
    """A collapsed hit with its story: how many versions match, and the others, oldest first."""
    versions: Body = hit.get("inner_hits", {}).get("versions", {}).get("hits", {})
    members = [_member(inner) for inner in versions.get("hits", [])]
    others = [member for member in members if member.id != read_hit.id][:MAX_STORY_OTHERS]
    story = hit.get("fields", {}).get("story", [None])[0] or read_hit.id
    size = max(1, int(versions.get("total", {}).get("value", 1)))
    return read_hit.model_copy(update={"story": HitStory(id=story, size=size, others=others)})


def story_body(story_id: str, live: Body, size: int) -> Body:
    return {
        "query": {"bool": {"filter": [live, {"term": {"story": story_id}}]}},
        "size": size,
        "track_total_hits": True,
        "sort": _OLDEST_FIRST,
        "_source": {"includes": _MEMBER_SOURCE},
    }


def read_story(story_id: str, response: Body) -> Story | None:
    total = int(response["hits"]["total"]["value"])
    if not total:
        return None
    return Story(id=story_id, size=total, articles=[_member(hit) for hit in response["hits"]["hits"]])


def related_body(article: Article, live: Body, size: int, hit_source: list[str]) -> Body:
    """Articles of other stories like `article` in words, actors and places, best first, one per
    story."""
    names = {
        "actor": [actor.name for actor in article.actors],
        "location": [location.name for location in article.locations],
    }
    should: list[Body] = [
        {
            "more_like_this": {
                "fields": ["title", "text"],
                "like": f"{article.title}\n{article.title}\n{article.text}"[:_RELATED_TEXT_CHARS],
                "min_term_freq": 1,
                "min_doc_freq": 1,
                "max_query_terms": RELATED_TERMS,
                "minimum_should_match": "1",
            }
        }
    ]
    should += [
        {"terms": {field: values, "boost": _ENTITY_BOOST}} for field, values in names.items() if values
    ]
    return {
        "query": {
            "bool": {
                "filter": [live],
                "should": should,
                "minimum_should_match": 1,
                "must_not": [{"term": {"story": article.story}}, {"ids": {"values": [article.id]}}],
            }
        },
        "size": size,
        "sort": [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}],
        "collapse": {"field": "story"},  # one article per story: the most related of its versions
        "_source": {"includes": hit_source},
    }


def _member(hit: Body) -> StoryMember:
    source: Body = hit.get("_source", {})
    return StoryMember(
        id=hit["_id"],
        title=source.get("title", ""),
        source=source.get("source") or None,
        url=source.get("url"),
        published_at=source.get("published_at"),
    )
