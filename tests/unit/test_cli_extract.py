"""`newsfacet extract FILE [--url URL]`: JSON on stdout and exit 0, or one rejection line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsfacet.cli import main
from newsfacet.model import Article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def test_extract_prints_the_article_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["extract", str(PAGES / "modern_news.html")])
    out, err = capsys.readouterr()
    assert status == 0
    assert err == ""
    result = Article.model_validate_json(out)
    assert result.title == "Rotterdam dockers strike over automation plans"
    assert result.origin.key == str((PAGES / "modern_news.html").resolve())
    assert json.loads(out)["published_at"] == "2024-03-12T08:15:00+01:00"


def test_extract_reads_gzip_files_and_takes_the_url(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        ["extract", str(PAGES / "legacy_table_cp1252.html"), "--url", "http://gazette.example/mill.html"]
    )
    out, _ = capsys.readouterr()
    assert status == 0
    result = Article.model_validate_json(out)
    assert result.url == "http://gazette.example/mill.html"
    assert result.origin.source_url == "http://gazette.example/mill.html"
    assert main(["extract", str(PAGES / "modern_news.html.gz")]) == 0
    assert Article.model_validate_json(capsys.readouterr().out).source == "The Harbour Times"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("error_page.html", "error_page"),
        ("tiny.html", "no_article_body"),
        ("cookie_wall.html", "no_article_body"),
    ],
)
def test_rejected_input_prints_one_line_on_stderr_and_exits_2(
    name: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["extract", str(PAGES / name)])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"rejected: {reason}: ")


def test_binary_file_is_rejected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    image = tmp_path / "photo.jpg"
    image.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    assert main(["extract", str(image)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("rejected: binary: ")


def test_size_limit_is_read_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSFACET_MAX_UPLOAD_BYTES", "100")
    assert main(["extract", str(PAGES / "modern_news.html")]) == 2
    assert capsys.readouterr().err.startswith("rejected: too_large: ")


def test_a_missing_file_is_an_error_not_a_rejection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(tmp_path / "missing.html")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("newsfacet extract: cannot read ") and "missing.html" in err
