"""Saved searches and alerts: each newly indexed article, matched against every stored search, is
delivered once to each search it matches.

- `AlertStore` (the port; an adapter per engine, see `newsfacet.store.alert_store`) keeps
  the saved searches, matches new articles against all of them (OpenSearch: a percolator index;
  the embedded store: an index of each search's required words and facet values, then the store's
  own query on the candidates), and keeps the ledger that makes each delivery happen once.
- `AlertSender` delivers one message to one target (`newsfacet.alerts.delivery`: SNS, a webhook,
  the log).
- `AlertNotifier` ties them for ingest: match, claim each (alert, article) pair in the ledger, send
  with retries and backoff, record what failed. Nothing it does raises into ingest: an alert
  that cannot be matched or delivered is logged and recorded, and the article is indexed anyway.

A caller owns its alerts (`owner`, from the API's caller identity): it lists and deletes only those.
"""

from __future__ import annotations

import logging
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from pydantic import Field

from newsfacet.model import ARTICLE_ID_PATTERN, Article, Dimension, FacetFilter, Model, SearchQuery
from newsfacet.store.base import StoreError

if TYPE_CHECKING:
    from aws_lambda_powertools import Logger as PowertoolsLogger

__all__ = [
    "ALERT_ID_PATTERN",
    "MAX_TARGET_CHARS",
    "Alert",
    "AlertMessage",
    "AlertNotifier",
    "AlertSender",
    "AlertStore",
    "DeliveryFailed",
    "DeliveryRecord",
    "NotifyReport",
    "SavedSearch",
    "new_alert",
    "target_problem",
]

ALERT_ID_PATTERN = ARTICLE_ID_PATTERN
"""An alert id: 32 lower-case hex digits, like an article id."""

MAX_TARGET_CHARS = 2048


class SavedSearch(Model):
    """What an alert watches: the filtering part of a `SearchQuery` (no paging, sorting, facets)."""

    q: str = ""
    filters: dict[Dimension, FacetFilter] = Field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None

    def query(self) -> SearchQuery:
        return SearchQuery(q=self.q, filters=self.filters, date_from=self.date_from, date_to=self.date_to)

    @classmethod
    def of(cls, query: SearchQuery) -> SavedSearch:
        return cls(
            q=query.q,
            filters={dimension: chosen for dimension, chosen in query.filters.items() if chosen.values},
            date_from=query.date_from,
            date_to=query.date_to,
        )


class Alert(Model):
    """A saved search of one caller, and where its matches go: `log`, `sns` (the deployment's topic)
    or a webhook URL (http or https; an HTTP POST of the `AlertMessage` as JSON)."""

    id: str = Field(pattern=ALERT_ID_PATTERN)
    owner: str = Field(min_length=1)
    search: SavedSearch
    target: str
    created_at: datetime


class AlertMessage(Model):
    """What a target receives for one article matching one alert."""

    alert_id: str
    owner: str
    search: SavedSearch
    article_id: str
    title: str
    url: str | None
    source: str | None
    published_at: datetime | None
    lede: str

    @classmethod
    def of(cls, alert: Alert, article: Article) -> AlertMessage:
        return cls(
            alert_id=alert.id,
            owner=alert.owner,
            search=alert.search,
            article_id=article.id,
            title=article.title,
            url=article.url,
            source=article.source,
            published_at=article.published_at,
            lede=article.lede,
        )


DeliveryStatus = Literal["delivered", "failed"]


class DeliveryRecord(Model):
    """The ledger's line for one (alert, article) pair."""

    alert_id: str
    article_id: str
    status: DeliveryStatus
    attempts: int = Field(ge=1)
    detail: str = ""


class DeliveryFailed(Exception):  # noqa: N818 - reads as what happened, like ObjectGone
    """One attempt to deliver a message failed (the target refused it or could not be reached)."""


def target_problem(target: str, *, topic: bool, webhooks: bool) -> str | None:
    """Why `target` is not a valid alert target here, or None. `topic`: an SNS topic is configured;
    `webhooks`: this deployment sends to URLs."""
    if target == "log":
        return None
    if target == "sns":
        return None if topic else "no SNS topic is configured here; use a webhook URL or log"
    if len(target) > MAX_TARGET_CHARS:
        return f"longer than {MAX_TARGET_CHARS} characters"
    parts = urlsplit(target)
    if parts.scheme in ("http", "https") and parts.hostname:
        return None if webhooks else "webhooks are off on this deployment; use sns"
    return "not log, sns or an http(s) URL"


