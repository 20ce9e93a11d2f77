"""Versioned writes, tombstones and lookups: late or repeated events never win over newer state."""

from __future__ import annotations

from contract_corpus import ALL_IDS, BY_ID
from newsfacet.model import Article, Dimension, FacetFilter, SearchQuery, StoredVersion
from newsfacet.store.base import ArticleStore, PutArticle, ReleaseHold, StoreWrite


def version_of(article: Article, version: int, title: str | None = None) -> Article:
    return article.model_copy(update={"version": version, "title": title or f"{article.title} v{version}"})


def statuses(store: ArticleStore, *articles: Article) -> list[str]:
    return [outcome.status for outcome in store.upsert(list(articles))]


def test_get_returns_the_article_as_written(store: ArticleStore) -> None:
    for article_id in ("c01", "c07", "c16", "c20", "c21"):
        assert store.get(article_id) == BY_ID[article_id]
    assert store.get("nope") is None


def test_equal_or_older_versions_are_stale_newer_wins(empty_store: ArticleStore) -> None:
    base = BY_ID["c03"]
    assert statuses(empty_store, version_of(base, 2, "two")) == ["written"]
    assert statuses(empty_store, version_of(base, 2, "two again"), version_of(base, 1, "one")) == [
        "stale",
        "stale",
    ]
    assert empty_store.get("c03").title == "two"  # type: ignore[union-attr]
    assert statuses(empty_store, version_of(base, 5, "five"), version_of(base, 4, "four")) == [
        "written",
        "stale",
    ]
    assert empty_store.get("c03").title == "five"  # type: ignore[union-attr]
    result = empty_store.search(SearchQuery(q="five"))
    assert [hit.id for hit in result.hits] == ["c03"]
    assert empty_store.search(SearchQuery(q="two")).total == 0  # the old text is gone


def test_rewriting_an_article_replaces_its_text_and_facets(store: ArticleStore) -> None:
    moved = BY_ID["c24"].model_copy(
        update={"version": 2, "text": "An aid convoy reached Gaza.", "locations": [], "source": "AP"}
    )
    assert statuses(store, moved) == ["written"]
    assert {hit.id for hit in store.search(SearchQuery(q="convoy gaza")).hits} == {"c24"}
    facets = store.search(SearchQuery()).facets
    assert {v.value: v.count for v in facets[Dimension.LOCATION]}["Syria"] == 6
    assert {v.value: v.count for v in facets[Dimension.SOURCE]}["Reuters"] == 6
    assert {v.value: v.count for v in facets[Dimension.SOURCE]}["AP"] == 8


def test_delete_hides_the_article_everywhere(store: ArticleStore) -> None:
    assert store.delete("c01", 2, "raw", "2024/c01.html").status == "written"
    assert store.get("c01") is None
    assert {hit.id for hit in store.search(SearchQuery(q="ceasefire")).hits} == {"c02", "c05", "c06"}
    everything = store.search(SearchQuery(size=100))
    assert everything.total == len(ALL_IDS) - 1
    assert "c01" not in {hit.id for hit in everything.hits}
    syria = {v.value: v.count for v in everything.facets[Dimension.LOCATION]}["Syria"]
    assert syria == 6
    narrowed = store.search(SearchQuery(filters={Dimension.SOURCE: FacetFilter(values=["Reuters"])}))
    assert narrowed.total == 6
    assert store.facet_values(Dimension.LOCATION, "syr", SearchQuery())[0].count == 6
    assert sum(bucket.count for bucket in store.histogram(SearchQuery(), "month")) == 21


def test_a_tombstone_blocks_older_writes_and_yields_to_newer(store: ArticleStore) -> None:
    assert store.delete("c02", 3, "raw", "2024/c02.html").status == "written"
    assert statuses(store, version_of(BY_ID["c02"], 2), version_of(BY_ID["c02"], 3)) == ["stale", "stale"]
    assert store.get("c02") is None
    assert store.delete("c02", 3, "raw", "2024/c02.html").status == "stale"
    assert statuses(store, version_of(BY_ID["c02"], 4, "back again")) == ["written"]
    assert store.get("c02").title == "back again"  # type: ignore[union-attr]


