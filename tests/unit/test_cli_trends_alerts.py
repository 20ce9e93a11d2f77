"""`newsfacet trends` and `newsfacet alerts` over an embedded store file."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from newsfacet.cli import main
from newsfacet.store.embedded.store import EmbeddedStore
from newsfacet.terminal import sparkline
from test_api_trends import LAST_DAY, trend_article


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    store = EmbeddedStore(tmp_path / "articles.db")
    articles = [trend_article(n, LAST_DAY - timedelta(days=n % 21), "Ada Always") for n in range(42)]
    articles += [trend_article(100 + n, LAST_DAY - timedelta(days=n % 2), "Rui Rising") for n in range(8)]
    store.upsert(articles)
    store.close()
    return f"sqlite:///{tmp_path}/articles.db"


def test_trends_prints_the_rising_values_with_sparklines(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        ["trends", "actor", "--store", store_url, "--to", LAST_DAY.isoformat(), "--baseline", "14d"]
    )
    out = capsys.readouterr().out
    assert status == 0
    header, line = out.splitlines()
    assert header.startswith("actor: 2026-11-24 to 2026-11-30 (22 articles) against 2026-11-10 to 2026-11-23")
    assert line.startswith("Rui Rising")
    assert line.endswith("▁" * 19 + "██")
    assert main(["trends", "actor", "--store", store_url, "--to", LAST_DAY.isoformat(), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["trends"][0]["value"] == "Rui Rising"


def test_trends_names_a_bad_option(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trends", "actor", "--store", store_url, "--window", "week"]) == 2
    assert "invalid --window" in capsys.readouterr().err
    assert main(["trends", "person", "--store", store_url]) == 2
    assert "invalid --dimension" in capsys.readouterr().err


def test_alerts_belong_to_the_key_they_were_saved_with(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add = [
        "alerts",
        "--store",
        store_url,
        "--api-key",
        "k1",
        "add",
        "port",
        "figures",
        "--actor",
        "Rui Rising",
    ]
    assert main(add) == 0
    saved = capsys.readouterr().out
    assert saved.startswith("saved ") and saved.endswith('"port figures" actor=Rui Rising -> log\n')
    alert_id = saved.split()[1].rstrip(":")
    assert main(["alerts", "--store", store_url, "--api-key", "k2", "list"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["alerts", "--store", store_url, "--api-key", "k2", "delete", alert_id]) == 1
    assert "no alert" in capsys.readouterr().err
    assert main(["alerts", "--store", store_url, "--api-key", "k1", "list"]) == 0
    assert capsys.readouterr().out.startswith(alert_id)
    assert main(["alerts", "--store", store_url, "--api-key", "k1", "delete", alert_id]) == 0
    assert main(["alerts", "--store", store_url, "--api-key", "k1", "add", "x", "--target", "ftp://no"]) == 2
    assert "invalid --target" in capsys.readouterr().err


def test_sparkline_scales_to_the_busiest_day() -> None:
    assert sparkline([0, 1, 2, 4]) == "▁▂▄█"
    assert sparkline([]) == ""
