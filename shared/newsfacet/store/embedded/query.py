"""Planning and running one query on the embedded store: the set `q` and the dates match (a
temporary table), each dimension's selection, the page, the facet counts, the day counts, the hits.
`Plan.build` reads; `Plan.materialise` fills the connection's temporary `matched` table, which the
other steps read: one plan per read transaction."""

from __future__ import annotations

import json
import sqlite3
import sys
from array import array
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsfacet.model import Dimension, SearchHit, SearchQuery
from newsfacet.query_policy import FIELD_WEIGHTS, searchable
from newsfacet.query_syntax import AnyOf, Clause, Phrase, Term, parse
from newsfacet.store.base import InvalidCursor
from newsfacet.store.embedded.schema import DIM_CODE, DIMENSIONS, DIMS
from newsfacet.store.facets import value_suffixes
from newsfacet.store.snippets import (
    MARK_END,
    MARK_START,
    SNIPPET_WORDS,
    has_mark,
    lede_snippet,
    marked_snippet,
)

# bm25 weights of the FTS columns, in their order (schema: title, lede, text, authors, entities, source).
BM25_WEIGHTS = tuple(
    FIELD_WEIGHTS[column] for column in ("title", "lede", "text", "authors", "entities", "source")
)
_TEXT_COLUMN, _LEDE_COLUMN = 2, 1
_TOP_OF_UNICODE = "\U0010ffff"


@dataclass
class Selection:
    """The doc_ids satisfying one dimension's selection, as SQL (distinct ids, live articles)."""

    sql: str
    params: list[Any]


# Below this many matches, a date-sorted page sorts the matched set; above, it walks the date index.
_SORT_SET_BELOW = 4000


