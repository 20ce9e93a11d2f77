"""`newsfacet ingest`: files and directories into a store, a summary, and honest exit codes.

These run the real pipeline (trafilatura + spaCy, loaded once per test process) on the bundled
sample pages, into an embedded store in a temporary directory.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from newsfacet.cli import main
from newsfacet.config import Settings
from newsfacet.fileingest import FileOutcome, ingest_files
from newsfacet.model import Article, Origin, Rejection, RejectionReason, SearchQuery
from newsfacet.objects.local_files import LOCAL_BUCKET, discover
from newsfacet.rejections import open_rejection_log
from newsfacet.store.embedded.store import EmbeddedStore
from newsfacet.terminal import ProgressBar

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# Three pages of different shapes: JSON-LD news site, WordPress blog with comments, gzip-compressed.
PAGES = (
    "2026-10-24-meridian-ceasefire-agreed-cairo.html",
    "2026-10-07-levantnotes-thousands-flee-tyre-nabatieh.html",
    "2026-10-23-circuitreview-voltaic-dresden-chip-plant.html.gz",
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A directory tree: three sample pages (one in a subdirectory), a binary `.html`, a README."""
    root = tmp_path / "corpus"
    (root / "nested").mkdir(parents=True)
    shutil.copy(SAMPLES / PAGES[0], root / PAGES[0])
    shutil.copy(SAMPLES / PAGES[1], root / "nested" / PAGES[1])
    shutil.copy(SAMPLES / PAGES[2], root / PAGES[2])
    (root / "nested" / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (root / "README.txt").write_text("not an article, and not .html: never looked at")
    return root


def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/store/articles.db"


def live_articles(url: str) -> dict[str, str]:
    """id -> title of every article the store would return to a search."""
    store = EmbeddedStore.from_url(url)
    try:
        result = store.search(SearchQuery(size=100))
        return {hit.id: hit.title for hit in result.hits}
    finally:
        store.close()


def test_a_directory_is_walked_indexed_and_summarised(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = store_url(tmp_path)

    status = main(["ingest", str(corpus), "--store", url, "--workers", "1"])

    out, err = capsys.readouterr()
    assert status == 0, "a rejected file is not a failure"
    assert out.splitlines()[0] == "4 files: 3 indexed, 0 unchanged, 1 rejected, 0 failed"
    assert "rejected by reason: binary 1" in out
    assert f"rejected: {corpus / 'nested' / 'broken.html'}: binary:" in err
    titles = set(live_articles(url).values())
    assert titles == {
        "Lebanon and Israel accept UN-monitored ceasefire in Cairo",
        "Thousands flee Tyre and Nabatieh as shelling intensifies",
        "Voltaic opens Dresden chip plant as Albers touts industrial policy",
    }
    # The rejection is where `newsfacet rejections` lists them, keyed by the file's path.
    log = open_rejection_log(Settings(store=url)).recent()
    assert [(entry.bucket, entry.key, entry.reason) for entry in log] == [
        (LOCAL_BUCKET, str(corpus / "nested" / "broken.html"), RejectionReason.BINARY)
    ]


def test_unchanged_files_are_skipped_and_an_edited_file_replaces_its_article(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = store_url(tmp_path)
    page = corpus / PAGES[0]
    assert main(["ingest", str(page), "--store", url, "--workers", "1"]) == 0
    (first_id,) = live_articles(url)
    capsys.readouterr()

    assert main(["ingest", str(page), "--store", url, "--workers", "1"]) == 0
    assert capsys.readouterr().out.startswith("1 file: 0 indexed, 1 unchanged, 0 rejected, 0 failed")

    # An edit with a new canonical URL gives a new id: the old article must go, not stay beside it.
    html = page.read_text(encoding="utf-8")
    edited = html.replace("Lebanon and Israel accept", "Lebanon and Israel sign").replace(
        "meridian-ceasefire-agreed-cairo", "meridian-ceasefire-signed-cairo"
    )
    page.write_text(edited, encoding="utf-8")
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    assert main(["ingest", str(page), "--store", url, "--workers", "1"]) == 0
    assert capsys.readouterr().out.startswith("1 file: 1 indexed, 0 unchanged, 0 rejected, 0 failed")
    articles = live_articles(url)
    assert list(articles.values()) == ["Lebanon and Israel sign UN-monitored ceasefire in Cairo"]
    assert first_id not in articles


def test_a_file_that_becomes_a_rejection_takes_its_article_out_of_the_index(
    corpus: Path, tmp_path: Path
) -> None:
    url = store_url(tmp_path)
    page = corpus / PAGES[0]
    assert main(["ingest", str(page), "--store", url, "--workers", "1"]) == 0
    assert len(live_articles(url)) == 1

    page.write_bytes(b"")
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    assert main(["ingest", str(page), "--store", url, "--workers", "1"]) == 0
    assert live_articles(url) == {}


def test_files_are_parsed_by_a_process_pool(corpus: Path, tmp_path: Path) -> None:
    url = store_url(tmp_path)
    store = EmbeddedStore.from_url(url)
    settings = Settings(store=url)
    try:
        report = ingest_files([corpus / PAGES[0], corpus / PAGES[2]], store, settings, workers=2)
    finally:
        store.close()

    assert sorted(outcome.status for outcome in report.outcomes) == ["indexed", "indexed"]
    assert len(live_articles(url)) == 2


def test_a_store_that_cannot_be_reached_fails_the_run(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Nothing listens on port 9 (discard) here: every write attempt fails as an outage does.
    status = main(["ingest", str(corpus / PAGES[0]), "--store", "http://127.0.0.1:9", "--workers", "1"])

    out, err = capsys.readouterr()
    assert status == 1
    assert "1 failed" in out
    assert f"failed: {corpus / PAGES[0]}: store unavailable" in err


def test_a_missing_path_is_a_usage_error_and_nothing_is_ingested(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = store_url(tmp_path)

    status = main(["ingest", str(corpus), str(tmp_path / "nope"), "--store", url])

    assert status == 2
    assert f"no such file or directory: {tmp_path / 'nope'}" in capsys.readouterr().err
    assert not (tmp_path / "store" / "articles.db").exists() or live_articles(url) == {}


def test_discover_walks_directories_for_article_suffixes_and_keeps_named_files(corpus: Path) -> None:
    named = corpus / "README.txt"

    found = discover([corpus, named, corpus / PAGES[0]])

    assert [path.relative_to(corpus).as_posix() for path in found] == [
        PAGES[2],  # 2026-10-23-..., sorted by name within a directory
        PAGES[0],
        "nested/" + PAGES[1],
        "nested/broken.html",
        "README.txt",
    ]


def test_ctrl_c_keeps_what_was_parsed_and_reports_an_interrupted_run(corpus: Path, tmp_path: Path) -> None:
    from newsfacet.pipeline import build_article

    calls: list[str] = []

    def interrupted_on_third_file(
        raw: bytes, origin: Origin, *args: Any, **kwargs: Any
    ) -> Article | Rejection:
        calls.append(origin.key)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return build_article(raw, origin, *args, **kwargs)

    url = store_url(tmp_path)
    store = EmbeddedStore.from_url(url)
    try:
        report = ingest_files([corpus], store, Settings(store=url), build=interrupted_on_third_file)
    finally:
        store.close()

    assert report.interrupted
    assert [outcome.status for outcome in report.outcomes] == ["indexed", "indexed"]
    # Written although the batch (50) never filled: Ctrl-C flushes what is pending.
    assert len(live_articles(url)) == 2


def test_the_progress_bar_counts_files_by_outcome() -> None:
    screen = io.StringIO()
    bar = ProgressBar(screen)

    bar.start(4)
    bar.advance(FileOutcome(path="a.html", status="indexed"))
    bar.advance(FileOutcome(path="b.html", status="rejected", reason=RejectionReason.EMPTY, detail="empty"))

    last_frame = screen.getvalue().split("\r")[-1]
    assert last_frame == "\x1b[2K  2/4 [" + "#" * 14 + "-" * 14 + "] 1 indexed, 1 rejected"
