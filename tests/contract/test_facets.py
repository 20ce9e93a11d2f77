"""Facet counts (disjunctive, selected values always shown) and facet value search.

Expected counts are worked out by hand from `contract_corpus` (the cast list at its top says who
appears where); `counts_over` cross-checks the larger ones from the corpus objects themselves.
"""

from __future__ import annotations

import pytest
from contract_corpus import ALL_IDS, counts_over, ids_with
from newsfacet.model import Actor, Dimension, FacetFilter, FacetValue, SearchQuery
from newsfacet.store.base import ArticleStore

ACTOR, LOCATION, TOPIC, SOURCE = Dimension.ACTOR, Dimension.LOCATION, Dimension.TOPIC, Dimension.SOURCE
LANGUAGE = Dimension.LANGUAGE


def pairs(values: list[FacetValue]) -> list[tuple[str, int]]:
    return [(value.value, value.count) for value in values]


ALL_SOURCES = [("AP", 7), ("Reuters", 7), ("BBC", 6), ("Le Monde", 2), ("Folha", 1)]
ALL_LOCATIONS = [
    ("Syria", 7),
    ("United States", 4),
    ("Brazil", 3),
    ("Damascus", 3),
    ("France", 3),
    ("Geneva", 3),
    ("Gaza", 2),
    ("Paris", 2),
    ("São Paulo", 2),
]
ALL_ACTORS = [
    ("Bashar al-Assad", 5),
    ("Joe Biden", 5),
    ("World Health Organization", 4),
    ("Emmanuel Macron", 3),
    ("António Guterres", 2),
    ("Hamas", 2),
    ("Lula da Silva", 2),
]
ALL_TOPICS = [
    ("conflict, war and peace", 9),
    ("politics", 7),
    ("armed conflict", 4),
    ("health", 4),
    ("election", 3),
    ("economy, business and finance", 2),
]


def test_facets_of_everything_count_desc_then_value(store: ArticleStore) -> None:
    facets = store.search(SearchQuery()).facets
    assert pairs(facets[SOURCE]) == ALL_SOURCES
    assert pairs(facets[LOCATION]) == ALL_LOCATIONS
    assert pairs(facets[ACTOR]) == ALL_ACTORS
    assert pairs(facets[TOPIC]) == ALL_TOPICS
    # The hand-written tables agree with the corpus itself.
    for dimension, table in [(SOURCE, ALL_SOURCES), (LOCATION, ALL_LOCATIONS), (ACTOR, ALL_ACTORS)]:
        assert dict(table) == counts_over(ALL_IDS, dimension)


def test_facet_size_limits_each_dimension(store: ArticleStore) -> None:
    facets = store.search(SearchQuery(facet_size=2)).facets
    assert pairs(facets[SOURCE]) == ALL_SOURCES[:2]
    assert pairs(facets[LOCATION]) == ALL_LOCATIONS[:2]
    assert pairs(facets[ACTOR]) == ALL_ACTORS[:2]
    assert pairs(facets[TOPIC]) == ALL_TOPICS[:2]


def test_facets_count_the_matches_of_q(store: ArticleStore) -> None:
    facets = store.search(SearchQuery(q="ceasefire")).facets
    assert pairs(facets[ACTOR]) == [("Bashar al-Assad", 3), ("Hamas", 2), ("Joe Biden", 1)]
    assert pairs(facets[LOCATION]) == [("Syria", 3), ("Gaza", 2), ("Damascus", 1)]
    assert pairs(facets[SOURCE]) == [("AP", 2), ("BBC", 1), ("Reuters", 1)]
    assert pairs(facets[TOPIC]) == [("conflict, war and peace", 4), ("armed conflict", 3)]
    french = SearchQuery(filters={LANGUAGE: FacetFilter(values=["fr"])})
    assert pairs(store.search(french).facets[SOURCE]) == [("Le Monde", 2)]


# c07 and c09 are French, c16 Portuguese, c20 has no language tag (counted under none).
ALL_LANGUAGES = [("en", len(ALL_IDS) - 4), ("fr", 2), ("pt", 1)]


