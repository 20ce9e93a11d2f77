"""Saved searches on the embedded store: the percolator's equivalent, in SQLite.

Each saved search is stored with its *anchors*: conditions an article must meet for the search to
match it, cheap to look up, in groups that must all be met, each by one of its anchors. A selected
dimension is one group (any of its values), or one group per value (`all`); each required word of
`q` is a group of one (a word as the full-text tokenizer cuts and stems it; every word of a
phrase), and an `OR` is a group of its options' longest words. A search with no group (dates
only, exclusions only, nothing) is anchored to `*`, a candidate for every article.

Matching a batch of new articles: write them to a scratch in-memory store (so its tokenizer sees
them exactly as the real store did), read the words of each from the full-text index's vocabulary,
look up the searches anchored to any word or facet value of the batch, and run only those
candidates, as the store's own queries, on the scratch store. The anchors only pick candidates;
the answer is always the store's own query.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from newsfacet.alerts import Alert, AlertStore, DeliveryRecord, SavedSearch
from newsfacet.model import Article, Dimension, SearchQuery
from newsfacet.query_policy import searchable
from newsfacet.query_syntax import AnyOf, Clause, Phrase, Term, parse
from newsfacet.store.embedded.connections import unavailable_on_lock
from newsfacet.store.embedded.query import Plan
from newsfacet.store.embedded.store import EmbeddedStore
from newsfacet.store.facets import article_facet_values

__all__ = ["EmbeddedAlertStore", "anchor_groups"]

EVERY_ARTICLE = "*"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS alerts (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    created_at TEXT NOT NULL,
    anchor_groups INTEGER NOT NULL,
    doc TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS alerts_by_owner ON alerts (owner, created_at);
CREATE TABLE IF NOT EXISTS alert_anchors (
    anchor TEXT NOT NULL,
    alert_id TEXT NOT NULL,
    anchor_group INTEGER NOT NULL,
    PRIMARY KEY (anchor, alert_id, anchor_group)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS alert_anchors_by_alert ON alert_anchors (alert_id);
CREATE TABLE IF NOT EXISTS alert_deliveries (
    alert_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (alert_id, article_id)
) WITHOUT ROWID;
"""


def _facet_anchor(dimension: Dimension, value: str) -> str:
    return f"f:{dimension.value}:{value}"


def _word_anchor(word: str) -> str:
    return f"w:{word}"


