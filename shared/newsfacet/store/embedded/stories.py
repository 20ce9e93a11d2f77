"""Stories and related articles on the embedded store: SQL over its tables (see `schema`).

- `articles.story` holds each live article's story (indexed); `simhash_bands` holds the bands of
  its simhash (`newsfacet.stories.simhash_bands`, written with the article by `rows`), for the
  candidates of a new article's story.
- A collapsed search ranks the matched articles of each story with a window function, keeps the
  first of each (the version OpenSearch's field collapsing would keep: first in the query's order)
  and pages over those; the others are read for the page's stories only.
- Related articles: the article's most frequent significant words, ORed in one FTS5 query ranked by
  bm25, plus its actors and places; the two scores are combined as OpenSearch's `bool.should` does
  (summed), entities weighing like a title match.

Functions take the connection (inside the store's transaction); `EmbeddedStore` calls them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from typing import Any

from newsfacet.model import (
    MAX_STORY_OTHERS,
    Article,
    Dimension,
    HitStory,
    SearchHit,
    StoryCandidate,
    StoryMember,
)
from newsfacet.query_policy import ENGLISH_STOP_WORDS
from newsfacet.store.embedded.query import BM25_WEIGHTS
from newsfacet.store.embedded.schema import DIM_CODE, NO_DATE
from newsfacet.stories import simhash_bands, story_window

__all__ = [
    "RELATED_TERMS",
    "collapsed_rows",
    "count_stories",
    "related_ids",
    "story_candidates",
    "story_members",
    "with_stories",
]

RELATED_TERMS = 25  # the words of an article a related-articles query looks for (as OpenSearch's MLT)
_ENTITY_WEIGHT = 5.0
_RELATED_POOL = 200  # the best matches by words, and by names, that are weighed together
_WORD = re.compile(r"[^\W\d_]{3,}")
_ENTITY_DIMS = (DIM_CODE[Dimension.ACTOR], DIM_CODE[Dimension.LOCATION])


def story_candidates(conn: sqlite3.Connection, article: Article, limit: int) -> list[StoryCandidate]:
    """See `ArticleStore.story_candidates`."""
    bands = simhash_bands(article.simhash)
    window = story_window(article)
    first, last = (None, None) if window is None else (moment.date().toordinal() for moment in window)
    # Most shared bands first: a near-duplicate shares several, an unrelated article one by chance.
    found = [
        row[0]
        for row in conn.execute(
            "SELECT b.doc_id FROM simhash_bands b JOIN articles a ON a.doc_id = b.doc_id"
            f" WHERE b.band IN ({_marks(bands)})"
            " AND (? IS NULL OR a.published_day IS NULL OR a.published_day BETWEEN ? AND ?)"
            " GROUP BY b.doc_id ORDER BY count(*) DESC, b.doc_id LIMIT ?",
            [*bands, first, first, last, limit],
        )
    ]
    names = [actor.name for actor in article.actors] + [location.name for location in article.locations]
    if window is not None and names and len(found) < limit:
        found += [
            row[0]
            for row in conn.execute(
                "SELECT f.doc_id FROM article_facets f JOIN articles a ON a.doc_id = f.doc_id"
                f" WHERE f.value_id IN (SELECT value_id FROM facet_values WHERE dim IN (?, ?)"
                f" AND value IN ({_marks(names)})) AND a.published_day BETWEEN ? AND ?"
                " GROUP BY f.doc_id ORDER BY count(*) DESC, f.doc_id LIMIT ?",
                [*_ENTITY_DIMS, *names, first, last, limit],
            )
            if row[0] not in found
        ]
    found = found[:limit]
    rows = conn.execute(
        "SELECT a.id, a.story, c.title, c.doc FROM articles a JOIN article_content c ON c.doc_id = a.doc_id"
        f" WHERE a.doc_id IN ({_marks(found)})",
        found,
    ).fetchall()
    candidates = []
    for article_id, story, title, doc in rows:
        meta = json.loads(doc)
        candidates.append(
            StoryCandidate(
                id=article_id,
                story=story,
                simhash=meta["simhash"],
                title=title,
                published_at=meta.get("published_at"),
                actors=[actor["name"] for actor in meta.get("actors", [])],
                locations=[location["name"] for location in meta.get("locations", [])],
            )
        )
    return sorted(candidates, key=lambda candidate: candidate.id)


def story_members(
    conn: sqlite3.Connection, stories: list[str], source: str, params: list[Any]
) -> dict[str, list[StoryMember]]:
    """The versions of each of `stories` among the doc_ids `source` yields, oldest first (undated
    last, then by id)."""
    if not stories:
        return {}
    rows = conn.execute(
        "SELECT a.story, a.id, c.title, c.source, c.doc FROM articles a"
        " JOIN article_content c ON c.doc_id = a.doc_id"
        f" WHERE a.story IN ({_marks(stories)}) AND a.doc_id IN ({source})"
        f" ORDER BY a.story, a.sort_at = {NO_DATE}, a.sort_at ASC, a.id ASC",
        [*stories, *params],
    )
    members: dict[str, list[StoryMember]] = {story: [] for story in stories}
    for story, article_id, title, site, doc in rows:
        meta = json.loads(doc)
        members[story].append(
            StoryMember(
                id=article_id,
                title=title,
                source=site or None,
                url=meta.get("url"),
                published_at=meta.get("published_at"),
            )
        )
    return members


def collapsed_rows(
    conn: sqlite3.Connection,
    source: str,
    params: list[Any],
    *,
    sort: str,
    ranked: bool,
    limit: int,
    offset: int,
) -> list[tuple[int, str, str, int]]:
    """(doc_id, id, story, matching versions) of each story's first version in the query's order,
    stories in the order of their first versions, `limit` of them after `offset`."""
    if sort == "relevance" and ranked:  # bm25: lower is better
        key, within, between = "m.score", "m.score ASC, a.id ASC", "k ASC, id ASC"
    elif sort == "relevance":
        key, within, between = "0.0", "a.id ASC", "id ASC"
    else:
        key, within, between = "a.sort_at", "a.sort_at DESC, a.id ASC", "k DESC, id ASC"
    matched = " JOIN temp.matched m ON m.doc_id = a.doc_id" if ranked else ""
    sql = (
        f"WITH s AS ({source}), r AS (SELECT a.doc_id, a.id, a.story, {key} AS k,"
        f" row_number() OVER (PARTITION BY a.story ORDER BY {within}) AS rank,"
        " count(*) OVER (PARTITION BY a.story) AS n"
        f" FROM s JOIN articles a ON a.doc_id = s.doc_id{matched})"
        f" SELECT doc_id, id, story, n FROM r WHERE rank = 1 ORDER BY {between} LIMIT ? OFFSET ?"
    )
    return [(row[0], row[1], row[2], row[3]) for row in conn.execute(sql, [*params, limit, offset])]


def count_stories(conn: sqlite3.Connection, source: str, params: list[Any]) -> int:
    return int(
        conn.execute(
            f"SELECT count(DISTINCT a.story) FROM ({source}) s JOIN articles a ON a.doc_id = s.doc_id", params
        ).fetchone()[0]
    )


def with_stories(
    hits: list[SearchHit], rows: list[tuple[int, str, str, int]], members: dict[str, list[StoryMember]]
) -> list[SearchHit]:
    """The page's hits, each with its story: size, and up to `MAX_STORY_OTHERS` other versions."""
    by_id = {article_id: (story, size) for _, article_id, story, size in rows}
    stories = []
    for hit in hits:
        story, size = by_id[hit.id]
        others = [member for member in members.get(story, []) if member.id != hit.id][:MAX_STORY_OTHERS]
        stories.append(hit.model_copy(update={"story": HitStory(id=story, size=size, others=others)}))
    return stories


