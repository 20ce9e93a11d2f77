"""Administration of the index layout: the template, the alias -> `<alias>-v<N>` indices, their
creation on the first write, reindexing with an alias swap, and teardown (see the package's
docstring, "Layout")."""

from __future__ import annotations

import contextlib
import copy
import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from opensearchpy.exceptions import NotFoundError
from pydantic import ValidationError

from newsfacet.ids import current_id
from newsfacet.model import WriteOutcome
from newsfacet.store.base import StoreError, StoreUnavailable
from newsfacet.store.holders import with_holder
from newsfacet.store.opensearch import documents
from newsfacet.store.opensearch import query as bodies
from newsfacet.store.opensearch.bulk import BulkWriter, Write, held_state
from newsfacet.store.opensearch.connection import Connection, Document

TEMPLATE_RESOURCE = "index_template.json"
_INDEX_VERSION = re.compile(r"-v(\d+)$")
_WRITE_INDEX = {"is_write_index": True}  # explicit, so that a rollover keeps the older indices


@dataclass(frozen=True)
class ReindexReport:
    """What `OpenSearchStore.reindex` did."""

    alias: str
    source: str | None  # the index the alias pointed to before, None if there was none
    target: str  # the index it points to now
    copied: int  # documents written to the target (live and tombstones), in the first pass
    caught_up: int = 0  # documents that reached the old index during the copy, carried over after


@functools.cache
def _packaged_template() -> Document:
    text = resources.files(__package__).joinpath(TEMPLATE_RESOURCE).read_text(encoding="utf-8")
    template: Document = json.loads(text)
    return template


def index_template(alias: str) -> Document:
    """The packaged index template, applied to `<alias>-v*`."""
    template = copy.deepcopy(_packaged_template())
    template["index_patterns"] = [f"{alias}-v*"]
    return template


