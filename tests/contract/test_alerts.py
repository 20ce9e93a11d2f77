"""Saved searches on every engine: an article matches a saved search exactly when that search
finds it; owners see and delete only their own; each (alert, article) pair is claimed once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from contract_corpus import CORPUS
from newsfacet.alerts import Alert, AlertStore, DeliveryRecord, new_alert
from newsfacet.model import Dimension, FacetFilter, SearchQuery
from newsfacet.store import alert_store
from newsfacet.store.base import ArticleStore


@pytest.fixture
def alerts(empty_store: ArticleStore) -> Iterator[AlertStore]:
    saved = alert_store(empty_store)
    yield saved
    destroy = getattr(saved, "destroy", None)
    if destroy is not None:
        destroy()
    saved.close()


def _any(dimension: Dimension, *values: str, match: str = "any") -> dict[Dimension, FacetFilter]:
    return {dimension: FacetFilter(values=list(values), match=match)}  # type: ignore[arg-type]


SEARCHES = [
    SearchQuery(q="ceasefire"),
    SearchQuery(q="ceasefires"),  # stems alike
    SearchQuery(q='"peace talks"'),
    SearchQuery(q="negotiating"),
    SearchQuery(q="vaccine OR inflation"),
    SearchQuery(q="ceasefire -gaza"),
    SearchQuery(q="-ceasefire"),
    SearchQuery(q="sao paulo"),
    SearchQuery(q="António"),
    SearchQuery(q="okafor"),
    SearchQuery(q="the"),  # stop words only: every article
    SearchQuery(q="zyzzyva"),
    SearchQuery(filters=_any(Dimension.ACTOR, "Bashar al-Assad", "António Guterres")),
    SearchQuery(filters=_any(Dimension.LOCATION, "Syria", "Damascus", match="all")),
    SearchQuery(q="ceasefire", filters=_any(Dimension.SOURCE, "Reuters")),
    SearchQuery(filters=_any(Dimension.TOPIC, "election") | _any(Dimension.LANGUAGE, "en")),
    SearchQuery(date_from=date(2024, 2, 1), date_to=date(2024, 2, 29)),
    SearchQuery(q="summit", date_from=date(2024, 3, 1)),
    SearchQuery(),
]


def _found(store: ArticleStore, query: SearchQuery) -> set[str]:
    return {hit.id for hit in store.search(query.model_copy(update={"size": 100})).hits}


def test_an_article_matches_a_saved_search_exactly_when_the_search_finds_it(
    store: ArticleStore, alerts: AlertStore
) -> None:
    saved = [new_alert("reader", query, "log") for query in SEARCHES]
    for alert in saved:
        alerts.save(alert)
    matched: dict[str, set[str]] = {alert.id: set() for alert in saved}
    for start in range(0, len(CORPUS), 5):  # batches, as ingest hands them over
        for alert, article in alerts.match(CORPUS[start : start + 5]):
            matched[alert.id].add(article.id)
    for alert, query in zip(saved, SEARCHES, strict=True):
        assert matched[alert.id] == _found(store, query), query
    assert all(matched[alert.id] for alert in saved if alert.search.q != "zyzzyva")


def test_a_search_saved_after_batches_met_no_saved_search_matches_the_next_batch(
    empty_store: ArticleStore, alerts: AlertStore
) -> None:
    """Where nothing is saved, batches are not matched at all; that must not outlive the first save."""
    assert alerts.match(CORPUS[:5]) == []
    assert alerts.match(CORPUS[5:10]) == []
    every = new_alert("reader", SearchQuery(), "log")
    alerts.save(every)
    assert sorted(article.id for _, article in alerts.match(CORPUS[10:15])) == sorted(
        article.id for article in CORPUS[10:15]
    )
    assert alerts.delete("reader", every.id)
    assert alerts.match(CORPUS[15:20]) == []


def _saved(alerts: AlertStore, owner: str, q: str) -> Alert:
    alert = new_alert(owner, SearchQuery(q=q), "log", now=datetime.now(UTC))
    alerts.save(alert)
    return alert


def test_owners_see_and_delete_only_their_own(alerts: AlertStore) -> None:
    first = _saved(alerts, "alice", "ceasefire")
    second = _saved(alerts, "alice", "vaccine")
    bobs = _saved(alerts, "bob", "ceasefire")
    assert [alert.id for alert in alerts.alerts_of("alice")] == [first.id, second.id]
    assert alerts.alerts_of("bob") == [bobs]
    assert alerts.alerts_of("carol") == []
    assert not alerts.delete("bob", first.id)
    assert alerts.delete("alice", first.id)
    assert not alerts.delete("alice", first.id)
    assert [alert.id for alert in alerts.alerts_of("alice")] == [second.id]
    # A deleted alert matches nothing any more.
    assert {alert.id for alert, _ in alerts.match(CORPUS[:2])} == {bobs.id}


def test_each_pair_is_claimed_once_and_its_outcome_recorded(alerts: AlertStore) -> None:
    alert = _saved(alerts, "alice", "ceasefire")
    assert alerts.claim(alert.id, "c01")
    assert not alerts.claim(alert.id, "c01")
    assert alerts.claim(alert.id, "c02")
    alerts.record(DeliveryRecord(alert_id=alert.id, article_id="c01", status="delivered", attempts=1))
    failed = DeliveryRecord(alert_id=alert.id, article_id="c02", status="failed", attempts=3, detail="503")
    alerts.record(failed)
    assert alerts.deliveries(alert.id) == [
        DeliveryRecord(alert_id=alert.id, article_id="c01", status="delivered", attempts=1),
        failed,
    ]
