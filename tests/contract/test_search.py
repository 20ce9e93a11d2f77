"""What a search finds: the query syntax, searched fields, filters, sorting, hits and snippets.

Every expected id set below is reasoned from `contract_corpus` (its docstring lists which article
holds which query word); both engines must return exactly these sets and totals.
"""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from contract_corpus import ALL_IDS, BY_ID, CORPUS, _article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsfacet.model import Dimension, FacetFilter, SearchQuery, SearchResult
from newsfacet.query_policy import MAX_QUERY_CLAUSES
from newsfacet.store.base import ArticleStore

CEASEFIRE = {"c01", "c02", "c05", "c06"}
SYRIA = {"c01", "c02", "c04", "c06", "c08", "c23", "c24"}
REUTERS = {"c01", "c04", "c10", "c13", "c15", "c17", "c24"}
ASSAD = {"c01", "c02", "c06", "c08", "c23"}


def found(store: ArticleStore, query: SearchQuery) -> set[str]:
    """Ids of every hit of `query` on one page of 100 (the corpus is smaller), checking `total`."""
    result = store.search(query.model_copy(update={"size": 100}))
    ids = [hit.id for hit in result.hits]
    assert len(ids) == len(set(ids)), f"repeated hits for {query!r}"
    assert result.total == len(ids), f"total {result.total} but {len(ids)} hits for {query!r}"
    assert result.next_cursor is None
    return set(ids)


def check_all(store: ArticleStore, cases: dict[str, set[str]]) -> None:
    """Run every `q` -> expected ids case; report all mismatches at once."""
    wrong = {q: (sorted(found(store, SearchQuery(q=q))), sorted(ids)) for q, ids in cases.items()}
    wrong = {q: pair for q, pair in wrong.items() if pair[0] != pair[1]}
    assert not wrong, "q: (found, expected) " + repr(wrong)


def test_words_phrases_exclusions_and_alternatives(store: ArticleStore) -> None:
    check_all(
        store,
        {
            "": set(ALL_IDS),
            "ceasefire": CEASEFIRE,
            "ceasefire gaza": {"c05", "c06"},
            "ceasefire -gaza": {"c01", "c02"},
            "peace talks": {"c03", "c04"},
            '"peace talks"': {"c03"},
            'talks -"peace talks"': {"c04"},
            "vaccine OR inflation": {"c10", "c11", "c13", "c14"},
            'inflation OR "peace talks"': {"c03", "c13", "c14"},
            "summit OR zyzzyva": {"c14", "c19"},
            "-ceasefire": set(ALL_IDS) - CEASEFIRE,
            "-ceasefire -syria": set(ALL_IDS) - CEASEFIRE - SYRIA,
            "zyzzyva": set(),
            "ceasefire zyzzyva": set(),
        },
    )


def test_stemming_case_and_accents(store: ArticleStore) -> None:
    check_all(
        store,
        {
            "CEASEFIRES": CEASEFIRE,
            "negotiating": {"c04"},
            "elections": {"c15", "c16", "c18"},
            "vaccinated": {"c10", "c11"},
            "sao paulo": {"c16", "c17"},
            "São Paulo": {"c16", "c17"},
            "SÃO PAULO": {"c16", "c17"},
            "antonio": {"c03", "c10"},
            "António": {"c03", "c10"},
        },
    )


def test_every_searched_field_is_searched(store: ArticleStore) -> None:
    check_all(
        store,
        {
            "okafor": {"c02", "c11"},  # authors only
            "reuters": REUTERS,  # source only
            "assad": ASSAD,  # actor names (and some texts)
            "al-Assad": ASSAD,  # a hyphenated word is a phrase
            "health": {"c10", "c11", "c12", "c22"},  # topic label, actor name, texts
            "armed": {"c01", "c02", "c06", "c23"},  # the finer topic label only
            "momentum": {"c03"},  # body text only
            "shutters": {"c08"},
        },
    )


