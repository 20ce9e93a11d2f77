"""Planning and running one query on the embedded store: the set `q` and the dates match (a
temporary table), each dimension's selection, the page, the day counts. `Plan.build` reads;
`Plan.materialise` fills the connection's temporary `matched` table, which the other steps read (the
facet counts in `facet_counts`, the hits in `hits`): one plan per read transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsfacet.model import Dimension, SearchQuery
from newsfacet.query_policy import FIELD_WEIGHTS, searchable
from newsfacet.query_syntax import AnyOf, Clause, Phrase, Term, parse
from newsfacet.store.base import InvalidCursor
from newsfacet.store.embedded.schema import DIM_CODE, DIMENSIONS

# bm25 weights of the FTS columns, in their order (schema: title, lede, text, authors, entities, source).
BM25_WEIGHTS = tuple(
    FIELD_WEIGHTS[column] for column in ("title", "lede", "text", "authors", "entities", "source")
)


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


def _number(values: list[Any]) -> float | int:
    if len(values) != 1 or not isinstance(values[0], int | float) or isinstance(values[0], bool):
        raise InvalidCursor("malformed cursor")
    return values[0]
