"""A page's hits on the embedded store: each article's summary and its snippet (the first match in
the text, else in the lede, else the lede itself)."""

from __future__ import annotations

import json
import sqlite3

from newsfacet.model import SearchHit
from newsfacet.store.embedded.query import Plan
from newsfacet.store.snippets import (
    MARK_END,
    MARK_START,
    SNIPPET_WORDS,
    has_mark,
    lede_snippet,
    marked_snippet,
)

_TEXT_COLUMN, _LEDE_COLUMN = 2, 1


def read_hits(conn: sqlite3.Connection, plan: Plan, doc_ids: list[int]) -> list[SearchHit]:
    """The hits of a page, in order, with their snippets."""
    if not doc_ids:
        return []
    marks = ",".join("?" * len(doc_ids))
    rows = {
        row[0]: row
        for row in conn.execute(
            "SELECT a.doc_id, a.id, c.title, c.lede, c.text, c.source, c.doc FROM articles a"
            f" JOIN article_content c ON c.doc_id = a.doc_id WHERE a.doc_id IN ({marks})",
            doc_ids,
        )
    }
    snippets: dict[int, str] = {}
    if plan.highlight is not None:
        # Matches in the text first; the lede only for hits whose text has none.
        for column in (_TEXT_COLUMN, _LEDE_COLUMN):
            wanted = [doc_id for doc_id in doc_ids if doc_id not in snippets]
            if not wanted:
                break
            for doc_id, raw in conn.execute(
                f"SELECT rowid, snippet(articles_fts, {column}, ?, ?, '…', {SNIPPET_WORDS})"
                f" FROM articles_fts WHERE articles_fts MATCH ?"
                f" AND rowid IN ({','.join('?' * len(wanted))})",
                [MARK_START, MARK_END, plan.highlight, *wanted],
            ):
                if has_mark(raw):
                    snippets[doc_id] = marked_snippet(raw)
    hits = []
    for doc_id in doc_ids:
        _, article_id, title, lede, text, source, doc = rows[doc_id]
        meta = json.loads(doc)
        hits.append(
            SearchHit(
                id=article_id,
                title=title,
                url=meta.get("url"),
                source=source or None,
                published_at=meta.get("published_at"),
                snippet=snippets.get(doc_id) or lede_snippet(lede, text),
                actors=[actor["name"] for actor in meta.get("actors", [])],
                locations=[location["name"] for location in meta.get("locations", [])],
                topics=[topic["label"] for topic in meta.get("topics", [])],
            )
        )
    return hits
