"""The ingest handler traces with X-Ray where Powertools would, and where it would not, it does not
even import the X-Ray SDK (a cold-start cost: scripts/package.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.integration.ingest_world import ROOT, load_handler_module


@pytest.mark.parametrize(
    ("environ", "traced"),
    [
        ({"LAMBDA_TASK_ROOT": "/var/task"}, True),
        ({"LAMBDA_TASK_ROOT": "/var/task", "POWERTOOLS_TRACE_DISABLED": "false"}, True),
        ({"LAMBDA_TASK_ROOT": "/var/task", "POWERTOOLS_TRACE_DISABLED": "1"}, False),
        ({"LAMBDA_TASK_ROOT": "/var/task", "AWS_SAM_LOCAL": "true"}, False),
        ({}, False),
    ],
)
def test_tracing_is_on_exactly_where_powertools_would_trace(environ: dict[str, str], traced: bool) -> None:
    app = load_handler_module()
    assert app.tracing_enabled(environ) is traced


@pytest.mark.parametrize(
    ("environ", "tracer", "xray_imported"),
    [
        ({"LAMBDA_TASK_ROOT": "/var/task"}, "Tracer", True),
        ({"POWERTOOLS_TRACE_DISABLED": "1"}, "Untraced", False),
    ],
)
def test_the_xray_sdk_is_imported_only_where_the_handler_is_traced(
    environ: dict[str, str], tracer: str, xray_imported: bool
) -> None:
    # A fresh interpreter: an enabled Tracer patches botocore for the whole process.
    probe = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('app', {str(ROOT / 'functions/ingest/app.py')!r})\n"
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)\n"
        "print(type(module.tracer).__name__, 'aws_xray_sdk.core' in sys.modules)\n"
    )
    environ = {**environ, "AWS_DEFAULT_REGION": "us-east-1", "NEWSFACET_STORE": "sqlite:///:memory:"}
    completed = subprocess.run(
        [sys.executable, "-c", probe], env=environ, capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert completed.stdout.split()[-2:] == [tracer, str(xray_imported)]
