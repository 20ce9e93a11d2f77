"""The fault matrix at the issue's full sizes, on both engines; writes the "Fault matrix" section of
docs/BENCHMARKS.md with what each scenario lost.

The scenarios are those CI runs at reduced sizes (`tests/integration/fault_matrix.py`): poison
inputs, churn, a burst, a store outage and its recovery run through the ingest harness (moto S3,
SQS and DynamoDB in process, the real handler) against a fresh embedded store and a fresh index on
a local OpenSearch node; the stack killed mid-batch runs the whole local stack (`newsfacet local`),
stopped at once after its uploads and started again on the same state. On OpenSearch the outage is
also real: a node of its own, behind a relay on a fixed port, is killed (SIGKILL) as a batch's
writes go out, and started again on its data. Each ends with a reconcile.

"Lost" counts uploads neither indexed nor rejected (what the final reconcile found missing), articles
expected but not searchable, expected rejections not recorded, and holds left without an object.

    python bench/fault_matrix.py [--reduced]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]

from moto import mock_aws  # noqa: E402
from newsfacet.config import Settings  # noqa: E402
from newsfacet.localrun.run import StackOptions  # noqa: E402
from newsfacet.store.base import ArticleStore  # noqa: E402
from relay import Relay  # noqa: E402
from report import load_average, machine, write_section  # noqa: E402

from infrastructure.opensearch.node import LocalNode  # noqa: E402
from tests.integration import fault_matrix  # noqa: E402
from tests.integration.ingest_world import REGION, IngestWorld  # noqa: E402

START, END = "<!-- fault-matrix:start -->", "<!-- fault-matrix:end -->"
ENGINES = ("embedded", "OpenSearch")


@dataclass(frozen=True)
class Sizes:
    poison_copies: int = 10  # of each of 5 poison kinds, and as many good pages
    churn_rounds: int = 30  # 11 S3 calls each, every notification delivered twice
    burst: int = 300
    outage_before: int = 100
    outage_during: int = 50
    killed: int = 150


@dataclass(frozen=True)
class Row:
    scenario: str
    engine: str
    uploads: str
    searchable: str
    rejected: str
    missing: int
    orphaned: int
    lost: int
    seconds: float

    def markdown(self) -> str:
        cells = [self.scenario, self.engine, self.uploads, self.searchable, self.rejected]
        cells += [str(self.missing), str(self.orphaned), f"**{self.lost}**", f"{self.seconds:.0f}"]
        return "| " + " | ".join(cells) + " |"


class PrintedOutput:
    """What the harness needs of pytest's capsys, over a buffer that stdout is redirected to."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()

    def readouterr(self) -> SimpleNamespace:
        out = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return SimpleNamespace(out=out)


@contextlib.contextmanager
def harness(store: ArticleStore) -> Iterator[IngestWorld]:
    """A fresh moto account wired as in template.yaml, the handler on `store`, its output kept quiet."""
    variables = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "POWERTOOLS_TRACE_DISABLED": "1",
    }
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    printed = PrintedOutput()
    try:
        with mock_aws(), contextlib.redirect_stdout(printed.buffer):
            world = IngestWorld(store, printed)
            world.deliver()  # the s3:TestEvent S3 sent when the notification was configured
            yield world
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def share(found: AbstractSet[str], expected: AbstractSet[str]) -> str:
    return f"{len(found & expected)} / {len(expected)}"


def harness_row(name: str, engine: str, found: fault_matrix.Outcome, seconds: float, uploads: str) -> Row:
    return Row(
        scenario=name,
        engine=engine,
        uploads=uploads,
        searchable=share(found.found_titles, found.expected_titles),
        rejected=share(found.found_rejections, found.expected_rejections),
        missing=found.report.lost,
        orphaned=len(found.report.orphaned),
        lost=found.lost,
        seconds=seconds,
    )