class EmbeddedAlertStore(AlertStore):
    """`AlertStore` in the embedded store's SQLite file (its own tables), or in memory (None)."""

    def __init__(self, path: Path | None) -> None:
        self._lock = threading.Lock()
        # Saved searches never change, so each is parsed once per process (deleted ones are never
        # candidates again).
        self._parsed: dict[str, tuple[Alert, SearchQuery]] = {}
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(
            ":memory:" if path is None else str(path),
            isolation_level=None,
            check_same_thread=False,
            timeout=30,
        )
        if path is not None:
            self._conn.execute("PRAGMA journal_mode = WAL")
        with self._writing() as conn:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._lock, unavailable_on_lock():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock, unavailable_on_lock():
            yield self._conn

    # --- saved searches ---------------------------------------------------------------------------

    def save(self, alert: Alert) -> None:
        self.save_many([alert])

    def save_many(self, alerts: Sequence[Alert]) -> None:
        """`save` for many alerts in one transaction (bulk loads, the benchmark)."""
        grouped = [(alert, anchor_groups(alert.search) or [[EVERY_ARTICLE]]) for alert in alerts]
        with self._writing() as conn:
            conn.executemany(
                "INSERT INTO alerts (id, owner, created_at, anchor_groups, doc) VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        alert.id,
                        alert.owner,
                        alert.created_at.isoformat(),
                        len(groups),
                        alert.model_dump_json(),
                    )
                    for alert, groups in grouped
                ],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO alert_anchors (anchor, alert_id, anchor_group) VALUES (?, ?, ?)",
                [
                    (anchor, alert.id, number)
                    for alert, groups in grouped
                    for number, group in enumerate(groups)
                    for anchor in group
                ],
            )

    def alerts_of(self, owner: str) -> list[Alert]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT doc FROM alerts WHERE owner = ? ORDER BY created_at, id", (owner,)
            ).fetchall()
        return [Alert.model_validate_json(row[0]) for row in rows]

    def delete(self, owner: str, alert_id: str) -> bool:
        with self._writing() as conn:
            deleted = conn.execute(
                "DELETE FROM alerts WHERE id = ? AND owner = ?", (alert_id, owner)
            ).rowcount
            if deleted:
                conn.execute("DELETE FROM alert_anchors WHERE alert_id = ?", (alert_id,))
                conn.execute("DELETE FROM alert_deliveries WHERE alert_id = ?", (alert_id,))
        return bool(deleted)

    # --- matching -------------------------------------------------------------------------------

    def match(self, articles: Sequence[Article]) -> list[tuple[Alert, Article]]:
        if not articles or not self._saved_searches_exist():
            return []
        scratch = EmbeddedStore(None)
        try:
            scratch.upsert(list({article.id: article for article in articles}.values()))
            by_id = {article.id: article for article in articles}
            wanted = {EVERY_ARTICLE}
            with scratch._connections.reading() as conn:
                wanted.update(_word_anchor(word) for word in _vocabulary(conn))
            for article in by_id.values():
                for dimension, values in article_facet_values(article).items():
                    wanted.update(_facet_anchor(dimension, value) for value in values)
            candidates = self._candidates(wanted)
            matches: list[tuple[Alert, Article]] = []
            with scratch._connections.reading() as conn:
                for alert, query in candidates:
                    plan = Plan.build(conn, query)
                    plan.materialise(conn)
                    source, params = plan.source()
                    found = conn.execute(
                        f"SELECT a.id FROM ({source}) s CROSS JOIN articles a ON a.doc_id = s.doc_id",
                        params,
                    ).fetchall()
                    matches.extend((alert, by_id[row[0]]) for row in found)
            return matches
        finally:
            scratch.close()

    def _saved_searches_exist(self) -> bool:
        """Whether any search is saved: where none is, no batch indexes its articles to match them."""
        with self._reading() as conn:
            return conn.execute("SELECT 1 FROM alerts LIMIT 1").fetchone() is not None

    def _candidates(self, anchors: set[str]) -> list[tuple[Alert, SearchQuery]]:
        """The saved searches whose every anchor group is met by one of `anchors`, oldest first."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT a.id FROM alerts a JOIN (SELECT alert_id, count(DISTINCT anchor_group) AS met"
                " FROM alert_anchors WHERE anchor IN (SELECT value FROM json_each(?)) GROUP BY alert_id) m"
                " ON m.alert_id = a.id WHERE m.met = a.anchor_groups ORDER BY a.created_at, a.id",
                (json.dumps(sorted(anchors)),),
            ).fetchall()
            missing = [row[0] for row in rows if row[0] not in self._parsed]
            for (doc,) in conn.execute(
                "SELECT doc FROM alerts WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(missing),)
            ):
                alert = Alert.model_validate_json(doc)
                self._parsed[alert.id] = (alert, alert.search.query())
        return [self._parsed[row[0]] for row in rows]

    # --- the ledger -------------------------------------------------------------------------------

    def claim(self, alert_id: str, article_id: str) -> bool:
        with self._writing() as conn:
            inserted = conn.execute(
                "INSERT OR IGNORE INTO alert_deliveries (alert_id, article_id, status, attempts, detail)"
                " VALUES (?, ?, 'claimed', 0, '')",
                (alert_id, article_id),
            ).rowcount
        return bool(inserted)

    def record(self, entry: DeliveryRecord) -> None:
        with self._writing() as conn:
            conn.execute(
                "UPDATE alert_deliveries SET status = ?, attempts = ?, detail = ?"
                " WHERE alert_id = ? AND article_id = ?",
                (entry.status, entry.attempts, entry.detail, entry.alert_id, entry.article_id),
            )

    def deliveries(self, alert_id: str) -> list[DeliveryRecord]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT alert_id, article_id, status, attempts, detail FROM alert_deliveries"
                " WHERE alert_id = ? AND status != 'claimed' ORDER BY article_id",
                (alert_id,),
            ).fetchall()
        return [
            DeliveryRecord(alert_id=row[0], article_id=row[1], status=row[2], attempts=row[3], detail=row[4])
            for row in rows
        ]

    def close(self) -> None:
        with self._lock:
            self._conn.close()


# --- anchors ---------------------------------------------------------------------------------------


def _vocabulary(conn: sqlite3.Connection) -> list[str]:
    """Every word of the full-text index of `conn` (as its tokenizer cut and stemmed them)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.indexed_words USING fts5vocab(main, articles_fts, row)"
    )
    return [row[0] for row in conn.execute("SELECT term FROM temp.indexed_words")]


def _indexed_words(texts: list[str]) -> list[list[str]]:
    """The words the full-text index would hold for each text, in order of the texts."""
    scratch = EmbeddedStore(None)
    try:
        with scratch._connections.writing() as conn:
            conn.executemany(
                "INSERT INTO articles_fts (rowid, title, lede, text, authors, entities, source)"
                " VALUES (?, ?, '', '', '', '', '')",
                list(enumerate(texts, start=1)),
            )
            conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.text_words"
                " USING fts5vocab(main, articles_fts, instance)"
            )
            words: defaultdict[int, list[str]] = defaultdict(list)
            for term, doc in conn.execute("SELECT term, doc FROM temp.text_words"):
                words[doc].append(term)
            conn.execute("DROP TABLE temp.text_words")
        return [words[n] for n in range(1, len(texts) + 1)]
    finally:
        scratch.close()


def anchor_groups(search: SavedSearch) -> list[list[str]]:
    """The anchor groups of a saved search (see the module docstring); [] if it has none."""
    groups: list[list[str]] = []
    for dimension, chosen in search.filters.items():
        anchors = [_facet_anchor(dimension, value) for value in dict.fromkeys(chosen.values)]
        groups += [[anchor] for anchor in anchors] if chosen.match == "all" else [anchors] if anchors else []
    options = [_clause_options(clause) for clause in searchable(parse(search.q).positive)]
    texts = list(dict.fromkeys(text for clause_options in options for text in clause_options))
    words = dict(zip(texts, _indexed_words(texts), strict=True)) if texts else {}
    for clause_options in options:
        if len(clause_options) == 1:  # a word or a phrase: each of its words is required
            groups += [[_word_anchor(word)] for word in dict.fromkeys(words[clause_options[0]])]
        elif all(words[text] for text in clause_options):  # an OR: one of its options
            groups.append(sorted({_word_anchor(max(words[text], key=len)) for text in clause_options}))
    return groups


def _clause_options(clause: Clause) -> list[str]:
    """The texts of which one must appear for `clause` to match: one, or each option of an OR."""
    if isinstance(clause, Term):
        return [clause.text]
    if isinstance(clause, Phrase):
        return [" ".join(clause.words)]
    assert isinstance(clause, AnyOf)
    return [text for option in clause.options for text in _clause_options(option)]
