"""OpenSearch-only guarantees of the index layout: template, alias -> versioned index, reindex.

All against the real node (`opensearch_url`); stores come from `make_store`, so every test has its
own alias and cleans up after itself.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from newsfacet.model import Actor, Article, Dimension, FacetFilter, Location, Origin, SearchQuery, Topic
from newsfacet.query_policy import MAX_QUERY_CLAUSES
from newsfacet.store.base import StoreError
from newsfacet.store.opensearch.store import OpenSearchStore, index_template

CAST = [
    Actor(name="Bashar al-Assad", type="person", mentions=2, salience=0.8),
    Actor(name="Ana Brnabić", type="person", mentions=1, salience=0.4),
    Actor(name="Red Cross", type="organization", mentions=1, salience=0.3),
]
PLACES = [
    Location(name="São Paulo", kind="city", country_code="BR", latitude=-23.55, longitude=-46.63, mentions=1),
    Location(name="Syria", kind="country", country_code="SY", latitude=35.0, longitude=38.0, mentions=1),
]
TOPIC = Topic(code="medtop:16000000", label="conflict, war and peace", score=0.9)


def article(number: int, *, version: int = 1, words: str = "ceasefire talks") -> Article:
    """Article number `number`: two thirds mention Assad, every other one is in São Paulo."""
    return Article(
        id=f"a{number:04d}",
        version=version,
        title=f"Report {number} on {words}",
        text=f"Paragraph one of report {number} about {words}.\n\nParagraph two.",
        lede=f"Report {number} about {words}.",
        source="Wire" if number % 2 else "Gazette",
        published_at=datetime(2024, 1, 1 + number % 28, 12, tzinfo=UTC),
        language="en",
        word_count=12,
        content_sha256=f"{number:064x}",
        simhash=f"{number:016x}",
        actors=[CAST[0]] if number % 3 else [CAST[1], CAST[2]],
        locations=[PLACES[number % 2]],
        topics=[TOPIC],
        ingested_at=datetime(2024, 2, 1, tzinfo=UTC),
        origin=Origin(bucket="uploads", key=f"2024/{number}.html", sequencer=f"{version:016X}"),
    )


def opensearch(make_store) -> OpenSearchStore:  # type: ignore[no-untyped-def]
    store = make_store("opensearch")
    assert isinstance(store, OpenSearchStore)
    return store


def indices_of_alias(store: OpenSearchStore) -> list[str]:
    return sorted(store.client.indices.get_alias(name=store.alias))


def everything(store: OpenSearchStore) -> tuple[int, list[str], dict[Dimension, list[tuple[str, int]]]]:
    """Total, every id (walking all pages) and the facets of the match-all search."""
    ids: list[str] = []
    query = SearchQuery(size=100, facet_size=20)
    first = store.search(query)
    result = first
    while True:
        ids.extend(hit.id for hit in result.hits)
        if result.next_cursor is None:
            break
        result = store.search(query.model_copy(update={"cursor": result.next_cursor}))
    facets = {dim: [(f.value, f.count) for f in values] for dim, values in first.facets.items()}
    return first.total, ids, facets


def test_first_write_creates_v1_behind_the_alias_from_the_packaged_template(make_store) -> None:  # type: ignore[no-untyped-def]
    store = opensearch(make_store)
    assert not store.client.indices.exists_alias(name=store.alias)

    store.upsert([article(1)])

    assert indices_of_alias(store) == [f"{store.alias}-v1"]
    templates = store.client.indices.get_index_template(name=store.alias)["index_templates"]
    assert templates[0]["index_template"]["index_patterns"] == [f"{store.alias}-v*"]
    mapping = store.client.indices.get_mapping(index=store.alias)[f"{store.alias}-v1"]["mappings"]
    expected = index_template(store.alias)["template"]["mappings"]
    assert mapping["properties"]["location_point"] == {"type": "geo_point"}
    assert mapping["properties"]["published_at"]["type"] == "date"
    assert mapping["properties"]["title"] == expected["properties"]["title"]
    assert mapping["properties"]["actor"]["type"] == "keyword"


def test_reads_before_any_write_find_nothing_and_create_nothing(make_store) -> None:  # type: ignore[no-untyped-def]
    """The search role may only read: reads must work (empty) without creating the index."""
    store = opensearch(make_store)
    selected = SearchQuery(filters={Dimension.ACTOR: FacetFilter(values=["Hamas"])}, histogram="day")

    result = store.search(selected)

    assert result.total == 0 and result.hits == [] and result.histogram == []
    assert [(f.value, f.count) for f in result.facets[Dimension.ACTOR]] == [("Hamas", 0)]
    assert store.get("a0001") is None
    assert store.find_by_origin("uploads", "2024/1.html") == []
    assert store.facet_values(Dimension.ACTOR, "ass", SearchQuery()) == []
    assert store.histogram(SearchQuery(), "month") == []
    assert not store.client.indices.exists_alias(name=store.alias)


def test_two_writers_racing_to_create_the_index_both_succeed(make_store, opensearch_url) -> None:  # type: ignore[no-untyped-def]
    from newsfacet.config import Settings

    first = opensearch(make_store)
    second = OpenSearchStore.from_settings(
        Settings(store=opensearch_url, index_alias=first.alias, opensearch_auth="none"), refresh="true"
    )
    errors: list[BaseException] = []

    def write(store: OpenSearchStore, number: int) -> None:
        try:
            store.upsert([article(number)])
        except BaseException as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(s, n)) for s, n in ((first, 1), (second, 2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    second.close()

    assert errors == []
    assert indices_of_alias(first) == [f"{first.alias}-v1"]
    assert first.search(SearchQuery()).total == 2


def test_readers_never_fail_while_another_process_creates_the_index(make_store, opensearch_url) -> None:  # type: ignore[no-untyped-def]
    # An alias created with its index pointed readers at a shard not yet started: their searches
    # failed with a 503 ("all shards failed"), and an ingest worker's failed its whole SQS batch
    # for the queue's visibility timeout (six minutes).
    from newsfacet.config import Settings

    writer = opensearch(make_store)
    reader = OpenSearchStore.from_settings(
        Settings(store=opensearch_url, index_alias=writer.alias, opensearch_auth="none")
    )
    errors: list[BaseException] = []
    written = threading.Event()

    def read() -> None:
        while not written.is_set():
            try:
                reader.find_by_origin_batch([("uploads", "2024/1.html")], fresh=False)
            except BaseException as error:  # collected and asserted below
                errors.append(error)

    thread = threading.Thread(target=read)
    thread.start()
    try:
        writer.upsert([article(1)])
    finally:
        written.set()
        thread.join()
    reader.close()

    assert errors == []
    assert writer.search(SearchQuery()).total == 1


def test_reindex_swaps_the_alias_and_keeps_every_document_versions_and_tombstones(make_store) -> None:  # type: ignore[no-untyped-def]
    store = opensearch(make_store)
    store.upsert([article(n, version=3) for n in range(1, 41)])
    store.delete("a0007", version=5, bucket="uploads", key="2024/7.html")
    before = everything(store)

    report = store.reindex()

    assert (report.source, report.target) == (f"{store.alias}-v1", f"{store.alias}-v2")
    assert report.copied == 40  # 39 articles and one tombstone
    assert indices_of_alias(store) == [f"{store.alias}-v2"]
    assert store.client.indices.exists(index=f"{store.alias}-v1")  # kept for a rollback
    assert everything(store) == before
    # Versions travelled with the documents: older writes are still stale, the tombstone still
    # blocks its article, newer writes still land.
    assert store.upsert([article(1, version=3)])[0].status == "stale"
    assert store.upsert([article(7, version=4)])[0].status == "stale"
    assert store.get("a0007") is None
    assert [v.model_dump() for v in store.find_by_origin("uploads", "2024/7.html")] == [
        {"id": "a0007", "version": 5, "deleted": True}
    ]
    assert store.upsert([article(2, version=4, words="harvest")])[0].status == "written"
    assert store.search(SearchQuery(q="harvest")).total == 1

    second = store.reindex(delete_old=True)

    assert second.target == f"{store.alias}-v3"
    assert indices_of_alias(store) == [f"{store.alias}-v3"]
    assert not store.client.indices.exists(index=f"{store.alias}-v2")
    assert store.search(SearchQuery(q="harvest")).total == 1


def test_searches_never_fail_or_miss_documents_while_reindexing(make_store) -> None:  # type: ignore[no-untyped-def]
    store = opensearch(make_store)
    store.upsert([article(n) for n in range(1, 301)])
    seen_totals: list[int] = []
    failures: list[BaseException] = []
    done = threading.Event()

    def search_until_done() -> None:
        while not done.is_set():
            try:
                seen_totals.append(store.search(SearchQuery(q="ceasefire", size=1)).total)
            except BaseException as error:  # collected and asserted below
                failures.append(error)

    searcher = threading.Thread(target=search_until_done)
    searcher.start()
    try:
        store.reindex()
    finally:
        done.set()
        searcher.join()

    assert failures == []
    assert seen_totals and set(seen_totals) == {300}
    assert indices_of_alias(store) == [f"{store.alias}-v2"]


def test_reindex_fills_derived_fields_that_an_older_template_lacked(make_store) -> None:  # type: ignore[no-untyped-def]
    """A document written before facet word search existed is found by prefix after a reindex."""
    store = opensearch(make_store)
    store.upsert([article(1)])
    old_style = {
        key: value
        for key, value in store.client.get(index=store.alias, id="a0001")["_source"].items()
        if key != "facet_words"
    }
    store.client.index(
        index=store.alias, id="a0001", body=old_style, version=2, version_type="external", refresh="true"
    )
    assert store.facet_values(Dimension.ACTOR, "assad", SearchQuery()) == []

    store.reindex()

    found = store.facet_values(Dimension.ACTOR, "assad", SearchQuery())
    assert [(f.value, f.count) for f in found] == [("Bashar al-Assad", 1)]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("brnab", ["Ana Brnabić"]),
        ("BRNABIC", ["Ana Brnabić"]),
        ("sao p", ["São Paulo"]),
        ("cross", ["Red Cross"]),
    ],
)
def test_prefix_search_folds_case_and_accents_on_any_word(make_store, prefix, expected) -> None:  # type: ignore[no-untyped-def]
    store = opensearch(make_store)
    store.upsert([article(n) for n in range(1, 7)])
    dimension = Dimension.LOCATION if expected == ["São Paulo"] else Dimension.ACTOR
    assert [f.value for f in store.facet_values(dimension, prefix, SearchQuery())] == expected


@pytest.mark.parametrize(
    ("sort", "forged"),
    [
        ("date", [1.5]),
        ("date", [2**70]),
        ("date", ["2024-01-01"]),
        ("relevance", [None]),
        ("relevance", [1, 2]),
    ],
)
def test_a_forged_cursor_with_a_valid_fingerprint_is_invalid_not_a_failed_search(
    make_store, sort, forged
) -> None:  # type: ignore[no-untyped-def]
    from newsfacet.store.base import InvalidCursor
    from newsfacet.store.cursor import encode_cursor

    store = opensearch(make_store)
    store.upsert([article(n) for n in range(1, 4)])
    query = SearchQuery(q="ceasefire", sort=sort, size=1)
    assert store.search(query).next_cursor is not None

    with pytest.raises(InvalidCursor):
        store.search(
            query.model_copy(update={"cursor": encode_cursor(query, forged, "a0001", store._cursor_key)})
        )


@pytest.mark.parametrize(
    "q",
    [
        "ceasefire " * MAX_QUERY_CLAUSES,  # as many clauses as a query may hold: under 1024 leaves
        " OR ".join(f"word{n}" for n in range(MAX_QUERY_CLAUSES - 1)) + " OR ceasefire",
        "ceasefire " + " ".join(f"-word{n}" for n in range(MAX_QUERY_CLAUSES - 1)),
        'ceasefire:talks AND (report) "talks * ~ /paragraph/ \\ {report}',  # Lucene syntax is just words
    ],
)
def test_any_q_is_answered_never_a_failed_search(make_store, q: str) -> None:  # type: ignore[no-untyped-def]
    store = opensearch(make_store)
    store.upsert([article(n) for n in range(1, 4)])

    result = store.search(SearchQuery(q=q))

    assert result.total == 3  # every article has each of these words; nothing is read as syntax
    assert store.facet_values(Dimension.ACTOR, "", SearchQuery(q=q))
    assert store.histogram(SearchQuery(q=q), "week")


@pytest.mark.parametrize(
    ("language", "title", "text", "query"),
    [
        ("fr", "Presse régionale", "Les journaux régionaux ferment leurs imprimeries.", "journal"),
        ("de", "Hochwasser", "Die Überschwemmungen haben Passau erreicht.", "Überschwemmung"),
    ],
)
def test_french_and_german_text_is_stemmed_in_its_language(  # type: ignore[no-untyped-def]
    make_store, language: str, title: str, text: str, query: str
) -> None:
    store = opensearch(make_store)
    story = article(1).model_copy(update={"language": language, "title": title, "text": text, "lede": text})
    store.upsert([story, article(2)])
    # The query's form ("journal", "Überschwemmung") is not the text's ("journaux",
    # "Überschwemmungen"), and English stemming does not join them.
    assert [hit.id for hit in store.search(SearchQuery(q=query)).hits] == [story.id]


def test_reindex_moves_articles_named_by_their_key_to_their_content_id(make_store) -> None:  # type: ignore[no-untyped-def]
    """Before stories, a page without a canonical URL was named by its bucket and key: the same page
    under two keys was two documents. Reindexing makes them the one document of the current scheme,
    held by both keys, in a story of its own."""
    from newsfacet.ids import article_id, key_marker_id

    store = opensearch(make_store)
    page = article(1)
    old = [
        page.model_copy(
            update={
                "id": key_marker_id("uploads", key),
                "story": key_marker_id("uploads", key),
                "version": version,
                "origin": Origin(bucket="uploads", key=key),
            }
        )
        for key, version in (("a.html", 3), ("b.html", 5))
    ]
    store.upsert([*old, article(2)])  # article 2 has an id of the current scheme: it stays
    assert store.search(SearchQuery()).total == 3

    report = store.reindex()

    moved = article_id(None, page.text)
    assert store.search(SearchQuery()).total == 2
    assert {hit.id for hit in store.search(SearchQuery()).hits} == {moved, "a0002"}
    found = store.get(moved)
    assert found is not None and found.story == moved and found.version == 5
    assert [(held.key, held.version) for held in store.holders(moved)] == [("a.html", 3), ("b.html", 5)]
    assert [entry.id for entry in store.find_by_origin("uploads", "a.html")] == [moved]
    assert report.caught_up == 0  # the pass after the swap finds nothing left to move


def test_after_a_rollover_new_articles_go_to_the_new_index_new_versions_where_they_are(make_store) -> None:  # type: ignore[no-untyped-def]
    store = opensearch(make_store)
    store.upsert([article(1), article(2)])

    assert store.rollover(max_docs=3) is None  # the condition does not hold yet
    assert store.rollover(max_docs=2) == f"{store.alias}-v2"
    assert indices_of_alias(store) == [f"{store.alias}-v1", f"{store.alias}-v2"]

    store.upsert([article(3), article(1, version=2, words="harvest")])
    store.delete("a0002", version=2, bucket="uploads", key="2024/2.html")
    store.refresh()

    def held_in(index: str) -> dict[str, int]:
        hits = store.client.search(index=index, body={"query": {"match_all": {}}})["hits"]["hits"]
        return {hit["_id"]: hit["_source"]["version"] for hit in hits}

    # One copy of each article, in the index that held it; external versions still decide there.
    assert held_in(f"{store.alias}-v1") == {"a0001": 2, "a0002": 2}
    assert held_in(f"{store.alias}-v2") == {"a0003": 1}
    assert store.upsert([article(1, version=1)])[0].status == "stale"
    assert store.get("a0001") is not None and store.get("a0002") is None
    total, ids, _ = everything(store)
    assert (total, sorted(ids)) == (2, ["a0001", "a0003"])
    with pytest.raises(StoreError, match="one index at a time"):
        store.reindex()


def test_the_scheduled_rollover_starts_a_new_index_once_the_write_index_holds_the_size(make_store) -> None:  # type: ignore[no-untyped-def]
    store = opensearch(make_store)
    assert store.roll_over_if_full("1b") is None  # no index yet: nothing to roll over, none created
    assert not store.client.indices.exists_alias(name=store.alias)
    store.upsert([article(1), article(2)])
    store.refresh()

    assert store.roll_over_if_full("1tb") is None
    assert store.roll_over_if_full("1kb") == f"{store.alias}-v2"
    assert indices_of_alias(store) == [f"{store.alias}-v1", f"{store.alias}-v2"]
    store.upsert([article(3)])
    assert store.roll_over_if_full("1tb") is None
    assert {hit.id for hit in store.search(SearchQuery()).hits} == {"a0001", "a0002", "a0003"}