@dataclass
class Plan:
    """The SQL pieces of one query: the matched set and each dimension's selection.

    "Matched" is what `q` and the dates allow; when they allow everything
    (`restricted` false) no temporary set is built and the selections alone (or every live
    article) are the source.
    """

    restricted: bool
    ranked: bool  # True: `matched.score` holds bm25 scores (lower is better)
    highlight: str | None  # FTS5 expression of the positive clauses, for snippets
    selections: dict[Dimension, Selection]
    chosen: dict[Dimension, list[str]]  # the selected values, per dimension
    matching: list[tuple[str, list[Any]]] = field(default_factory=list)  # fill temp.matched

    @classmethod
    def build(cls, conn: sqlite3.Connection, query: SearchQuery) -> Plan:
        """The plan of `query` (it reads the facet values the selections name; writes nothing)."""
        parsed = parse(query.q)
        positive = _fts_expression(searchable(parsed.positive))
        negative = _fts_expression(searchable(parsed.negated), join=" OR ")
        conditions: list[str] = []
        params: list[Any] = []
        if query.date_from is not None:
            conditions.append("a.published_day >= ?")
            params.append(query.date_from.toordinal())
        if query.date_to is not None:
            conditions.append("a.published_day <= ?")
            params.append(query.date_to.toordinal())
        if negative and not positive:
            conditions.append("a.doc_id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(negative)
        matching: list[tuple[str, list[Any]]] = []  # statements filling temp.matched, in order
        if positive:
            # FTS5 subtracts the exclusions itself, merging doclists: far cheaper than NOT IN.
            expression = f"({positive}) NOT ({negative})" if negative else positive
            weights = ", ".join(str(w) for w in BM25_WEIGHTS)
            matching.append(
                (
                    f"INSERT INTO temp.matched (doc_id, score) SELECT rowid, bm25(articles_fts, {weights})"
                    " FROM articles_fts WHERE articles_fts MATCH ?",
                    [expression],
                )
            )
            if conditions:
                # Narrow after scoring: the FTS index drives, each match is checked once by rowid.
                matching.append(
                    (
                        "DELETE FROM temp.matched WHERE doc_id NOT IN (SELECT a.doc_id FROM temp.matched m"
                        f" CROSS JOIN articles a ON a.doc_id = m.doc_id WHERE {' AND '.join(conditions)})",
                        params,
                    )
                )
        elif conditions:
            matching.append(
                (
                    "INSERT INTO temp.matched (doc_id, score) SELECT a.doc_id, 0 FROM articles a"
                    f" WHERE {' AND '.join(conditions)}",
                    params,
                )
            )
        selections = {
            dimension: selection_of(conn, dimension, query)
            for dimension in DIMENSIONS
            if query.selected(dimension).values
        }
        return cls(
            restricted=bool(positive or conditions),
            ranked=bool(positive),
            highlight=positive or None,
            selections=selections,
            chosen={dimension: query.selected(dimension).values for dimension in selections},
            matching=matching,
        )

    def materialise(self, conn: sqlite3.Connection) -> None:
        """Fill the connection's `matched` table with this query's matches (the other steps read
        it), replacing the previous query's."""
        conn.execute("DELETE FROM temp.matched")
        for sql, params in self.matching:
            conn.execute(sql, params)

    def source(self, skip: Dimension | None = None) -> tuple[str, list[Any]]:
        """SQL yielding the distinct doc_ids matched under every selection but `skip`'s."""
        parts = [sel for dim, sel in self.selections.items() if dim != skip]
        if self.restricted:
            base, base_params = "SELECT doc_id FROM temp.matched", []
        elif parts:
            first = parts.pop(0)
            base, base_params = f"SELECT doc_id FROM ({first.sql})", list(first.params)
        else:
            return "SELECT doc_id FROM articles", []
        if not parts:
            return base, base_params
        where = " AND ".join(f"doc_id IN ({sel.sql})" for sel in parts)
        return f"{base} WHERE {where}", base_params + [p for sel in parts for p in sel.params]

    def count(self, conn: sqlite3.Connection) -> int:
        sql, params = self.source()
        return int(conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])

    def page(
        self,
        conn: sqlite3.Connection,
        *,
        sort: str,
        limit: int,
        total: int,
        after: list[Any] | None,
        after_id: str | None,
    ) -> list[tuple[int, Any, str]]:
        """(doc_id, sort value, id) of the next `limit` hits after the cursor position, in order."""
        source, source_params = self.source()
        params = list(source_params)
        conditions: list[str] = []
        if self.selections:
            conditions.append(f"a.doc_id IN ({source})")
        else:
            params = []
        if sort == "relevance":
            key = "m.score" if self.ranked else "0.0"
            if after is not None:
                conditions.append(f"({key} > ? OR ({key} = ? AND a.id > ?))")
                params += [_number(after), _number(after), after_id]
            where = "".join(f" AND {c}" for c in conditions)
            if self.ranked:
                sql = (
                    "SELECT a.doc_id, m.score, a.id FROM temp.matched m CROSS JOIN articles a"
                    f" ON a.doc_id = m.doc_id WHERE 1{where} ORDER BY m.score ASC, a.id ASC LIMIT ?"
                )
            elif self.restricted:
                sql = (
                    "SELECT a.doc_id, 0.0, a.id FROM temp.matched m CROSS JOIN articles a"
                    f" ON a.doc_id = m.doc_id WHERE 1{where} ORDER BY a.id ASC LIMIT ?"
                )
            else:
                sql = f"SELECT a.doc_id, 0.0, a.id FROM articles a WHERE 1{where} ORDER BY a.id ASC LIMIT ?"
        else:
            if after is not None:
                conditions.append("(a.sort_at < ? OR (a.sort_at = ? AND a.id > ?))")
                params += [_number(after), _number(after), after_id]
            where = "".join(f" AND {c}" for c in conditions)
            if self.restricted and total < _SORT_SET_BELOW:
                # Few matches: sort them. Many: walk the date index until the page is full.
                sql = (
                    "SELECT a.doc_id, a.sort_at, a.id FROM temp.matched m CROSS JOIN articles a"
                    f" ON a.doc_id = m.doc_id WHERE 1{where} ORDER BY a.sort_at DESC, a.id ASC LIMIT ?"
                )
            elif self.restricted:
                sql = (
                    "SELECT a.doc_id, a.sort_at, a.id FROM articles a INDEXED BY articles_by_date"
                    f" WHERE a.doc_id IN (SELECT doc_id FROM temp.matched){where}"
                    " ORDER BY a.sort_at DESC, a.id ASC LIMIT ?"
                )
            elif self.selections and total < _SORT_SET_BELOW:
                params = source_params + params  # the source drives, and is checked again (cheap)
                sql = (
                    f"SELECT a.doc_id, a.sort_at, a.id FROM ({source}) s CROSS JOIN articles a"
                    f" ON a.doc_id = s.doc_id WHERE 1{where} ORDER BY a.sort_at DESC, a.id ASC LIMIT ?"
                )
            else:
                sql = (
                    "SELECT a.doc_id, a.sort_at, a.id FROM articles a INDEXED BY articles_by_date"
                    f" WHERE 1{where} ORDER BY a.sort_at DESC, a.id ASC LIMIT ?"
                )
        return [(row[0], row[1], row[2]) for row in conn.execute(sql, [*params, limit])]

    def facet_counts(
        self,
        conn: sqlite3.Connection,
        dimensions: list[Dimension],
        skip: Dimension | None,
        prefix: str | None = None,
        top: int | None = None,
    ) -> dict[Dimension, dict[str, int]]:
        """Value counts of `dimensions` over the matched set under every selection but `skip`'s.

        With `prefix`, only values with a word (and what follows) starting with it. With `top`,
        only the `top` most frequent values are needed (any selected value is counted anyway).
        """
        if not self.restricted and not any(d != skip for d in self.selections):
            # Nothing narrows these dimensions: the live counts kept on write are the answer.
            return self._live_counts(conn, dimensions, prefix, top)
        return self._tallied_counts(conn, dimensions, skip, prefix, top)

    def _live_counts(
        self, conn: sqlite3.Connection, dimensions: list[Dimension], prefix: str | None, top: int | None
    ) -> dict[Dimension, dict[str, int]]:
        """`facet_counts` when nothing narrows the dimensions: read from `facet_values.live`."""
        counts: dict[Dimension, dict[str, int]] = {d: {} for d in dimensions}
        candidates, candidate_params = "", []
        if prefix:
            candidates = (
                " AND v.value_id IN (SELECT value_id FROM facet_words"
                " WHERE dim = v.dim AND suffix >= ? AND suffix < ?)"
            )
            candidate_params = [prefix, prefix + _TOP_OF_UNICODE]
        limit = "" if top is None or prefix else " ORDER BY v.live DESC, v.value ASC LIMIT ?"
        for dimension in dimensions:
            code = DIM_CODE[dimension]
            rows = conn.execute(
                f"SELECT v.value, v.live FROM facet_values v INDEXED BY facet_values_by_count"
                f" WHERE v.dim = ? AND v.live > 0{candidates}{limit}",
                [code, *candidate_params, *([top] if limit else [])],
            )
            counts[dimension] = dict(rows)
            missing = self._missing_chosen(dimension, counts[dimension], prefix)
            if limit and missing:  # selected values beyond the top keep their real count
                counts[dimension].update(
                    conn.execute(
                        "SELECT value, live FROM facet_values WHERE dim = ?"
                        " AND value IN (SELECT value FROM json_each(?))",
                        [code, json.dumps(missing)],
                    )
                )
        return counts

    def _tallied_counts(
        self,
        conn: sqlite3.Connection,
        dimensions: list[Dimension],
        skip: Dimension | None,
        prefix: str | None,
        top: int | None,
    ) -> dict[Dimension, dict[str, int]]:
        """`facet_counts` over the matched articles: their packed facet ids, counted in Python."""
        codes = [DIM_CODE[d] for d in dimensions]
        counts: dict[Dimension, dict[str, int]] = {d: {} for d in dimensions}
        marks = ",".join("?" * len(codes))
        source, params = self.source(skip=skip)
        packed = array("i")
        for (blob,) in conn.execute(
            f"SELECT a.facets FROM ({source}) s CROSS JOIN articles a ON a.doc_id = s.doc_id", params
        ):
            packed.frombytes(blob)
        if sys.byteorder != "little":
            packed.byteswap()
        tally = Counter(packed)
        allowed: set[int] | None = None
        if prefix:
            allowed = {
                row[0]
                for row in conn.execute(
                    f"SELECT value_id FROM facet_words WHERE dim IN ({marks}) AND suffix >= ? AND suffix < ?",
                    [*codes, prefix, prefix + _TOP_OF_UNICODE],
                )
            }
        wanted: dict[int, int] = {}  # value id -> count, for the values worth naming
        for code in codes:
            found = [
                (key // DIMS, n)
                for key, n in tally.items()
                if key % DIMS == code and (allowed is None or key // DIMS in allowed)
            ]
            if top is not None and len(found) > top:
                # Only the top values, and every value tied with the last of them, need a name.
                cut = sorted((n for _, n in found), reverse=True)[top - 1]
                found = [(value_id, n) for value_id, n in found if n >= cut]
            wanted.update(found)
        names = conn.execute(
            "SELECT value_id, dim, value FROM facet_values"
            " WHERE value_id IN (SELECT value FROM json_each(?))",
            [json.dumps(list(wanted))],
        )
        for value_id, code, value in names:
            counts[DIMENSIONS[code]][value] = wanted[value_id]
        for dimension in dimensions:  # selected values beyond the top keep their real count
            missing = self._missing_chosen(dimension, counts[dimension], prefix)
            if missing:
                ids = dict(
                    conn.execute(
                        "SELECT value_id, value FROM facet_values WHERE dim = ?"
                        " AND value IN (SELECT value FROM json_each(?))",
                        [DIM_CODE[dimension], json.dumps(missing)],
                    )
                )
                for value_id, value in ids.items():
                    counts[dimension][value] = tally.get(value_id * DIMS + DIM_CODE[dimension], 0)
        return counts

    def _missing_chosen(self, dimension: Dimension, counted: dict[str, int], prefix: str | None) -> list[str]:
        """Selected values not counted yet (beyond the top), among those the prefix allows."""
        return [
            value
            for value in self.chosen.get(dimension, [])
            if value not in counted and (not prefix or has_prefix(value, prefix))
        ]

    def day_counts(self, conn: sqlite3.Connection) -> dict[date, int]:
        source, params = self.source()
        rows = conn.execute(
            f"SELECT a.published_day, count(*) FROM ({source}) s CROSS JOIN articles a"
            " ON a.doc_id = s.doc_id WHERE a.published_day IS NOT NULL GROUP BY a.published_day",
            params,
        )
        return {date.fromordinal(day): count for day, count in rows}


def selection_of(conn: sqlite3.Connection, dimension: Dimension, query: SearchQuery) -> Selection:
    """The doc_ids that satisfy `dimension`'s selection (any or all of its values)."""
    selected = query.selected(dimension)
    values = list(dict.fromkeys(selected.values))
    marks = ",".join("?" * len(values))
    ids = [
        row[0]
        for row in conn.execute(
            f"SELECT value_id FROM facet_values WHERE dim = ? AND value IN ({marks})",
            [DIM_CODE[dimension], *values],
        )
    ]
    if not ids or (selected.match == "all" and len(ids) < len(values)):
        return Selection("SELECT NULL AS doc_id WHERE 0", [])  # a value nobody has
    if len(ids) == 1:
        return Selection("SELECT doc_id FROM article_facets WHERE value_id = ?", ids)
    id_marks = ",".join("?" * len(ids))
    if selected.match == "all":
        return Selection(
            f"SELECT doc_id FROM article_facets WHERE value_id IN ({id_marks})"
            f" GROUP BY doc_id HAVING count(*) = {len(ids)}",
            ids,
        )
    return Selection(f"SELECT DISTINCT doc_id FROM article_facets WHERE value_id IN ({id_marks})", ids)


def _fts_expression(clauses: list[Clause], join: str = " AND ") -> str:
    """An FTS5 MATCH expression for `clauses`, every word double-quoted (never FTS5 syntax)."""
    return join.join(f"({_fts_clause(clause)})" for clause in clauses)


def _fts_clause(clause: Clause) -> str:
    if isinstance(clause, Term):
        return _quoted(clause.text)
    if isinstance(clause, Phrase):
        return _quoted(" ".join(clause.words))
    assert isinstance(clause, AnyOf)
    return " OR ".join(_fts_clause(option) for option in clause.options)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def has_prefix(value: str, folded_prefix: str) -> bool:
    return any(suffix.startswith(folded_prefix) for suffix in value_suffixes(value))


def _number(values: list[Any]) -> float | int:
    if len(values) != 1 or not isinstance(values[0], int | float) or isinstance(values[0], bool):
        raise InvalidCursor("malformed cursor")
    return values[0]


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
