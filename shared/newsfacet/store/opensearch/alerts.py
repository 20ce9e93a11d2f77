"""Saved searches on OpenSearch: a percolator index beside the articles.

`<alias>-alerts` has the articles' analysis settings and mappings (so a stored query is analysed
as it would be against the articles), plus the `query` percolator field holding each alert's
search, built by the same function as a search's query (`opensearch.query`), and the alert itself.
New articles are percolated as the very documents the store indexes. `<alias>-alert-deliveries`
is the ledger: a pair is claimed by creating the document `<alert id>:<article id>`, which
OpenSearch refuses (409) to every later claim.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Sequence
from typing import Any

from opensearchpy.exceptions import NotFoundError

from newsfacet.alerts import Alert, AlertStore, DeliveryRecord
from newsfacet.model import Article
from newsfacet.query_syntax import parse
from newsfacet.store.base import StoreError
from newsfacet.store.opensearch.admin import _packaged_template
from newsfacet.store.opensearch.documents import article_document
from newsfacet.store.opensearch.query import _matching, _selections
from newsfacet.store.opensearch.store import OpenSearchStore

__all__ = ["OpenSearchAlertStore"]

Body = dict[str, Any]

MAX_MATCHES = 10_000
"""Alerts one percolation returns (OpenSearch's result window)."""

_LEDGER_MAPPINGS: Body = {
    "dynamic": "strict",
    "properties": {
        "alert_id": {"type": "keyword"},
        "article_id": {"type": "keyword"},
        "status": {"type": "keyword"},
        "attempts": {"type": "integer"},
        "detail": {"type": "text", "index": False},
    },
}


def percolator_query(alert: Alert) -> Body:
    """The stored query of `alert`: exactly what a search with its parameters would run."""
    query = alert.search.query()
    return _matching(query, parse(query.q), _selections(query))


class OpenSearchAlertStore(AlertStore):
    def __init__(self, store: OpenSearchStore) -> None:
        self._connection = store._connection
        self.alerts_index = f"{store.alias}-alerts"
        self.ledger_index = f"{store.alias}-alert-deliveries"
        self._ready = False
        self._any_saved = False  # a saved search was seen: from then on, every match percolates

    def _ensure_indices(self) -> None:
        if self._ready:
            return
        template = _packaged_template()["template"]
        mappings = copy.deepcopy(template["mappings"])
        mappings["properties"].update(
            {
                "query": {"type": "percolator"},
                "alert_owner": {"type": "keyword"},
                "alert_created_at": {"type": "date"},
                "alert": {"type": "object", "enabled": False},
            }
        )
        shards = {"number_of_shards": 1, "number_of_replicas": 0, "auto_expand_replicas": "0-1"}
        for index, body in (
            (
                self.alerts_index,
                {"settings": {"index": shards, "analysis": template["settings"]["analysis"]}},
            ),
            (self.ledger_index, {"settings": {"index": shards}}),
        ):
            body["mappings"] = mappings if index == self.alerts_index else _LEDGER_MAPPINGS
            self._create(index, body)
        self._ready = True

    def _create(self, index: str, body: Body) -> None:
        try:
            self._connection.call(lambda client: client.indices.create(index=index, body=body))
        except StoreError as error:
            if "resource_already_exists_exception" not in str(error):
                raise

    def destroy(self) -> None:
        """Remove both indices (tests and teardown only)."""
        with contextlib.suppress(NotFoundError):
            self._connection.call(
                lambda client: client.indices.delete(
                    index=f"{self.alerts_index},{self.ledger_index}", ignore_unavailable=True
                )
            )
        self._ready = False

    # --- saved searches ---------------------------------------------------------------------------

    def save(self, alert: Alert) -> None:
        self.save_many([alert])

    def save_many(self, alerts: Sequence[Alert]) -> None:
        """`save` for many alerts in one bulk request, visible to the next match."""
        self._ensure_indices()
        lines: list[Body] = []
        for alert in alerts:
            lines.append({"index": {"_id": alert.id}})
            lines.append(
                {
                    "query": percolator_query(alert),
                    "alert_owner": alert.owner,
                    "alert_created_at": alert.created_at.isoformat(),
                    "alert": alert.model_dump(mode="json"),
                }
            )
        response = self._connection.call(
            lambda client: client.bulk(index=self.alerts_index, body=lines, refresh="true")
        )
        if response.get("errors"):
            reasons = [item["index"].get("error") for item in response["items"] if "error" in item["index"]]
            raise StoreError(f"OpenSearch refused {len(reasons)} alert(s): {reasons[:3]}")

    def alerts_of(self, owner: str) -> list[Alert]:
        response = self._connection.search(
            {
                "query": {"term": {"alert_owner": owner}},
                "size": MAX_MATCHES,
                "_source": ["alert"],
                "sort": [{"alert_created_at": "asc"}],
            },
            self.alerts_index,
        )
        alerts = [] if response is None else [_alert(hit) for hit in response["hits"]["hits"]]
        return sorted(alerts, key=lambda alert: (alert.created_at, alert.id))

    def delete(self, owner: str, alert_id: str) -> bool:
        try:
            found = self._connection.call(
                lambda client: client.get(index=self.alerts_index, id=alert_id, _source=["alert_owner"])
            )
        except NotFoundError:
            return False
        if not found.get("found") or found["_source"].get("alert_owner") != owner:
            return False
        with contextlib.suppress(NotFoundError):  # deleted by a concurrent call: gone all the same
            self._connection.call(
                lambda client: client.delete(index=self.alerts_index, id=alert_id, refresh="true")
            )
        return True

    # --- matching -------------------------------------------------------------------------------

    def match(self, articles: Sequence[Article]) -> list[tuple[Alert, Article]]:
        if not articles or not self._saved_searches_exist():
            return []
        body = {
            "query": {"percolate": {"field": "query", "documents": [article_document(a) for a in articles]}},
            "size": MAX_MATCHES,
            "_source": ["alert"],
        }
        response = self._connection.search(body, self.alerts_index)
        if response is None:  # no alert was ever saved
            return []
        matches = []
        for hit in response["hits"]["hits"]:
            alert = _alert(hit)
            for slot in hit.get("fields", {}).get("_percolator_document_slot", [0]):
                matches.append((alert, articles[int(slot)]))
        return matches

    def _saved_searches_exist(self) -> bool:
        """Whether any search is saved, asked with a search that counts up to one, until one is
        seen: where nobody saved a search, no batch sends its articles to be percolated (the
        larger request, whose documents the node analyses). Saves and deletes refresh the index,
        so the answer is current. Once one is seen, every batch is percolated (should every search
        be deleted since, the percolation finds nothing: the same answer)."""
        if not self._any_saved:
            response = self._connection.search(
                {"size": 0, "track_total_hits": 1, "terminate_after": 1}, self.alerts_index
            )
            self._any_saved = response is not None and int(response["hits"]["total"]["value"]) > 0
        return self._any_saved

    # --- the ledger -------------------------------------------------------------------------------

    def claim(self, alert_id: str, article_id: str) -> bool:
        self._ensure_indices()
        document = {
            "alert_id": alert_id,
            "article_id": article_id,
            "status": "claimed",
            "attempts": 0,
            "detail": "",
        }
        try:
            self._connection.call(
                lambda client: client.create(
                    index=self.ledger_index, id=f"{alert_id}:{article_id}", body=document
                )
            )
        except StoreError as error:
            if getattr(error.__cause__, "status_code", None) == 409:
                return False
            raise
        return True

    def record(self, entry: DeliveryRecord) -> None:
        self._connection.call(
            lambda client: client.index(
                index=self.ledger_index,
                id=f"{entry.alert_id}:{entry.article_id}",
                body=entry.model_dump(),
            )
        )

    def deliveries(self, alert_id: str) -> list[DeliveryRecord]:
        with contextlib.suppress(NotFoundError):
            self._connection.call(lambda client: client.indices.refresh(index=self.ledger_index))
        response = self._connection.search(
            {
                "query": {
                    "bool": {
                        "filter": [
                            {"term": {"alert_id": alert_id}},
                            {"terms": {"status": ["delivered", "failed"]}},
                        ]
                    }
                },
                "size": MAX_MATCHES,
                "sort": [{"article_id": "asc"}],
            },
            self.ledger_index,
        )
        hits = [] if response is None else response["hits"]["hits"]
        return [DeliveryRecord.model_validate(hit["_source"]) for hit in hits]


def _alert(hit: Body) -> Alert:
    return Alert.model_validate(hit["_source"]["alert"])
