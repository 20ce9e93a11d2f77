"""Fixtures for the deployment checks: the artifacts `sam build` makes, built once per session.

`sam build` runs as a user runs it (samconfig.toml turns SAM's build cache on: an unchanged layer
is copied from .aws-sam/cache in seconds; a changed lock, Makefile, trim rule or newsfacet module
rebuilds that layer). A build that fails FAILS the tests that need it, with SAM's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.package import BUILD, ROOT, run_sam_build

SAM = ROOT / ".venv-tools" / "bin" / "sam"


@pytest.fixture(scope="session")
def built() -> Path:
    """.aws-sam/build, freshly built from this checkout."""
    if not SAM.exists():
        pytest.fail(f"{SAM} is missing: run `make setup` first", pytrace=False)
    failure = run_sam_build(str(SAM))
    if failure:
        pytest.fail(f"sam build failed:\n{failure}", pytrace=False)
    return BUILD
