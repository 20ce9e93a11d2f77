"""Local files in, articles in a store out: what `newsfacet ingest PATH...` does.

The same contract as the S3 path (`newsfacet.ingest`), for files on this machine:

- origin: bucket `local`, key = the file's absolute path; version = its mtime in nanoseconds, so
  re-ingesting an unchanged file is `stale` (skipped before parsing) and an edited file replaces the
  article it gave before (even if its canonical URL, hence its id, changed);
- a rejected file is recorded in the rejection log, and buries what the file gave before, like a
  rejected re-upload does on S3;
- a file that cannot be read, or makes the pipeline fail unexpectedly, or cannot be written because
  the store is unavailable, is `failed`: the caller reports it and exits non-zero.

The files are found and read by the object source for local files (`objects.local_files`).
Parsing is the slow part (trafilatura + spaCy), so it is spread over a process pool: each worker
loads the NLP models once, on its first file; the parent process alone talks to the store, writing
articles in batches.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import traceback
from collections import Counter
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from newsfacet.config import Settings
from newsfacet.ingest import ArticleBuilder, bury_origin, reconcile_origin
from newsfacet.model import Article, Origin, Rejection, RejectionReason
from newsfacet.objects.base import ObjectGone, SourceUnavailable
from newsfacet.objects.local_files import LOCAL_BUCKET, LocalFiles, discover
from newsfacet.rejections import RejectionLog, RejectionLogUnavailable, RejectionRecord
from newsfacet.store.base import ArticleStore, DocumentRejected, StoreUnavailable
from newsfacet.stories import StoryAssigner

DEFAULT_BATCH_SIZE = 50
"""Articles per store write: large enough to amortise a commit or a bulk request, small enough
that a store outage loses little progress."""


FileStatus = Literal["indexed", "stale", "rejected", "failed"]


class FileOutcome(BaseModel):
    """What ingesting one file did. `reason` is set for `rejected`, `detail` for rejected/failed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    status: FileStatus
    article_id: str | None = None
    reason: RejectionReason | None = None
    detail: str | None = None


class IngestReport(BaseModel):
    """Every file's outcome, and the counts a summary shows."""

    model_config = ConfigDict(extra="forbid")

    outcomes: list[FileOutcome] = []
    interrupted: bool = False  # stopped by Ctrl-C: files not reached are not in `outcomes`

    def count(self, status: FileStatus) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    def rejected_by_reason(self) -> dict[RejectionReason, int]:
        reasons = Counter(outcome.reason for outcome in self.outcomes if outcome.reason is not None)
        return dict(reasons.most_common())

    @property
    def failed(self) -> bool:
        return self.count("failed") > 0


# --- Building articles (in worker processes) ----------------------------------------------------


class _Task(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: str
    version: int

    def origin(self) -> Origin:
        return Origin(bucket=LOCAL_BUCKET, key=self.path)


class _Failure(BaseModel):
    """A file the pipeline could not handle: unreadable, or an unexpected error (a bug)."""

    model_config = ConfigDict(frozen=True)

    detail: str


_BuildResult = Article | Rejection | _Failure

_worker_settings: Settings | None = None


def _init_worker(settings_json: str) -> None:
    global _worker_settings  # noqa: PLW0603 - one Settings per worker process, set once at start
    _worker_settings = Settings.model_validate_json(settings_json)
    # Ctrl-C reaches the whole process group: the parent handles it; a worker finishes its file.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _build_in_worker(task: _Task) -> _BuildResult:
    assert _worker_settings is not None, "worker started without _init_worker"
    return _build(task, _worker_settings, _pipeline())


def _pipeline() -> ArticleBuilder:
    from newsfacet.pipeline import build_article  # heavy: loaded by the process that parses  # noqa: PLC0415

    return build_article


def _build(task: _Task, settings: Settings, build: ArticleBuilder) -> _BuildResult:
    try:
        # One byte past the limit lets the pipeline tell "too large" without reading it all.
        raw = LocalFiles().read(LOCAL_BUCKET, task.path, None, settings.max_upload_bytes + 1)
    except (ObjectGone, SourceUnavailable) as error:
        return _Failure(detail=f"cannot read: {error}")
    try:
        return build(raw, task.origin(), task.version, settings, now=datetime.now(UTC))
    except Exception as error:  # a pipeline bug must not stop the other files; it is reported
        last = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(last.filename).name}:{last.lineno}"
        return _Failure(detail=f"pipeline error {type(error).__name__} at {where}: {error}")


# --- The run -------------------------------------------------------------------------------------