def test_malformed_syntax_degrades_to_words_and_never_fails(store: ArticleStore) -> None:
    everything = set(ALL_IDS)
    check_all(
        store,
        {
            '"ceasefire': CEASEFIRE,
            'ceasefire"': CEASEFIRE,
            '"ceasefire gaza': {"c05", "c06"},
            "(ceasefire": CEASEFIRE,
            "ceasefire)": CEASEFIRE,
            "ceasefire*": CEASEFIRE,
            "+ceasefire": CEASEFIRE,
            "ceasefire~2": set(),  # the phrase "ceasefire 2"
            "title:ceasefire": set(),  # no field syntax: the phrase "title ceasefire"
            "ceasefire -": CEASEFIRE,
            "ceasefire --gaza": {"c01", "c02"},
            "-": everything,
            '"': everything,
            '""': everything,
            "()": everything,
            "\\": everything,
            "*": everything,
            "{}[]^~:!?/&|": everything,
            "'ceasefire'": CEASEFIRE,
        },
    )


def test_clauses_of_only_stop_words_restrict_nothing(store: ArticleStore) -> None:
    # A clause of stop words only restricts nothing (newsfacet.query_policy), so "ceasefire OR" (a
    # stray OR is the word "or") and "the ceasefire" find what "ceasefire" finds on every engine.
    check_all(
        store,
        {
            "the": set(ALL_IDS),
            "the ceasefire": CEASEFIRE,
            "ceasefire OR": CEASEFIRE,
            "OR ceasefire": CEASEFIRE,
            "ceasefire -the": CEASEFIRE,
            'ceasefire -"in the"': CEASEFIRE,
            "ceasefire OR the": set(ALL_IDS),
            '"war and peace"': {"c01", "c02", "c03", "c04", "c05", "c06", "c08", "c23", "c24"},
        },
    )


PHRASE_PAGES = {
    "p1": "Three soldiers were killed by a drone in Lebanon on Monday.",
    "p2": "A drone killed three soldiers. Lebanon was blamed by officials.",
    "p3": "A ceasefire was agreed at dawn. The ceasefire held until noon.",
    "p4": "Officials said ceasefire talks would continue.",
}


def test_a_phrase_matches_its_every_word_stop_words_included(empty_store: ArticleStore) -> None:
    empty_store.upsert(
        [
            _article(article_id, f"Report {article_id}", text, source="Wire", published_at=None)
            for article_id, text in PHRASE_PAGES.items()
        ]
    )
    check_all(
        empty_store,
        {
            '"killed by"': {"p1"},
            '"in Lebanon"': {"p1"},
            '"the ceasefire"': {"p3"},
            "ceasefire": {"p3", "p4"},
            'lebanon -"killed by"': {"p2"},
            '"soldiers were killed"': {"p1"},
            '"soldiers killed"': set(),
        },
    )


def test_a_query_too_large_to_run_faithfully_is_refused_not_shortened() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="query too large"):
        SearchQuery(q=" ".join(f"-word{n}" for n in range(MAX_QUERY_CLAUSES + 1)))
    with pytest.raises(ValidationError, match="query too large"):
        SearchQuery(q=" OR ".join(f"w{n}" for n in range(MAX_QUERY_CLAUSES + 1)))
    assert SearchQuery(q=" ".join(f"w{n}" for n in range(MAX_QUERY_CLAUSES))).q


