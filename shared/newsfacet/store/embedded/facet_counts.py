"""Facet value counts on the embedded store: a plan's matched set (see `query.Plan`) counted per
dimension, disjunctively (every selection but the dimension's own), with an optional word prefix."""

from __future__ import annotations

import json
import sqlite3
import sys
from array import array
from collections import Counter

from newsfacet.model import Dimension
from newsfacet.store.embedded.query import Plan
from newsfacet.store.embedded.schema import DIM_CODE, DIMENSIONS, DIMS
from newsfacet.store.facets import value_suffixes

_TOP_OF_UNICODE = "\U0010ffff"


def facet_counts(
    conn: sqlite3.Connection,
    plan: Plan,
    dimensions: list[Dimension],
    *,
    skip: Dimension | None,
    prefix: str | None = None,
    top: int | None = None,
) -> dict[Dimension, dict[str, int]]:
    """Value counts of `dimensions` over the matched set under every selection but `skip`'s.

    With `prefix`, only values with a word (and what follows) starting with it. With `top`,
    only the `top` most frequent values are needed (any selected value is counted anyway).
    """
    if not plan.restricted and not any(d != skip for d in plan.selections):
        # Nothing narrows these dimensions: the live counts kept on write are the answer.
        return _live_counts(conn, plan, dimensions, prefix, top)
    return _tallied_counts(conn, plan, dimensions, skip=skip, prefix=prefix, top=top)


def _live_counts(
    conn: sqlite3.Connection, plan: Plan, dimensions: list[Dimension], prefix: str | None, top: int | None
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
        missing = _missing_chosen(plan, dimension, counts[dimension], prefix)
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
    conn: sqlite3.Connection,
    plan: Plan,
    dimensions: list[Dimension],
    *,
    skip: Dimension | None,
    prefix: str | None,
    top: int | None,
) -> dict[Dimension, dict[str, int]]:
    """`facet_counts` over the matched articles: their packed facet ids, counted in Python."""
    codes = [DIM_CODE[d] for d in dimensions]
    counts: dict[Dimension, dict[str, int]] = {d: {} for d in dimensions}
    marks = ",".join("?" * len(codes))
    source, params = plan.source(skip=skip)
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
        "SELECT value_id, dim, value FROM facet_values WHERE value_id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(wanted))],
    )
    for value_id, code, value in names:
        counts[DIMENSIONS[code]][value] = wanted[value_id]
    for dimension in dimensions:  # selected values beyond the top keep their real count
        missing = _missing_chosen(plan, dimension, counts[dimension], prefix)
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


def _missing_chosen(
    plan: Plan, dimension: Dimension, counted: dict[str, int], prefix: str | None
) -> list[str]:
    """Selected values not counted yet (beyond the top), among those the prefix allows."""
    return [
        value
        for value in plan.chosen.get(dimension, [])
        if value not in counted and (not prefix or has_prefix(value, prefix))
    ]


def has_prefix(value: str, folded_prefix: str) -> bool:
    return any(suffix.startswith(folded_prefix) for suffix in value_suffixes(value))
