"""Schemathesis against the local API, on both engines: no server error, nothing that breaks the
OpenAPI document the API serves.

The search handler runs behind the local HTTP server (`newsfacet.localserver`), over a store of each
engine holding the API tests' corpus. Schemathesis reads `/openapi.json` and sends generated valid
and invalid requests to every operation, running all its checks on each response (status codes,
content types, headers and bodies as documented; invalid input refused; valid input accepted).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from newsfacet.config import Settings
from newsfacet.store import open_store
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

REPO = Path(__file__).resolve().parents[2]


def _corpus() -> Any:
    import sys

    sys.path.insert(0, str(REPO / "tests" / "unit"))
    from test_api import CORPUS  # the API tests' own articles

    return CORPUS


@pytest.fixture(scope="module", params=["embedded", "opensearch"])
def api_schema(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, serve_search: Any
) -> Iterator[Any]:
    environment: dict[str, str] = {}
    if request.param == "embedded":
        environment["NEWSFACET_STORE"] = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'articles.db'}"
    else:
        environment["NEWSFACET_STORE"] = request.getfixturevalue("opensearch_url")
        environment["NEWSFACET_INDEX_ALIAS"] = f"fuzz-{uuid.uuid4().hex[:10]}"
        environment["NEWSFACET_OPENSEARCH_AUTH"] = "none"
    settings = Settings.from_env(environment)
    store = open_store(settings)
    store.upsert(_corpus())
    try:
        with serve_search(environment) as server:
            yield schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    finally:
        destroy = getattr(store, "destroy", None)
        if destroy is not None:
            destroy()
        store.close()


EXAMPLES = int(os.environ.get("NEWSFACET_FUZZ_EXAMPLES", "40"))
# Every check on what the API answers runs (no 5xx; status codes, content types, headers and bodies as
# documented; 405 with Allow for other methods). Two judge requests instead, and are left out: "a
# schema-valid request is accepted" (rules across parameters, `from` not after `to` and at most 100
# words and phrases in `q`, have no OpenAPI 3.0 spelling: each is a documented 400 naming the
# parameter) and "a schema-violating request is refused" (it calls `actor=false` a boolean, but in a
# query string it is the text "false", a valid actor name).
EXCLUDED = [positive_data_acceptance, negative_data_rejection]


def test_the_api_keeps_its_openapi_promises(api_schema: Any) -> None:
    """Every operation, valid and invalid requests (schemathesis's pytest plugin predates our pytest,
    so the operations are driven here with Hypothesis directly)."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {operation.path for operation in operations} >= {
        "/search",
        "/articles/{id}",
        "/facets/{dimension}",
    }
    for operation in operations:
        # A request with no parameter cannot be made invalid (`/health`): valid requests only.
        modes = list(GenerationMode) if list(operation.iter_parameters()) else [GenerationMode.POSITIVE]
        for mode in modes:

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
            def keeps_its_promises(case: Any) -> None:
                case.call_and_validate(excluded_checks=EXCLUDED)

            keeps_its_promises()