def test_the_largest_query_allowed_runs_whole_on_every_engine(store: ArticleStore) -> None:
    # The last clause is an exclusion: dropping any clause would change the answer.
    words = ["ceasefire"] * (MAX_QUERY_CLAUSES - 1)
    assert store.search(SearchQuery(q=" ".join(words))).total == len(CEASEFIRE)
    assert store.search(SearchQuery(q=" ".join([*words, "-ceasefire"]))).total == 0


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(q=st.text(alphabet=st.sampled_from('ab -"OR():*^~\\/!ceasfirSYé\u0301\x00\u2028'), max_size=20))
def test_any_query_text_gives_a_result(store: ArticleStore, q: str) -> None:
    result = store.search(SearchQuery(q=q))
    assert result.total >= len(result.hits)
    assert set(result.facets) == set(Dimension)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (SearchQuery(filters={Dimension.SOURCE: FacetFilter(values=["Reuters"])}), REUTERS),
        (
            SearchQuery(filters={Dimension.LOCATION: FacetFilter(values=["Syria", "Gaza"])}),
            SYRIA | {"c05"},
        ),
        (
            SearchQuery(filters={Dimension.LOCATION: FacetFilter(values=["Syria", "Damascus"], match="all")}),
            {"c02", "c08", "c23"},
        ),
        (
            SearchQuery(
                filters={
                    Dimension.LOCATION: FacetFilter(values=["Syria"]),
                    Dimension.ACTOR: FacetFilter(values=["Hamas"]),
                }
            ),
            {"c06"},
        ),
        (
            SearchQuery(filters={Dimension.TOPIC: FacetFilter(values=["politics", "election"], match="all")}),
            {"c15", "c16", "c18"},
        ),
        (
            SearchQuery(filters={Dimension.TOPIC: FacetFilter(values=["armed conflict"])}),
            {"c01", "c02", "c06", "c23"},
        ),
        (SearchQuery(filters={Dimension.ACTOR: FacetFilter(values=["bashar al-assad"])}), set()),  # exact
        (SearchQuery(filters={Dimension.SOURCE: FacetFilter(values=["Nowhere"])}), set()),
        (
            SearchQuery(filters={Dimension.SOURCE: FacetFilter(values=["Reuters", "Nowhere"], match="all")}),
            set(),
        ),
        (
            SearchQuery(q="ceasefire", filters={Dimension.SOURCE: FacetFilter(values=["BBC"])}),
            {"c06"},
        ),
    ],
)
def test_facet_filters(store: ArticleStore, query: SearchQuery, expected: set[str]) -> None:
    assert found(store, query) == expected


def test_date_range_is_inclusive_utc_days(store: ArticleStore) -> None:
    cases = {
        (date(2024, 1, 3), date(2024, 1, 15)): {"c01", "c02", "c03", "c04", "c24", "c05", "c06"},
        (date(2024, 1, 14), date(2024, 1, 14)): {"c05"},  # 23:30 UTC on the 14th
        (date(2024, 1, 20), date(2024, 1, 20)): {"c07"},  # 10:00 at UTC+1 is 09:00 UTC
        (date(2024, 4, 1), None): {"c16", "c17", "c18"},  # c16: 23:00 at UTC-3 on March 31st
        (None, date(2023, 12, 31)): {"c23"},
        (date(2025, 1, 1), None): set(),
    }
    for (date_from, date_to), expected in cases.items():
        assert found(store, SearchQuery(date_from=date_from, date_to=date_to)) == expected, (
            date_from,
            date_to,
        )
    undated = {"c19", "c20"}
    before_april = set(ALL_IDS) - undated - {"c16", "c17", "c18"}
    assert found(store, SearchQuery(date_to=date(2024, 3, 31))) == before_april


def test_language(store: ArticleStore) -> None:
    assert found(store, SearchQuery(filters={Dimension.LANGUAGE: FacetFilter(values=["fr"])})) == {
        "c07",
        "c09",
    }
    assert found(store, SearchQuery(filters={Dimension.LANGUAGE: FacetFilter(values=["pt"])})) == {"c16"}
    assert found(store, SearchQuery(filters={Dimension.LANGUAGE: FacetFilter(values=["en"])})) == set(
        ALL_IDS
    ) - {"c07", "c09", "c16", "c20"}
    assert (
        found(store, SearchQuery(q="ceasefire", filters={Dimension.LANGUAGE: FacetFilter(values=["fr"])}))
        == set()
    )


DATE_ORDER = [
    "c18", "c17", "c16", "c15", "c14", "c13", "c12", "c11", "c10", "c22", "c21", "c09", "c08",
    "c07", "c06", "c05", "c24", "c04", "c03",
    "c01", "c02",  # same instant: id ascending
    "c23",
    "c19", "c20",  # no date: last, id ascending
]  # fmt: skip


def test_date_sort_is_newest_first_missing_last_ties_by_id(store: ArticleStore) -> None:
    result = store.search(SearchQuery(size=100))  # no q: date is the default
    assert [hit.id for hit in result.hits] == DATE_ORDER
    summit = store.search(SearchQuery(q="summit", sort="date"))
    assert [hit.id for hit in summit.hits] == ["c14", "c19"]
    filtered = store.search(SearchQuery(q="ceasefire OR syria", sort="date", size=100))
    assert [hit.id for hit in filtered.hits] == [i for i in DATE_ORDER if i in CEASEFIRE | SYRIA]