def test_the_language_facet_counts_articles_per_language_disjunctively(store: ArticleStore) -> None:
    assert pairs(store.search(SearchQuery()).facets[LANGUAGE]) == ALL_LANGUAGES
    assert dict(ALL_LANGUAGES) == counts_over(ALL_IDS, LANGUAGE)
    french_or_portuguese = store.search(
        SearchQuery(filters={LANGUAGE: FacetFilter(values=["fr", "pt"])}, size=100)
    )
    assert {hit.id for hit in french_or_portuguese.hits} == {"c07", "c09", "c16"}
    # Its own selection does not narrow the language facet; the others' selections do.
    assert pairs(french_or_portuguese.facets[LANGUAGE]) == ALL_LANGUAGES
    assert pairs(french_or_portuguese.facets[SOURCE]) == [("Le Monde", 2), ("Folha", 1)]
    in_brazil = SearchQuery(filters={LOCATION: FacetFilter(values=["Brazil"])})
    assert pairs(store.search(in_brazil).facets[LANGUAGE]) == sorted(
        counts_over(ids_with(LOCATION, "Brazil"), LANGUAGE).items(), key=lambda pair: (-pair[1], pair[0])
    )
    assert pairs(store.facet_values(LANGUAGE, "f", SearchQuery())) == [("fr", 2)]


def test_a_dimension_ignores_its_own_selection(store: ArticleStore) -> None:
    result = store.search(SearchQuery(filters={LOCATION: FacetFilter(values=["Syria"])}))
    assert result.total == 7
    assert pairs(result.facets[LOCATION]) == ALL_LOCATIONS  # as if nothing were selected
    assert pairs(result.facets[ACTOR]) == [("Bashar al-Assad", 5), ("Hamas", 1)]
    assert pairs(result.facets[SOURCE]) == [("Reuters", 3), ("AP", 2), ("BBC", 2)]
    assert pairs(result.facets[TOPIC]) == [("conflict, war and peace", 7), ("armed conflict", 4)]


def test_each_dimension_honours_the_other_selections(store: ArticleStore) -> None:
    query = SearchQuery(
        filters={LOCATION: FacetFilter(values=["Syria"]), SOURCE: FacetFilter(values=["BBC"])}
    )
    result = store.search(query)
    assert {hit.id for hit in result.hits} == {"c06", "c08"}
    assert pairs(result.facets[SOURCE]) == [("Reuters", 3), ("AP", 2), ("BBC", 2)]  # Syria's
    assert pairs(result.facets[LOCATION]) == [  # BBC's
        ("Syria", 2),
        ("Damascus", 1),
        ("Gaza", 1),
        ("Geneva", 1),
        ("United States", 1),
    ]
    assert pairs(result.facets[ACTOR]) == [("Bashar al-Assad", 2), ("Hamas", 1)]  # both


def test_match_all_facets(store: ArticleStore) -> None:
    query = SearchQuery(filters={LOCATION: FacetFilter(values=["Syria", "Damascus"], match="all")})
    result = store.search(query)
    assert result.total == 3
    assert pairs(result.facets[LOCATION]) == ALL_LOCATIONS
    assert pairs(result.facets[ACTOR]) == [("Bashar al-Assad", 3)]
    assert ids_with(LOCATION, "Syria", "Damascus", match="all") == {"c02", "c08", "c23"}


def test_selected_values_always_appear(store: ArticleStore) -> None:
    nothing = store.search(
        SearchQuery(
            filters={ACTOR: FacetFilter(values=["Lula da Silva"]), LOCATION: FacetFilter(values=["Syria"])}
        )
    )
    assert nothing.total == 0
    assert pairs(nothing.facets[ACTOR]) == [("Bashar al-Assad", 5), ("Hamas", 1), ("Lula da Silva", 0)]
    assert pairs(nothing.facets[LOCATION]) == [("Brazil", 2), ("São Paulo", 2), ("Syria", 0)]

    beyond = store.search(SearchQuery(facet_size=1, filters={SOURCE: FacetFilter(values=["Folha"])}))
    assert beyond.total == 1
    assert pairs(beyond.facets[SOURCE]) == [("AP", 7), ("Folha", 1)]

    unknown = store.search(SearchQuery(filters={SOURCE: FacetFilter(values=["Nowhere"])}))
    assert unknown.total == 0
    assert pairs(unknown.facets[SOURCE]) == [*ALL_SOURCES, ("Nowhere", 0)]