def new_alert(owner: str, query: SearchQuery, target: str, now: datetime | None = None) -> Alert:
    return Alert(
        id=uuid.uuid4().hex,
        owner=owner,
        search=SavedSearch.of(query),
        target=target,
        created_at=now or datetime.now(UTC),
    )


class AlertStore(ABC):
    """Keeps saved searches, matches articles against all of them, and the delivery ledger."""

    @abstractmethod
    def save(self, alert: Alert) -> None:
        """Store `alert`; it matches every article indexed after this returns."""

    @abstractmethod
    def alerts_of(self, owner: str) -> list[Alert]:
        """The owner's alerts, oldest first."""

    @abstractmethod
    def delete(self, owner: str, alert_id: str) -> bool:
        """Delete the owner's alert; False if it has none with this id (another's counts as none)."""

    @abstractmethod
    def match(self, articles: Sequence[Article]) -> list[tuple[Alert, Article]]:
        """Every (alert, article) pair where searching with the alert would find the article."""

    @abstractmethod
    def claim(self, alert_id: str, article_id: str) -> bool:
        """Take the right to deliver this pair: True once, False ever after (atomic)."""

    @abstractmethod
    def record(self, entry: DeliveryRecord) -> None:
        """Write the outcome of a claimed pair in the ledger."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""


class AlertSender(ABC):
    @abstractmethod
    def send(self, target: str, message: AlertMessage) -> None:
        """Deliver `message` to `target` once; raise `DeliveryFailed` if it did not arrive."""


class NotifyReport(Model):
    """What one `notify` did, counted in (alert, article) pairs (`unmatched`: in articles)."""

    matched: int = 0
    delivered: int = 0
    failed: int = 0
    duplicates: int = 0  # pairs delivered before (a redelivered event, a new version)
    unmatched: int = 0  # articles not matched because the alert store was unavailable


class AlertNotifier:
    """Matches new articles and delivers each match once; never raises into ingest."""

    def __init__(
        self,
        alerts: AlertStore,
        sender: AlertSender,
        *,
        attempts: int = 3,
        first_delay: float = 0.2,
        sleep: Callable[[float], None] = time.sleep,
        log: logging.Logger | PowertoolsLogger | None = None,
    ) -> None:
        self._alerts = alerts
        self._sender = sender
        self._attempts = attempts
        self._first_delay = first_delay
        self._sleep = sleep
        self._log = log or logging.getLogger(__name__)

    def notify(self, articles: Sequence[Article]) -> NotifyReport:
        if not articles:
            return NotifyReport()
        try:
            matches = self._alerts.match(articles)
        except StoreError as error:
            self._log.warning("alerts not matched: %s", error)
            return NotifyReport(unmatched=len(articles))
        delivered = failed = duplicates = 0
        for alert, article in matches:
            try:
                claimed = self._alerts.claim(alert.id, article.id)
            except StoreError as error:
                self._log.warning("alert %s not claimed for %s: %s", alert.id, article.id, error)
                failed += 1
                continue
            if not claimed:
                duplicates += 1
                continue
            entry = self._deliver(alert, article)
            try:
                self._alerts.record(entry)
            except StoreError as error:
                self._log.warning("delivery of alert %s not recorded: %s", alert.id, error)
            if entry.status == "delivered":
                delivered += 1
            else:
                failed += 1
                self._log.warning(
                    "alert %s: %s not delivered to %s: %s", alert.id, article.id, alert.target, entry.detail
                )
        report = NotifyReport(matched=len(matches), delivered=delivered, failed=failed, duplicates=duplicates)
        if matches:
            self._log.info("alerts matched: %s", report.model_dump_json())
        return report

    def _deliver(self, alert: Alert, article: Article) -> DeliveryRecord:
        message = AlertMessage.of(alert, article)
        detail = ""
        for attempt in range(1, self._attempts + 1):
            try:
                self._sender.send(alert.target, message)
            except DeliveryFailed as error:
                detail = str(error)
                if attempt < self._attempts:
                    self._sleep(self._first_delay * 2 ** (attempt - 1))
                continue
            return DeliveryRecord(
                alert_id=alert.id, article_id=article.id, status="delivered", attempts=attempt
            )
        return DeliveryRecord(
            alert_id=alert.id, article_id=article.id, status="failed", attempts=self._attempts, detail=detail
        )
