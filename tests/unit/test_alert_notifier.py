"""The notifier's rules, on the embedded alert store with senders that fail on purpose."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from newsfacet.alerts import Alert, AlertMessage, AlertNotifier, AlertSender, DeliveryFailed, new_alert
from newsfacet.model import Article, Origin, SearchQuery
from newsfacet.store.base import StoreUnavailable
from newsfacet.store.embedded.alerts import EmbeddedAlertStore, anchor_groups


def _article(number: int, title: str) -> Article:
    return Article(
        id=f"{number:032x}",
        version=1,
        title=title,
        text=f"{title}. More on this story later.",
        lede=title,
        word_count=8,
        content_sha256=f"{number:064x}",
        simhash=f"{number:016x}",
        ingested_at=datetime(2026, 12, 1, tzinfo=UTC),
        origin=Origin(bucket="raw", key=f"{number}.html"),
    )


class FailingFirst(AlertSender):
    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.sent: list[tuple[str, AlertMessage]] = []

    def send(self, target: str, message: AlertMessage) -> None:
        if self.failures:
            self.failures -= 1
            raise DeliveryFailed("503 from the hook")
        self.sent.append((target, message))


def test_a_target_is_retried_with_growing_delays_then_delivered_once() -> None:
    alerts = EmbeddedAlertStore(None)
    alert = new_alert("key:a", SearchQuery(q="floods"), "https://hooks.example/")
    alerts.save(alert)
    waits: list[float] = []
    sender = FailingFirst(failures=2)
    notifier = AlertNotifier(alerts, sender, attempts=3, first_delay=0.5, sleep=waits.append)
    floods = _article(1, "Floods reach Vienna")

    report = notifier.notify([floods, _article(2, "Budget passes")])
    again = notifier.notify([floods])

    assert waits == [0.5, 1.0]
    assert [(target, message.article_id) for target, message in sender.sent] == [(alert.target, floods.id)]
    assert (report.matched, report.delivered, report.failed) == (1, 1, 0)
    assert (again.delivered, again.duplicates) == (0, 1)
    (entry,) = alerts.deliveries(alert.id)
    assert (entry.status, entry.attempts) == ("delivered", 3)


def test_a_target_that_keeps_failing_is_recorded_not_raised() -> None:
    alerts = EmbeddedAlertStore(None)
    alert = new_alert("key:a", SearchQuery(q="floods"), "https://hooks.example/")
    alerts.save(alert)
    report = AlertNotifier(alerts, FailingFirst(failures=99), sleep=lambda _: None).notify(
        [_article(1, "Floods reach Vienna")]
    )
    assert (report.delivered, report.failed) == (0, 1)
    (entry,) = alerts.deliveries(alert.id)
    assert (entry.status, entry.detail) == ("failed", "503 from the hook")


class DownAlerts(EmbeddedAlertStore):
    def match(self, articles: Sequence[Article]) -> list[tuple[Alert, Article]]:
        raise StoreUnavailable("alert index unreachable")


def test_an_unreachable_alert_store_does_not_fail_ingest() -> None:
    report = AlertNotifier(DownAlerts(None), FailingFirst(0)).notify([_article(1, "Floods")])
    assert report.unmatched == 1


def test_anchor_groups_are_what_a_match_requires() -> None:
    from newsfacet.model import Dimension, FacetFilter

    def groups(query: SearchQuery) -> list[list[str]]:
        return anchor_groups(new_alert("o", query, "log").search)

    either = {Dimension.ACTOR: FacetFilter(values=["Ada Lovelace", "Alan Turing"])}
    both = {Dimension.LOCATION: FacetFilter(values=["Vienna", "Linz"], match="all")}
    assert groups(SearchQuery(q="engines", filters=either | both)) == [
        ["f:actor:Ada Lovelace", "f:actor:Alan Turing"],
        ["f:location:Vienna"],
        ["f:location:Linz"],
        ["w:engin"],  # as the full-text index stems it
    ]
    # Every word of a phrase; one of an OR's options (its longest word).
    assert groups(SearchQuery(q='"river danube" flooding OR "storm surge"')) == [
        ["w:danub"],
        ["w:river"],
        ["w:flood", "w:storm"],
    ]
    assert groups(SearchQuery(q="-rumour")) == []
    assert groups(SearchQuery(q="the")) == []  # stop words only: restricts nothing
    assert groups(SearchQuery()) == []
