"""What Lambda loads is all that Lambda ships: each built layer holds, of the newsfacet package,
exactly the import closure of the handlers that use it (never the CLI, the local run or the local
server), and no development-only dependency (in requirements/dev.txt but not in the runtime lock)."""

from __future__ import annotations

import re
from pathlib import Path

from layers.closure import closure, data_files
from scripts.package import ROOT, SIDES

PACKAGE = ROOT / "shared" / "newsfacet"
LAYERS = {
    "search": (SIDES["search"][1], ["functions/search/app.py", "functions/reconcile/app.py"]),
    "ingest": (SIDES["ingest"][1], ["functions/ingest/app.py"]),
}
# Import names of development tools, whatever distribution brings them.
DEV_ONLY_IMPORTS = {"yaml", "moto", "pytest", "_pytest", "hypothesis", "playwright", "schemathesis", "mypy"}


def expected_files(handlers: list[str]) -> set[Path]:
    modules = closure(PACKAGE, [ROOT / handler for handler in handlers])
    return modules | data_files(PACKAGE, modules)


def shipped_files(layer: Path) -> set[Path]:
    return {
        path.relative_to(layer)
        for path in (layer / "newsfacet").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def distributions(lock: Path) -> set[str]:
    return {
        re.sub(r"[-_.]+", "_", match.group(1)).lower()
        for match in re.finditer(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", lock.read_text(), re.MULTILINE)
    }


def test_each_layer_ships_exactly_its_handlers_import_closure(built: Path) -> None:
    for name, (layer, handlers) in LAYERS.items():
        expected, shipped = expected_files(handlers), shipped_files(layer)
        assert shipped - expected == set(), f"{name} layer ships modules no handler imports"
        assert expected - shipped == set(), f"{name} layer misses modules its handlers import"


def test_no_development_only_dependency_is_in_a_layer(built: Path) -> None:
    requirements = ROOT / "requirements"
    dev_only = distributions(requirements / "dev.txt") - distributions(requirements / "runtime.txt")
    assert {"pytest", "moto", "pyyaml", "hypothesis"} <= dev_only  # the lists are read right
    for name, (layer, _) in LAYERS.items():
        installed = {
            re.sub(r"[-_.]+", "_", info.name.split("-")[0]).lower() for info in layer.glob("*.dist-info")
        }
        assert installed, f"{name} layer: no distributions found"
        assert installed & dev_only == set(), f"{name} layer"
        top_level = {path.stem for path in layer.iterdir()}
        assert top_level & DEV_ONLY_IMPORTS == set(), f"{name} layer"