def related_expression(article: Article) -> str | None:
    """An FTS5 expression ORing the article's `RELATED_TERMS` most frequent significant words."""
    words = Counter(
        word
        for word in (w.lower() for w in _WORD.findall(f"{article.title}\n{article.title}\n{article.text}"))
        if word not in ENGLISH_STOP_WORDS
    )
    chosen = [word for word, _ in sorted(words.items(), key=lambda item: (-item[1], item[0]))][:RELATED_TERMS]
    return " OR ".join(f'"{word}"' for word in chosen) or None


def related_ids(conn: sqlite3.Connection, article: Article, size: int) -> list[int]:
    """doc_ids of the articles most related to `article` outside its story, best first, one per
    story."""
    scores: Counter[int] = Counter()
    expression = related_expression(article)
    if expression:
        for doc_id, score in conn.execute(
            f"SELECT rowid, -bm25(articles_fts, {', '.join(map(str, BM25_WEIGHTS))}) FROM articles_fts"
            f" WHERE articles_fts MATCH ? ORDER BY rank LIMIT {_RELATED_POOL}",
            [expression],
        ):
            scores[doc_id] += score
    names = [actor.name for actor in article.actors] + [location.name for location in article.locations]
    if names:
        for doc_id, shared in conn.execute(
            "SELECT doc_id, count(*) FROM article_facets WHERE value_id IN (SELECT value_id FROM"
            f" facet_values WHERE dim IN (?, ?) AND value IN ({_marks(names)})) GROUP BY doc_id"
            f" ORDER BY count(*) DESC, doc_id LIMIT {_RELATED_POOL}",
            [*_ENTITY_DIMS, *names],
        ):
            scores[doc_id] += _ENTITY_WEIGHT * shared
    if not scores:
        return []
    stories = dict(
        conn.execute(
            "SELECT doc_id, story FROM articles WHERE doc_id IN (SELECT value FROM json_each(?))",
            [json.dumps(list(scores))],
        ).fetchall()
    )
    seen = {article.story}
    chosen: list[int] = []
    for doc_id in sorted(scores, key=lambda d: (-scores[d], d)):
        if stories.get(doc_id) not in seen:  # one article per story: its most related version
            seen.add(stories[doc_id])
            chosen.append(doc_id)
    return chosen[:size]


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values))
