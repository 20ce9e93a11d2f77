"""The local rejection log: found from any directory, and a key fixed since is not listed."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from newsfacet.config import Settings
from newsfacet.model import RejectionReason
from newsfacet.rejections import RejectionRecord, local_log_path
from newsfacet.rejections.sqlite import SQLiteRejectionLog


def record(key: str, version: int) -> RejectionRecord:
    return RejectionRecord(
        bucket="b",
        key=key,
        version=version,
        reason=RejectionReason.BINARY,
        detail="not text",
        rejected_at=datetime(2026, 12, 1, tzinfo=UTC),
    )


def test_forget_drops_the_keys_rejections_up_to_a_version(tmp_path: Path) -> None:
    log = SQLiteRejectionLog(tmp_path / "rejections.db")
    for entry in (record("a.html", 1), record("a.html", 3), record("b.html", 1)):
        log.record(entry)

    log.forget("b", "a.html", 2)

    assert sorted((entry.key, entry.version) for entry in log.recent()) == [("a.html", 3), ("b.html", 1)]


@pytest.mark.parametrize("store", ["sqlite:///data/articles.db", "http://127.0.0.1:9200"])
def test_the_log_is_the_same_file_from_any_directory(
    store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    monkeypatch.chdir(first)
    here = local_log_path(Settings(store=store if store.startswith("http") else f"sqlite:///{first}/a.db"))
    monkeypatch.chdir(second)
    there = local_log_path(Settings(store=store if store.startswith("http") else f"sqlite:///{first}/a.db"))
    assert here == there
    assert here.is_absolute()


def test_rejections_piped_into_head_end_quietly(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path}/articles.db"
    log = SQLiteRejectionLog(local_log_path(Settings(store=store)))
    for version in range(3000):
        log.record(record(f"page-{version}.html", version))
    command = f"{sys.executable} -m newsfacet.cli rejections --limit 3000 | head -n 2"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        env={**os.environ, "NEWSFACET_STORE": store},
        check=False,
        timeout=120,
    )
    assert len(result.stdout.splitlines()) == 2
    assert "Traceback" not in result.stderr
    assert "BrokenPipe" not in result.stderr


def test_reconcile_without_a_bucket_or_queue_says_what_to_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsfacet.cli import main

    monkeypatch.delenv("NEWSFACET_ARTICLES_BUCKET", raising=False)
    monkeypatch.delenv("NEWSFACET_INGEST_QUEUE_URL", raising=False)
    assert main(["reconcile", "--store", f"sqlite:///{tmp_path}/a.db", "--bucket", "b"]) == 2
    assert "NEWSFACET_INGEST_QUEUE_URL" in capsys.readouterr().err