def ingest_files(
    paths: Sequence[Path],
    store: ArticleStore,
    settings: Settings,
    *,
    rejections: RejectionLog | None = None,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_outcome: Callable[[FileOutcome], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    build: ArticleBuilder | None = None,
) -> IngestReport:
    """Ingest `paths` (see `discover`) into `store`; never raises for one file's trouble.

    `workers`: processes that parse (default: the CPU cores this process may use); with one worker
    or one file to parse, parsing happens in this process. `build` replaces the pipeline (it then
    runs in this process). `on_start` receives the number of files, `on_outcome` each file's outcome
    as it is known (for a progress bar). Raises `NoSuchPath` before doing anything if a path is
    missing.
    """
    files = discover(paths)
    if on_start is not None:
        on_start(len(files))
    report = IngestReport()

    def settle(outcome: FileOutcome) -> None:
        report.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    tasks: list[_Task] = []
    for path in files:
        task = _Task(path=str(path), version=path.stat().st_mtime_ns)
        try:
            known = store.find_by_origin(LOCAL_BUCKET, task.path)
        except StoreUnavailable as error:
            settle(FileOutcome(path=task.path, status="failed", detail=f"store unavailable: {error}"))
            continue
        if any(entry.version >= task.version for entry in known):
            settle(FileOutcome(path=task.path, status="stale"))
        else:
            tasks.append(task)

    writer = _BatchWriter(store, rejections, batch_size, settle)
    try:
        with closing(_build_all(tasks, settings, workers, build)) as results:
            for task, result in results:
                writer.add(task, result)
    except KeyboardInterrupt:
        # Ctrl-C: what was parsed is still written below; the files not reached are simply not
        # in the report, and the next run picks them up (they are not stale).
        report.interrupted = True
    writer.flush()
    return report


def _build_all(
    tasks: list[_Task], settings: Settings, workers: int | None, build: ArticleBuilder | None
) -> Generator[tuple[_Task, _BuildResult], None, None]:
    """Each task with its result, in completion order."""
    processes = min(workers or _usable_cores(), len(tasks))
    if build is not None or processes <= 1:
        builder = build or _pipeline()
        for task in tasks:
            yield task, _build(task, settings, builder)
        return
    # spawn, not fork: the parent may hold store connections and threads that a fork would copy.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=processes,
        mp_context=context,
        initializer=_init_worker,
        initargs=(settings.model_dump_json(),),
    )
    try:
        futures: dict[Future[_BuildResult], _Task] = {
            pool.submit(_build_in_worker, task): task for task in tasks
        }
        for future in as_completed(futures):
            task = futures[future]
            try:
                yield task, future.result()
            except Exception as error:  # the worker process died (killed, out of memory)
                yield task, _Failure(detail=f"worker failed: {type(error).__name__}: {error}")
    finally:
        # Normally everything is done; after Ctrl-C, files not started yet are dropped at once.
        pool.shutdown(wait=False, cancel_futures=True)


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class _BatchWriter:
    """Collects articles and writes them `batch_size` at a time; applies rejections right away."""

    def __init__(
        self,
        store: ArticleStore,
        rejections: RejectionLog | None,
        batch_size: int,
        settle: Callable[[FileOutcome], None],
    ) -> None:
        self._store = store
        self._rejections = rejections
        self._batch_size = max(1, batch_size)
        self._settle = settle
        self._pending: list[tuple[_Task, Article]] = []
        self._stories = StoryAssigner(store)

    def add(self, task: _Task, result: _BuildResult) -> None:
        if isinstance(result, _Failure):
            self._settle(FileOutcome(path=task.path, status="failed", detail=result.detail))
        elif isinstance(result, Rejection):
            self._reject(task, result)
        else:
            try:
                placed = self._stories.assign(result)
            except StoreUnavailable as error:
                detail = f"store unavailable: {error}"
                self._settle(FileOutcome(path=task.path, status="failed", detail=detail))
                return
            self._pending.append((task, placed))
            if len(self._pending) >= self._batch_size:
                self.flush()

    def flush(self) -> None:
        batch, self._pending = self._pending, []
        if not batch:
            return
        refused: dict[str, str] = {}
        try:
            written = self._store.upsert([article for _, article in batch])
        except StoreUnavailable as error:
            for task, _ in batch:
                self._settle(
                    FileOutcome(path=task.path, status="failed", detail=f"store unavailable: {error}")
                )
            return
        except DocumentRejected as error:  # the others were written; these never will be
            written, refused = error.outcomes, error.failures
        outcomes = iter(written)  # one per article the store did not refuse, in batch order
        for task, article in batch:
            if article.id in refused:
                detail = refused[article.id]
                self._reject(task, Rejection(reason=RejectionReason.INDEX_REFUSED, detail=detail))
                continue
            status: FileStatus = "indexed" if next(outcomes).status == "written" else "stale"
            try:
                reconcile_origin(self._store, LOCAL_BUCKET, task.path)
                if self._rejections is not None:  # the file holds an article now
                    self._rejections.forget(LOCAL_BUCKET, task.path, task.version)
            except (StoreUnavailable, RejectionLogUnavailable) as error:
                self._settle(
                    FileOutcome(path=task.path, status="failed", detail=f"store unavailable: {error}")
                )
                continue
            self._settle(FileOutcome(path=task.path, status=status, article_id=article.id))

    def _reject(self, task: _Task, rejection: Rejection) -> None:
        try:
            if self._rejections is not None:
                self._rejections.record(
                    RejectionRecord.of(rejection, LOCAL_BUCKET, task.path, task.version, datetime.now(UTC))
                )
            # The file no longer holds an article: bury what it gave before.
            bury_origin(self._store, LOCAL_BUCKET, task.path, task.version)
        except (StoreUnavailable, RejectionLogUnavailable) as error:
            self._settle(
                FileOutcome(path=task.path, status="failed", detail=f"cannot record rejection: {error}")
            )
            return
        self._settle(
            FileOutcome(path=task.path, status="rejected", reason=rejection.reason, detail=rejection.detail)
        )