def test_an_older_delete_is_stale(store: ArticleStore) -> None:
    assert statuses(store, version_of(BY_ID["c05"], 5)) == ["written"]
    assert store.delete("c05", 5, "raw", "2024/c05.html").status == "stale"
    assert store.delete("c05", 4, "raw", "2024/c05.html").status == "stale"
    assert store.get("c05") is not None


def test_delete_before_create_blocks_the_older_create(empty_store: ArticleStore) -> None:
    assert empty_store.delete("late", 7, "raw", "2024/late.html").status == "written"
    assert empty_store.find_by_origin("raw", "2024/late.html") == [
        StoredVersion(id="late", version=7, deleted=True)
    ]
    late = BY_ID["c10"].model_copy(update={"id": "late", "version": 6})
    assert statuses(empty_store, late) == ["stale"]
    assert empty_store.get("late") is None
    assert empty_store.search(SearchQuery()).total == 0


def test_repeats_within_one_batch_keep_the_newest(empty_store: ArticleStore) -> None:
    base = BY_ID["c12"]
    got = statuses(
        empty_store, version_of(base, 1, "one"), version_of(base, 3, "three"), version_of(base, 2, "two")
    )
    assert got == ["written", "written", "stale"]
    assert empty_store.get("c12").title == "three"  # type: ignore[union-attr]
    assert empty_store.search(SearchQuery()).total == 1


def test_find_by_origin_lists_live_and_deleted_ids(store: ArticleStore) -> None:
    shared = BY_ID["c13"].origin
    twin = BY_ID["c14"].model_copy(update={"id": "c14-twin", "origin": shared})
    assert statuses(store, twin) == ["written"]
    assert store.delete("c13", 2, shared.bucket, shared.key).status == "written"
    found = sorted(store.find_by_origin(shared.bucket, shared.key), key=lambda v: v.id)
    assert found == [
        StoredVersion(id="c13", version=2, deleted=True),
        StoredVersion(id="c14-twin", version=1, deleted=False),
    ]
    assert store.find_by_origin("raw", "nothing/here.html") == []
    assert store.find_by_origin("other-bucket", shared.key) == []
    # A batch's lookups in one go answer as the lookups one by one, in order.
    origins = [("raw", "nothing/here.html"), (shared.bucket, shared.key), ("other-bucket", shared.key)]
    batch = store.find_by_origin_batch(origins)
    assert [sorted(found, key=lambda v: v.id) for found in batch] == [[], found, []]  # type: ignore[arg-type]


def test_lookups_before_anything_is_written_find_nothing(empty_store: ArticleStore) -> None:
    assert empty_store.find_by_origin_batch([("raw", "a.html"), ("raw", "b.html")]) == [[], []]
    assert empty_store.story_candidates_batch([BY_ID["c01"]], 10) == [[]]


# --- Origins: every object that holds an article --------------------------------------------------


def held_by(article: Article, key: str, version: int) -> Article:
    origin = article.origin.model_copy(update={"key": key})
    return article.model_copy(update={"version": version, "origin": origin})


def holds(store: ArticleStore, article_id: str) -> list[tuple[str, int]]:
    return [(held.key, held.version) for held in store.holders(article_id)]


