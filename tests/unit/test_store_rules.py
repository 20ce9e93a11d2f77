"""The facet, histogram and snippet rules both engines share (newsfacet.store.facets / .snippets)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from newsfacet.model import FacetValue, HistogramBucket
from newsfacet.store.facets import bucket_start, fill_histogram, fold, matches_prefix, ordered_facet
from newsfacet.store.snippets import MARK_END, MARK_START, lede_snippet, marked_snippet


def test_fold_strips_case_accents_and_punctuation() -> None:
    assert fold("São Paulo") == "sao paulo"
    assert fold("Bashar al-Assad") == "bashar al assad"
    assert fold("ZÜRICH") == "zurich"
    assert fold("Straße") == "strasse"


def test_prefix_matches_any_word_and_what_follows() -> None:
    assert matches_prefix("Bashar al-Assad", "assad")
    assert matches_prefix("Bashar al-Assad", "AL-AS")
    assert matches_prefix("São Paulo", "sao")
    assert not matches_prefix("São Paulo", "aulo")
    assert not matches_prefix("Bashar al-Assad", "assad bashar")


def test_ordered_facet_counts_desc_values_asc_and_keeps_selected() -> None:
    counts = {"b": 2, "a": 2, "c": 5, "d": 1, "zero": 0}
    assert ordered_facet(counts, [], 3) == [
        FacetValue(value="c", count=5),
        FacetValue(value="a", count=2),
        FacetValue(value="b", count=2),
    ]
    with_selected = ordered_facet(counts, ["d", "missing"], 1)
    assert [(v.value, v.count) for v in with_selected] == [("c", 5), ("d", 1), ("missing", 0)]


def test_buckets_start_on_the_day_monday_and_first_of_month() -> None:
    sunday = date(2024, 1, 14)
    assert bucket_start(sunday, "day") == sunday
    assert bucket_start(sunday, "week") == date(2024, 1, 8)
    assert bucket_start(sunday, "month") == date(2024, 1, 1)


def test_histogram_fills_inner_gaps_across_a_year_end() -> None:
    counts = {date(2023, 11, 30): 1, date(2024, 2, 2): 3}
    assert fill_histogram(counts, "month") == [
        HistogramBucket(start=date(2023, 11, 1), count=1),
        HistogramBucket(start=date(2023, 12, 1), count=0),
        HistogramBucket(start=date(2024, 1, 1), count=0),
        HistogramBucket(start=date(2024, 2, 1), count=3),
    ]
    assert fill_histogram({}, "day") == []


def test_marked_snippet_escapes_and_balances() -> None:
    raw = f"a <b> & {MARK_START}war{MARK_END} {MARK_END} {MARK_START}x"
    assert marked_snippet(raw) == "a &lt;b&gt; &amp; <mark>war</mark>  <mark>x</mark>"


@given(st.text())
def test_a_marked_snippet_never_contains_markup_but_mark(raw: str) -> None:
    snippet = marked_snippet(raw)
    assert snippet.count("<mark>") == snippet.count("</mark>")
    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")


def test_lede_snippet_is_the_escaped_start() -> None:
    words = " ".join(f"w{n}" for n in range(50))
    assert lede_snippet("<i>Lede</i> here", "text") == "&lt;i&gt;Lede&lt;/i&gt; here"
    assert lede_snippet("", "only text") == "only text"
    assert lede_snippet(words, "").endswith("w29 …")


def test_the_largest_query_allowed_fits_opensearchs_clause_cap() -> None:
    """Each word or phrase becomes one leaf query per searched field; OpenSearch refuses a search of
    more than 1024 leaves, so adding a searched field must lower the shared clause limit."""
    from newsfacet.query_policy import MAX_QUERY_CLAUSES
    from newsfacet.store.opensearch.query import SEARCH_FIELDS

    assert MAX_QUERY_CLAUSES * len(SEARCH_FIELDS) <= 1024
