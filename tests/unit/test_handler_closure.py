"""The handlers' import closure (what `layers/closure.py` ships in each layer), read from the
checkout: development-only modules and dependencies stay out of it, the NLP stack out of the search
side. tests/deploy/test_layer_closure.py compares the built layers with it."""

from __future__ import annotations

import ast
from pathlib import Path

from layers.closure import closure

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "shared" / "newsfacet"
SEARCH = [ROOT / "functions" / "search" / "app.py", ROOT / "functions" / "reconcile" / "app.py"]
INGEST = [ROOT / "functions" / "ingest" / "app.py"]
DEV_ONLY = {
    "newsfacet/cli.py",
    "newsfacet/commands.py",
    "newsfacet/terminal.py",
    "newsfacet/localserver.py",
    "newsfacet/fileingest.py",
    "newsfacet/objects/local_files.py",
}
DEV_ONLY_IMPORTS = {"yaml", "moto", "pytest", "hypothesis", "playwright", "schemathesis"}


def names(files: set[Path]) -> set[str]:
    return {file.as_posix() for file in files}


def test_the_closures_leave_out_the_cli_the_local_run_and_the_local_server() -> None:
    for handlers in (SEARCH, INGEST):
        shipped = names(closure(PACKAGE, handlers))
        assert "newsfacet/store/base.py" in shipped and "newsfacet/config.py" in shipped
        assert shipped & DEV_ONLY == set()
        assert [name for name in shipped if name.startswith("newsfacet/localrun/")] == []


def test_the_search_side_leaves_out_the_nlp_pipeline_and_the_ingest_side_has_it() -> None:
    search, ingest = names(closure(PACKAGE, SEARCH)), names(closure(PACKAGE, INGEST))
    nlp = ("newsfacet/enrich/", "newsfacet/extract/", "newsfacet/pipeline.py")
    assert [name for name in search if name.startswith(nlp)] == []
    assert "newsfacet/pipeline.py" in ingest and "newsfacet/enrich/nlp.py" in ingest
    assert "newsfacet/api.py" in search and "newsfacet/api.py" not in ingest


def test_no_module_of_a_closure_imports_a_development_tool() -> None:
    for handlers in (SEARCH, INGEST):
        for module in closure(PACKAGE, handlers):
            tree = ast.parse((PACKAGE.parent / module).read_text(encoding="utf-8"))
            imported = {
                alias.name.split(".")[0]
                for node in ast.walk(tree)
                if isinstance(node, ast.Import)
                for alias in node.names
            } | {
                (node.module or "").split(".")[0]
                for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom)
            }
            assert imported & DEV_ONLY_IMPORTS == set(), module


def test_a_lazy_import_inside_a_function_is_part_of_the_closure(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "sub" / "lazy.py").write_text("from importlib.resources import files\nfiles('pkg.sub')\n")
    (package / "typing_only.py").write_text("")
    (package / "unused.py").write_text("")
    handler = tmp_path / "app.py"
    handler.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import pkg.typing_only\n"
        "def handle():\n    from pkg.sub import lazy\n"
    )
    assert names(closure(package, [handler])) == {"pkg/__init__.py", "pkg/sub/__init__.py", "pkg/sub/lazy.py"}