@pytest.mark.parametrize(
    ("dimension", "prefix", "expected"),
    [
        (ACTOR, "assad", [("Bashar al-Assad", 5)]),  # any word, not only the first
        (ACTOR, "AL", [("Bashar al-Assad", 5)]),
        (ACTOR, "bashar al-as", [("Bashar al-Assad", 5)]),
        (ACTOR, "anto", [("António Guterres", 2)]),  # accent-insensitive
        (LOCATION, "sao", [("São Paulo", 2)]),
        (LOCATION, "SÃO", [("São Paulo", 2)]),
        (LOCATION, "paul", [("São Paulo", 2)]),
        (LOCATION, "s", [("Syria", 7), ("United States", 4), ("São Paulo", 2)]),
        (TOPIC, "conf", [("conflict, war and peace", 9), ("armed conflict", 4)]),
        (SOURCE, "le", [("Le Monde", 2)]),
        (LOCATION, "zz", []),
        (LOCATION, "", ALL_LOCATIONS),  # empty prefix: the plain facet
    ],
)
def test_facet_value_search(
    store: ArticleStore, dimension: Dimension, prefix: str, expected: list[tuple[str, int]]
) -> None:
    assert pairs(store.facet_values(dimension, prefix, SearchQuery(), size=10)) == expected


def test_facet_value_search_counts_under_the_current_query(store: ArticleStore) -> None:
    assert pairs(store.facet_values(LOCATION, "s", SearchQuery(q="ceasefire"))) == [("Syria", 3)]
    assert pairs(store.facet_values(LOCATION, "s", SearchQuery(), size=1)) == [("Syria", 7)]
    hamas = SearchQuery(filters={ACTOR: FacetFilter(values=["Hamas"])})
    assert pairs(store.facet_values(LOCATION, "", hamas)) == [("Gaza", 2), ("Syria", 1)]
    # Disjunctive: the dimension's own selection does not narrow its counts.
    syria = SearchQuery(filters={LOCATION: FacetFilter(values=["Syria"])})
    assert pairs(store.facet_values(LOCATION, "g", syria)) == [("Geneva", 3), ("Gaza", 2)]
    assert pairs(store.facet_values(ACTOR, "h", syria)) == [("Hamas", 1)]
    # A selected value shows only if it has the prefix, also when `q` narrows the counts.
    syria_ceasefire = syria.model_copy(update={"q": "ceasefire"})
    assert "Syria" not in dict(pairs(store.facet_values(LOCATION, "g", syria_ceasefire)))
    assert dict(pairs(store.facet_values(LOCATION, "sy", syria_ceasefire))) == {"Syria": 3}


def test_facet_value_search_finds_an_actor_by_any_of_its_aliases(empty_store: ArticleStore) -> None:
    from contract_corpus import _article

    nato = Actor(
        name="North Atlantic Treaty Organization",
        aliases=["NATO"],
        type="organization",
        mentions=3,
        salience=1.0,
    )
    articles = [
        _article(f"n{i}", "Summit", "Allies met in Vilnius.", source="AP", published_at=None, actors=(nato,))
        for i in range(2)
    ]
    empty_store.upsert(articles)
    assert pairs(empty_store.facet_values(ACTOR, "nat", SearchQuery())) == [
        ("North Atlantic Treaty Organization", 2)
    ]
    assert pairs(empty_store.facet_values(ACTOR, "atl", SearchQuery())) == [
        ("North Atlantic Treaty Organization", 2)
    ]