def run_harness_scenarios(engine: str, open_store: Callable[[], ArticleStore], sizes: Sizes) -> list[Row]:
    """Each scenario on a fresh store: (name, scenario -> (outcome, what was uploaded))."""

    def burst(world: IngestWorld) -> tuple[fault_matrix.Outcome, str]:
        found, put_seconds = fault_matrix.burst(world, sizes.burst)
        return found, f"{sizes.burst} puts in {put_seconds:.1f} s"

    scenarios: list[tuple[str, Callable[[IngestWorld], tuple[fault_matrix.Outcome, str]]]] = [
        (
            "poison inputs",
            lambda world: (
                fault_matrix.poison_inputs(world, sizes.poison_copies),
                f"{5 * sizes.poison_copies} poison + {sizes.poison_copies} good",
            ),
        ),
        (
            "churn",
            lambda world: (
                fault_matrix.churn(world, sizes.churn_rounds),
                f"{11 * sizes.churn_rounds} S3 calls, every notification twice",
            ),
        ),
        ("burst", burst),
        (
            "outage and recovery",
            lambda world: (
                fault_matrix.outage_and_recovery(world, sizes.outage_before, sizes.outage_during)[0],
                f"{sizes.outage_before} + {sizes.outage_during} while down",
            ),
        ),
    ]
    rows = []
    for name, scenario in scenarios:
        store = open_store()
        started = time.perf_counter()
        try:
            with harness(store) as world:
                found, uploads = scenario(world)
        finally:
            destroy = getattr(store, "destroy", None)
            if destroy is not None:
                destroy()
            store.close()
        rows.append(harness_row(name, engine, found, time.perf_counter() - started, uploads))
        print(rows[-1].markdown(), flush=True)
    return rows


def run_node_killed(sizes: Sizes) -> Row:
    """`outage_before` + `outage_during` uploads delivered in batches to a store on a node of its
    own; in the batch after the first `outage_before` uploads the node is killed (SIGKILL, as the
    batch's writes go out) and every later batch fails while it is down; then the node starts again
    on its data and everything is delivered and reconciled."""
    from newsfacet.store.opensearch.store import OpenSearchStore

    total = sizes.outage_before + sizes.outage_during
    node = LocalNode.start()
    relay = Relay(node.url)
    store = OpenSearchStore.from_settings(
        Settings(store=relay.url, index_alias=f"killed-{uuid.uuid4().hex[:12]}", opensearch_auth="none")
    )
    started = time.perf_counter()
    try:
        with harness(store) as world:
            for number in range(total):
                world.put(f"node/{number}.html", fault_matrix.story(number))
            messages = world.receive()
            size = fault_matrix.SQS_BATCH
            batches = [messages[at : at + size] for at in range(0, len(messages), size)]
            kill_at, failed = sizes.outage_before // size, 0
            killed_at: list[float] = []
            write_batch = store.write_batch

            def write_or_die(writes: Any) -> Any:
                """In the batch `kill_at`, the node dies (SIGKILL: no clean shutdown, no flush) as
                the batch's writes go out, after its lookups and its pipeline work."""
                if armed and not killed_at:
                    node.process.kill()
                    killed_at.append(time.perf_counter())
                return write_batch(writes)

            store.write_batch = write_or_die  # type: ignore[method-assign]
            for index, batch in enumerate(batches):
                armed = index == kill_at
                failed += len(world.invoke(batch).failed_ids)
            node.process.wait()
            node = LocalNode.start(home=node.home)
            relay.upstream_url = node.url
            down_s = time.perf_counter() - killed_at[0]
            fault_matrix.deliver_all(world)
            found = fault_matrix.outcome(world, {fault_matrix.title(number) for number in range(total)})
    finally:
        store.destroy()
        store.close()
        relay.close()
        node.stop()
    row = harness_row(
        "OpenSearch node killed (SIGKILL) as a batch is written, restarted",
        "OpenSearch",
        found,
        time.perf_counter() - started,
        f"{total} puts; down {down_s:.0f} s, {failed} failed meanwhile and were redelivered",
    )
    print(row.markdown(), flush=True)
    return row


