"""bench/entities.py with `--reference`: another annotation file of AEB pages is scored as one part,
by the score.py beside it (else the development set's), and never written to BENCHMARKS.md unless
asked. Pure helpers only: the pipeline run itself is the benchmark's business."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_entities", BENCH / "entities.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def _corpus(tmp_path: Path) -> Path:
    dev = tmp_path / "corpus" / "entities-dev"
    dev.mkdir(parents=True)
    (dev / "entities.json").write_text("{}")
    (dev / "score.py").write_text("WHO = 'dev'\n")
    return tmp_path / "corpus"


def test_the_dev_set_keeps_its_held_out_split(bench: ModuleType) -> None:
    pages = {"a" * 8: {}, "b" * 8: {}, "c" * 8: {}, "d" * 8: {}}
    parts = dict(bench.parts_of(pages, is_dev=True))
    assert set(parts) == {"tuning", "held-out", "all"}
    assert sorted(parts["tuning"] + parts["held-out"]) == sorted(pages)


def test_another_reference_is_one_part(bench: ModuleType) -> None:
    pages = {"a" * 8: {}, "b" * 8: {}, "c" * 8: {}, "d" * 8: {}}
    assert bench.parts_of(pages, is_dev=False) == [("all", list(pages))]


def test_another_reference_writes_only_when_asked(bench: ModuleType) -> None:
    assert bench.writes_report(bench.parse_args([]), is_dev=True)
    assert not bench.writes_report(bench.parse_args(["--no-write"]), is_dev=True)
    assert not bench.writes_report(bench.parse_args(["--reference", "x.json"]), is_dev=False)
    assert bench.writes_report(bench.parse_args(["--reference", "x.json", "--write"]), is_dev=False)
    assert not bench.writes_report(
        bench.parse_args(["--reference", "x.json", "--write", "--no-write"]), is_dev=False
    )


def test_a_tuning_run_never_shows_the_blind_sets(bench: ModuleType) -> None:
    assert not bench.scores_other_sets(bench.parse_args(["--no-write"]), is_dev=True)
    assert bench.scores_other_sets(bench.parse_args(["--no-write", "--other-sets"]), is_dev=True)
    assert bench.scores_other_sets(bench.parse_args([]), is_dev=True)
    assert not bench.scores_other_sets(
        bench.parse_args(["--reference", "x.json", "--other-sets"]), is_dev=False
    )


def test_the_scorer_beside_the_reference_wins(bench: ModuleType, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    other = tmp_path / "extra"
    other.mkdir()
    (other / "more.json").write_text("{}")
    assert bench.load_scorer(corpus, other / "more.json").WHO == "dev"
    (other / "score.py").write_text("WHO = 'beside'\n")
    assert bench.load_scorer(corpus, other / "more.json").WHO == "beside"
    assert bench.load_scorer(corpus).WHO == "dev"
