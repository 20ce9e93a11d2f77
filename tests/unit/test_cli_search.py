"""`newsfacet search`: the API's answer on a terminal, or exactly its JSON body; bad input exits 2.

The store is filled once per module from four bundled sample pages through the real pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsfacet.cli import main
from newsfacet.config import Settings
from newsfacet.fileingest import ingest_files
from newsfacet.localserver import LocalContext, event_from_request, load_search_handler
from newsfacet.model import SearchResult
from newsfacet.store.embedded.store import EmbeddedStore

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PAGES = (
    "2026-10-05-meridian-cross-border-strikes-southern-lebanon.html",
    "2026-10-24-meridian-ceasefire-agreed-cairo.html",
    "2026-10-27-levantnotes-what-cairo-truce-means-displaced.html",
    "2026-10-15-meridian-ecb-holds-rates-lindqvist.html",
)


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('search')}/articles.db"
    store = EmbeddedStore.from_url(url)
    try:
        report = ingest_files([SAMPLES / name for name in PAGES], store, Settings(store=url), workers=1)
    finally:
        store.close()
    assert [outcome.status for outcome in report.outcomes] == ["indexed"] * len(PAGES)
    return url


def api_body(store_url: str, target: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """What the deployed search function answers: its very `lambda_handler`, configured by env."""
    monkeypatch.setenv("NEWSFACET_STORE", store_url)
    handler = load_search_handler()
    response = handler(event_from_request("GET", target, {}), LocalContext())
    return int(response["statusCode"]), str(response["body"])


def test_json_is_exactly_the_api_response_body(
    store_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        [
            "search",
            "ceasefire",
            "--location",
            "Lebanon",
            "--from",
            "2026-10-20",
            "--json",
            "--store",
            store_url,
        ]
    )

    printed = capsys.readouterr().out
    api_status, body = api_body(
        store_url, "/search?q=ceasefire&location=Lebanon&from=2026-10-20", monkeypatch
    )
    assert status == 0
    assert api_status == 200
    assert printed == body + "\n"
    result = SearchResult.model_validate_json(printed)
    # The two ceasefire stories after 20 October; the 5 October one is outside the date range.
    assert {hit.title for hit in result.hits} == {
        "Lebanon and Israel accept UN-monitored ceasefire in Cairo",
        "What the Cairo truce means for the displaced",
    }


def test_the_table_lists_hits_with_snippets_and_the_facet_counts_of_the_api(
    store_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "ceasefire", "--store", store_url]) == 0

    table = capsys.readouterr().out
    _, body = api_body(store_url, "/search?q=ceasefire", monkeypatch)
    result = SearchResult.model_validate_json(body)
    assert table.startswith(f"{result.total} articles match, by relevance")
    for number, hit in enumerate(result.hits, start=1):
        assert f"{number:>3}  {hit.published_at.date().isoformat() if hit.published_at else '-'}" in table
        assert hit.title[:40] in table
        assert f"id {hit.id}" in table
    assert "*ceasefire*" in table.lower(), "matches are marked in plain text when not on a terminal"
    facet_lines = {
        line.split()[0]: line for line in table.splitlines() if line.startswith("  ") and "(" in line
    }
    for dimension, values in result.facets.items():
        if values:
            top = values[0]
            assert f"{top.value} ({top.count})" in facet_lines[dimension.value]


def test_size_and_cursor_page_through_without_repeats(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[str] = []
    cursor: str | None = None
    for _ in range(len(PAGES) + 1):
        args = ["search", "--size", "1", "--sort", "date", "--json", "--store", store_url]
        assert main([*args, "--cursor", cursor] if cursor else args) == 0
        page = json.loads(capsys.readouterr().out)
        seen += [hit["id"] for hit in page["hits"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(PAGES) == len(set(seen))


@pytest.mark.parametrize(
    ("arguments", "option"),
    [
        (["--from", "2026-13-01"], "--from"),
        (["--from", "2026-10-20", "--to", "2026-10-01"], "--from"),
        (["--size", "0"], "--size"),
        (["--size", "101"], "--size"),
        (["--cursor", "not-a-cursor"], "--cursor"),
    ],
)
def test_bad_input_names_the_option_and_exits_2(
    store_url: str, arguments: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["search", "ceasefire", *arguments, "--store", store_url])

    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err.startswith(f"newsfacet search: invalid {option}: ")


def test_an_unknown_sort_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "--sort", "popularity"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'popularity'" in capsys.readouterr().err


def test_an_unreachable_store_is_a_failure_not_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["search", "ceasefire", "--store", "http://127.0.0.1:9"])

    assert status == 1
    assert "HTTP 503" in capsys.readouterr().err