def run_killed_stack(engine: str, node_url: str | None, sizes: Sizes) -> Row:
    with tempfile.TemporaryDirectory() as scratch:
        if node_url is not None:
            alias = f"killed-{uuid.uuid4().hex[:12]}"
            settings = Settings(store=node_url, index_alias=alias, opensearch_auth="none")
            os.environ.update({"NEWSFACET_INDEX_ALIAS": alias, "NEWSFACET_OPENSEARCH_AUTH": "none"})
        else:
            settings = Settings(store=f"sqlite:///{scratch}/articles.db")
        options = StackOptions(
            port=0, upload_samples=False, quiet=True, state=Path(scratch) / "state", root=REPO
        )
        pages = [(f"up/{number}.html", fault_matrix.story(number)) for number in range(sizes.killed)]
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            found = fault_matrix.killed_mid_batch(settings, options, pages, timeout_s=900)
        for name in ("NEWSFACET_INDEX_ALIAS", "NEWSFACET_OPENSEARCH_AUTH"):
            os.environ.pop(name, None)
    unlisted = len({key for key, _ in pages} - set(found.listed_after_restart))
    not_searchable = sizes.killed - found.searchable
    row = Row(
        scenario="local stack killed after its uploads, restarted",
        engine=engine,
        uploads=f"{sizes.killed} puts ({found.missing_at_start} missing at restart, re-enqueued)",
        searchable=f"{found.searchable} / {sizes.killed}",
        rejected="0 / 0",
        missing=found.report.lost,
        orphaned=len(found.report.orphaned),
        lost=found.report.lost + len(found.report.orphaned) + max(unlisted, not_searchable),
        seconds=time.perf_counter() - started,
    )
    print(row.markdown(), flush=True)
    return row


def section(rows: list[Row]) -> str:
    """The "Fault matrix" section of docs/BENCHMARKS.md, the rows sorted by scenario and engine."""
    rows = sorted(rows, key=lambda row: (row.scenario, ENGINES.index(row.engine)))
    return "\n".join(
        [
            START,
            "## Fault matrix at full size",
            "",
            f"`bench/fault_matrix.py`, {datetime.now(UTC):%Y-%m-%d}, {machine()}, load {load_average()}"
            " (the machine was shared with other jobs, under `nice -n 10`).",
            "The scenarios CI runs at reduced sizes (`tests/integration/fault_matrix.py`), at the sizes the",
            "issue's attack used. Poison inputs, churn, the burst and the outage go through the ingest",
            "harness (moto S3/SQS/DynamoDB in process, the real handler, ten messages per invocation;",
            "the burst's puts come from eight threads at once, the issue's pace being 300 in 3 s);",
            "the killed stack is the whole local run, stopped at once after its uploads and started again",
            "on the same state (it reconciles at start). The outage is simulated on both engines (the",
            "store fails the calls about some keys) and real on OpenSearch: a node of its own, behind a",
            "relay on a fixed port, killed with SIGKILL as a batch's writes go out, then started again",
            "on its data.",
            "Every scenario ends with a reconcile. *Missing*:",
            "objects neither indexed nor rejected at that reconcile; *orphaned*: holds whose object is gone;",
            "*lost*: those, plus articles expected but not searchable and rejections not recorded.",
            "",
            "| scenario | store | uploads | searchable | rejected | missing | orphaned | lost | seconds |",
            "|---|---|---|---|---|---|---|---|---|",
            *(row.markdown() for row in rows),
            END,
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reduced", action="store_true", help="CI sizes; writes nothing")
    args = parser.parse_args()
    sizes = Sizes(1, 1, 24, 1, 1, 4) if args.reduced else Sizes()
    node = LocalNode.start()
    rows: list[Row] = []
    try:
        from newsfacet.store.embedded.store import EmbeddedStore
        from newsfacet.store.opensearch.store import OpenSearchStore

        with tempfile.TemporaryDirectory() as scratch:
            counter = iter(range(1_000))
            stores: dict[str, Callable[[], ArticleStore]] = {
                "embedded": lambda: EmbeddedStore.from_url(
                    f"sqlite:///{scratch}/articles-{next(counter)}.db"
                ),
                "OpenSearch": lambda: OpenSearchStore.from_settings(
                    Settings(
                        store=node.url, index_alias=f"fm-{uuid.uuid4().hex[:12]}", opensearch_auth="none"
                    )
                ),
            }
            for engine in ENGINES:
                rows += run_harness_scenarios(engine, stores[engine], sizes)
        for engine in ENGINES:
            rows.append(run_killed_stack(engine, node.url if engine == "OpenSearch" else None, sizes))
        rows.append(run_node_killed(sizes))
    finally:
        node.stop()
    if not args.reduced:
        write_section(section(rows), START, END)
    print(f"lost in all: {sum(row.lost for row in rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