class IndexAdmin:
    """The indices behind one alias (or, on Serverless, the one index named like it)."""

    def __init__(self, connection: Connection, writer: BulkWriter) -> None:
        self._connection = connection
        self._writer = writer
        self._alias = connection.alias
        self._index_ready = False

    def _call(self, action: Any) -> Any:
        return self._connection.call(action)

    def ensure_index(self) -> None:
        """Create the template and `<alias>-v1`, the alias's write index, unless the alias exists.
        Idempotent and safe when several processes race (the loser's create fails harmlessly).
        The alias comes last, once the index's shard has started: created with its index, it sent
        other processes' searches to a shard not yet started, which failed them (503)."""
        if self._index_ready:
            return
        if self._connection.serverless:
            self._ensure_serverless_index()
        elif not self._call(lambda client: client.indices.exists_alias(name=self._alias)):
            self._put_template()
            index = f"{self._alias}-v1"
            self._create_ignoring_race(index, {})
            self._wait_until_started(index)  # another process's create may still be under way
            self._call(
                lambda client: client.indices.put_alias(index=index, name=self._alias, body=_WRITE_INDEX)
            )
        self._index_ready = True

    def _wait_until_started(self, index: str) -> None:
        health = self._call(
            # `request_timeout` is the client's; `timeout`, then, the node's wait
            lambda client: client.cluster.health(
                index=index, wait_for_status="yellow", timeout="30s", request_timeout=40
            )
        )
        if health.get("timed_out"):
            raise StoreUnavailable(f"the shard of {index} did not start within 30 s")

    def _ensure_serverless_index(self) -> None:
        """Serverless has no aliases: create the index `<alias>` itself, from the template's
        mappings and analysis settings, unless it exists."""
        if self._call(lambda client: client.indices.exists(index=self._alias)):
            return
        template = index_template(self._alias)["template"]
        body = {
            "mappings": template["mappings"],
            "settings": {"analysis": template["settings"]["analysis"]},
        }
        self._create_ignoring_race(self._alias, body)

    def _create_ignoring_race(self, index: str, body: Document) -> None:
        try:
            self._call(lambda client: client.indices.create(index=index, body=body))
        except StoreError as error:
            if "resource_already_exists_exception" not in str(error):
                raise

    def _put_template(self) -> None:
        self._call(
            lambda client: client.indices.put_index_template(
                name=self._alias, body=index_template(self._alias)
            )
        )

    def _alias_indices(self) -> list[str]:
        return self._connection.alias_indices()

    def _versioned_indices(self) -> list[str]:
        """Every `<alias>-v<N>` index, whether or not the alias points to it."""
        found = self._call(
            lambda client: client.indices.get(index=f"{self._alias}-v*", allow_no_indices=True)
        )
        return sorted(name for name in found if _INDEX_VERSION.search(name))

    def destroy(self) -> None:
        """Remove the indices, the alias and the template (tests and teardown only)."""
        self._index_ready = False
        if self._connection.serverless:
            with contextlib.suppress(NotFoundError):
                self._call(lambda client: client.indices.delete(index=self._alias))
            return
        indices = self._versioned_indices()
        if indices:
            self._call(lambda client: client.indices.delete(index=",".join(indices)))
        with contextlib.suppress(NotFoundError):
            self._call(lambda client: client.indices.delete_index_template(name=self._alias))

    def reindex(self, *, delete_old: bool = False, batch_size: int = 500) -> ReindexReport:
        """Move the alias to a new index built from the current template, with no downtime.

        1. Put the current template; create `<alias>-v<N+1>` (N: the highest existing version).
        2. Copy every document (articles re-derived from the stored `Article`, so new derived
           fields get filled; tombstones as they are) with its external version; refresh.
        3. Swap the alias in one atomic `_aliases` call: searches see the old index, then the new.
        4. Copy again: writes that reached the old index during step 2 are carried over; the ones
           already there come back `stale` (external versions make this idempotent).
        5. Optionally delete the old index (kept by default, for a rollback by alias swap).

        Serverless has neither aliases nor external versions: `StoreError` there.
        """
        if self._connection.serverless:
            raise StoreError(
                "reindex is not available on OpenSearch Serverless (no aliases to swap, no external "
                "versions): create a new collection or index and ingest the bucket again"
            )
        alias = self._alias
        self._put_template()
        sources = self._alias_indices()
        existing = self._versioned_indices()
        number = max((int(m.group(1)) for name in existing if (m := _INDEX_VERSION.search(name))), default=0)
        target = f"{alias}-v{number + 1}"
        if not sources:
            # Nothing to copy: this is the first index (as the first write would create it).
            self._call(
                lambda client: client.indices.create(index=target, body={"aliases": {alias: _WRITE_INDEX}})
            )
            self._index_ready = True
            return ReindexReport(alias=alias, source=None, target=target, copied=0)
        if len(sources) != 1:
            raise StoreError(
                f"alias {alias!r} points to {sources}: reindex one index at a time behind an alias"
                " of several (docs/SCALING.md), or roll over instead"
            )
        source = sources[0]
        self._call(lambda client: client.indices.create(index=target))
        copied = self._copy(source, target, batch_size)
        self._call(lambda client: client.indices.refresh(index=target))
        swap = [
            {"remove": {"index": source, "alias": alias}},
            {"add": {"index": target, "alias": alias, **_WRITE_INDEX}},
        ]
        self._call(lambda client: client.indices.update_aliases(body={"actions": swap}))
        caught_up = self._copy(source, target, batch_size)
        self._call(lambda client: client.indices.refresh(index=target))
        if delete_old:
            self._call(lambda client: client.indices.delete(index=source))
        return ReindexReport(alias=alias, source=source, target=target, copied=copied, caught_up=caught_up)

    def rollover(self, *, max_docs: int | None = None, max_size: str | None = None) -> str | None:
        """Start a new write index `<alias>-v<N+1>` (with the current template) if the write index
        holds `max_docs` documents or `max_size` (e.g. "40gb") of primary store, or unconditionally
        if neither is given; return it, or None if no condition held. The older indices stay behind
        the alias: searches span them all, and a new version of an article they hold is written where
        it is (`BulkWriter`). Serverless has no aliases: `StoreError` there."""
        if self._connection.serverless:
            raise StoreError("rollover needs aliases, which OpenSearch Serverless does not have")
        self.ensure_index()
        self._put_template()
        alias = self._alias
        indices = self._alias_indices()
        if len(indices) == 1:
            # Without an explicit write index, a rollover would take the alias off the old index.
            # PUT /<index>/_alias/<alias>, not POST /_aliases: a path IAM can scope to our indices.
            self._call(
                lambda client: client.indices.put_alias(index=indices[0], name=alias, body=_WRITE_INDEX)
            )
        existing = self._versioned_indices()
        number = max(int(m.group(1)) for name in existing if (m := _INDEX_VERSION.search(name)))
        target = f"{alias}-v{number + 1}"
        limits = {"max_docs": max_docs, "max_size": max_size}
        conditions = {name: value for name, value in limits.items() if value is not None}
        body = {"conditions": conditions} if conditions else None
        response = self._call(
            lambda client: client.indices.rollover(alias=alias, new_index=target, body=body)
        )
        return target if response.get("rolled_over") else None

    def _copy(self, source: str, target: str, batch_size: int) -> int:
        """Copy every document of `source` into `target`; return how many `target` did not hold yet
        (the others it holds at the same or a newer version come back `stale`)."""
        written = 0
        for batch in self.scan(source, batch_size):
            writes = self._with_renamed_merged(target, [_rederived(hit) for hit in batch], batch)
            results = self._writer.write(writes, index=target, refresh="false")
            written += sum(
                isinstance(result, WriteOutcome) and result.status == "written" for result in results
            )
        return written

    def _with_renamed_merged(self, target: str, writes: list[Write], batch: list[Document]) -> list[Write]:
        """`writes`, where the articles moved to a new id (`_rederived`) are merged with what `target`
        or this batch already holds under that id: one document held by every object that held
        any of them, at the newest version among them."""
        renamed = {
            write.article_id
            for write, hit in zip(writes, batch, strict=True)
            if write.article_id != hit["_id"]
        }
        if not renamed:
            return writes
        found = self._call(lambda client: client.mget(index=target, body={"ids": sorted(renamed)}))
        held = {doc["_id"]: doc["_source"] for doc in found.get("docs", []) if doc.get("found")}
        merged: dict[str, tuple[int, Document]] = {
            article_id: (int(doc["version"]), doc)
            for article_id, doc in held.items()
            if not doc.get("deleted")
        }
        kept = [write for write in writes if write.article_id not in renamed]
        for write in writes:
            if write.article_id not in renamed:
                continue
            document: Document = json.loads(write.document)
            version = write.version
            if write.article_id in merged:
                held_version, held_document = merged[write.article_id]
                holders = held_state(held_document)[1]
                for holder in held_state(document)[1]:
                    holders = with_holder(holders, holder) or holders
                base, version = (
                    (document, version) if version > held_version else (held_document, held_version)
                )
                document = {**base, **documents.holder_fields(holders)}
            merged[write.article_id] = (version, document)
        for article_id in sorted(renamed):
            version, document = merged[article_id]
            before = held.get(article_id)
            if (
                before is not None
                and int(before["version"]) == version
                and before.get("holders") == document.get("holders")
            ):
                continue  # already there as it would be written (the pass after the swap)
            kept.append(Write(article_id, version, json.dumps(document, ensure_ascii=False), "external_gte"))
        return kept

    def scan(self, index: str, batch_size: int, *, live_only: bool = False) -> Iterator[list[Document]]:
        """Every document of `index` (or only the live ones, with just what says who holds them), in
        pages, by `search_after` on `id` (no scroll context)."""
        after: list[Any] | None = None
        while True:
            body: Document = {"query": {"match_all": {}}, "size": batch_size, "sort": [{"id": "asc"}]}
            if live_only:
                body["query"] = bodies.LIVE
                body["_source"] = {"includes": ["version", "deleted", "holders", "origin"]}
            if after is not None:
                body["search_after"] = after
            response = self._connection.search(body, index=index)
            hits = [] if response is None else response["hits"]["hits"]
            if not hits:
                return
            yield hits
            after = hits[-1]["sort"]


def _rederived(hit: Document) -> Write:
    """One stored document, to copy into a new index: an article under the id of the current scheme
    (`ids.current_id`: one stored under its key's id moves to its content's id)."""
    source: Document = hit["_source"]
    version = int(source["version"])
    if source.get("deleted"):
        return Write(hit["_id"], version, json.dumps(source, ensure_ascii=False))
    try:
        article = documents.article_from_source(source)
        holders = held_state(source)[1]
        moved = current_id(article.id, article.text, [(held.bucket, held.key) for held in holders])
        if moved != article.id:
            story = moved if article.story == article.id else article.story
            article = article.model_copy(update={"id": moved, "story": story})
        return Write(article.id, version, documents.article_source(article, holders))
    except ValidationError:
        # not an Article any more: copy it as it is
        return Write(hit["_id"], version, json.dumps(source, ensure_ascii=False))