def test_relevance_puts_the_obvious_best_hit_first(store: ArticleStore) -> None:
    result = store.search(SearchQuery(q="ceasefire"))  # with words, relevance is the default
    assert result.hits[0].id == "c01"
    assert {hit.id for hit in result.hits} == CEASEFIRE
    negotiations = store.search(SearchQuery(q="negotiations syria", sort="relevance"))
    assert [hit.id for hit in negotiations.hits] == ["c04"]


def test_relevance_without_words_orders_by_id(store: ArticleStore) -> None:
    result = store.search(SearchQuery(q="-ceasefire", sort="relevance", size=100))
    assert [hit.id for hit in result.hits] == sorted(set(ALL_IDS) - CEASEFIRE)


def test_hits_carry_the_articles_fields_and_names_in_order(store: ArticleStore) -> None:
    result = store.search(SearchQuery(q="fighters truce"))
    assert [hit.id for hit in result.hits] == ["c06"]
    hit, article = result.hits[0], BY_ID["c06"]
    assert (hit.title, hit.url, hit.source) == (article.title, article.url, article.source)
    assert hit.published_at == article.published_at
    assert hit.actors == ["Hamas", "Bashar al-Assad"]
    assert hit.locations == ["Gaza", "Syria"]
    assert hit.topics == ["conflict, war and peace", "armed conflict"]
    c07 = store.search(SearchQuery(filters={Dimension.LANGUAGE: FacetFilter(values=["fr"])}, size=100)).hits
    assert {h.id: h.published_at for h in c07}["c07"] == BY_ID["c07"].published_at  # same instant
    none = store.search(SearchQuery(q="undated wire")).hits[0]
    assert (none.published_at, none.actors, none.locations, none.topics) == (None, [], [], [])
    assert store.search(SearchQuery(q="flu figures")).hits[0].source is None


def _marked(snippet: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", snippet)


def test_snippets_are_escaped_with_marked_matches(store: ArticleStore) -> None:
    result = store.search(SearchQuery(q="malware"))
    (hit,) = result.hits
    assert "<script" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "&amp;" in hit.snippet
    assert [m.lower() for m in _marked(hit.snippet)] and all(
        m.lower() == "malware" for m in _marked(hit.snippet)
    )
    # Nothing but <mark> is markup: remove it and no tag remains.
    assert "<" not in hit.snippet.replace("<mark>", "").replace("</mark>", "")

    for hit in store.search(SearchQuery(q="ceasefire gaza")).hits:
        marks = {m.lower() for m in _marked(hit.snippet)}
        assert marks and marks <= {"ceasefire", "ceasefires", "gaza"}, (hit.id, hit.snippet)


def test_snippet_is_about_thirty_words_of_the_text(store: ArticleStore) -> None:
    (hit,) = store.search(SearchQuery(q="shutters")).hits
    plain = html.unescape(hit.snippet.replace("<mark>", "").replace("</mark>", ""))
    assert "shutters" in plain
    assert 5 <= len(plain.split()) <= 40


def test_without_q_the_snippet_is_the_start_of_the_lede(store: ArticleStore) -> None:
    hits = {hit.id: hit for hit in store.search(SearchQuery(size=100)).hits}
    for article in CORPUS:
        snippet = hits[article.id].snippet
        assert "<mark>" not in snippet
        plain = html.unescape(snippet)
        assert plain.split()[:4] == article.lede.split()[:4], (article.id, snippet)
    assert "<script" not in hits["c21"].snippet and "&lt;script&gt;" in hits["c21"].snippet


def test_result_always_has_every_facet_dimension(store: ArticleStore) -> None:
    result: SearchResult = store.search(SearchQuery(q="zyzzyva"))
    assert result.total == 0 and result.hits == [] and result.next_cursor is None
    assert set(result.facets) == set(Dimension)
    assert all(values == [] for values in result.facets.values())
    assert result.histogram is None