def test_an_article_held_by_two_keys_lives_until_both_let_go(empty_store: ArticleStore) -> None:
    base = BY_ID["c05"]
    bucket = base.origin.bucket
    assert statuses(empty_store, held_by(base, "a.html", 1)) == ["written"]
    assert statuses(empty_store, held_by(base, "b.html", 2)) == ["written"]
    assert holds(empty_store, "c05") == [("a.html", 1), ("b.html", 2)]
    assert [entry.id for entry in empty_store.find_by_origin(bucket, "a.html")] == ["c05"]

    assert empty_store.delete("c05", 3, bucket, "b.html").status == "kept"
    assert empty_store.get("c05") is not None
    assert empty_store.search(SearchQuery(q="ceasefire")).total == 1
    assert holds(empty_store, "c05") == [("a.html", 1)]
    assert empty_store.find_by_origin(bucket, "b.html") == []

    assert empty_store.delete("c05", 4, bucket, "a.html").status == "written"
    assert empty_store.get("c05") is None
    assert empty_store.holders("c05") == []
    assert empty_store.find_by_origin(bucket, "a.html") == [StoredVersion(id="c05", version=4, deleted=True)]


def test_a_late_event_of_a_twin_still_adds_its_hold(empty_store: ArticleStore) -> None:
    base = BY_ID["c05"]
    bucket = base.origin.bucket
    assert statuses(empty_store, held_by(base, "b.html", 5)) == ["written"]
    assert statuses(empty_store, held_by(base, "a.html", 3)) == ["stale"]  # older, but a.html holds it
    assert holds(empty_store, "c05") == [("a.html", 3), ("b.html", 5)]
    assert empty_store.get("c05").version == 5  # type: ignore[union-attr]

    assert empty_store.delete("c05", 6, bucket, "b.html").status == "kept"
    assert empty_store.get("c05") is not None


def test_an_object_that_does_not_hold_or_holds_since_a_newer_event_cannot_delete(
    empty_store: ArticleStore,
) -> None:
    base = BY_ID["c05"]
    bucket = base.origin.bucket
    statuses(empty_store, held_by(base, "a.html", 5))
    assert empty_store.delete("c05", 9, bucket, "other.html").status == "stale"
    assert empty_store.delete("c05", 4, bucket, "a.html").status == "stale"  # an older event
    assert statuses(empty_store, held_by(base, "a.html", 5)) == ["stale"]  # a repeat changes nothing
    assert holds(empty_store, "c05") == [("a.html", 5)]
    assert empty_store.get("c05") is not None


# --- Batches: one call, in order, one answer per write ---------------------------------------------


def test_a_batch_applies_puts_and_releases_of_the_same_ids_in_order(empty_store: ArticleStore) -> None:
    twin, churned, late = BY_ID["c05"], BY_ID["c06"], BY_ID["c07"]
    bucket = twin.origin.bucket
    batch: list[StoreWrite] = [
        PutArticle(article=held_by(twin, "a.html", 1)),
        PutArticle(article=held_by(twin, "b.html", 2)),  # the same page under a second key
        ReleaseHold(article_id="c05", version=3, bucket=bucket, key="b.html"),  # a still holds it
        PutArticle(article=held_by(churned, "p.html", 4)),
        ReleaseHold(article_id="c06", version=5, bucket=bucket, key="p.html"),  # put, delete, put
        PutArticle(article=held_by(churned, "p.html", 6)),
        PutArticle(article=held_by(late, "q.html", 8)),
        PutArticle(article=held_by(late, "q.html", 7)),  # older than the put before it
        ReleaseHold(article_id="c07", version=7, bucket=bucket, key="q.html"),  # older than its hold
    ]

    results = empty_store.write_batch(batch)

    assert [(result.id, getattr(result, "status", None)) for result in results] == [
        ("c05", "written"),
        ("c05", "written"),
        ("c05", "kept"),
        ("c06", "written"),
        ("c06", "written"),
        ("c06", "written"),
        ("c07", "written"),
        ("c07", "stale"),
        ("c07", "stale"),
    ]
    assert holds(empty_store, "c05") == [("a.html", 1)]
    assert holds(empty_store, "c06") == [("p.html", 6)]
    assert holds(empty_store, "c07") == [("q.html", 8)]
    assert {hit.id for hit in empty_store.search(SearchQuery(size=50)).hits} == {"c05", "c06", "c07"}
    # The tombstone the release left in between still blocks an older put of the churned page.
    assert statuses(empty_store, held_by(churned, "p.html", 5)) == ["stale"]
