"""The house's size limits, read from the checkout: no module of the package over 400 lines, no
function over 80. A module that grows past them is doing more than one job; split it by job (see
shared/STYLE.md) rather than raise the limit."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "shared" / "newsfacet"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def modules() -> dict[str, str]:
    return {path.relative_to(PACKAGE).as_posix(): path.read_text() for path in sorted(PACKAGE.rglob("*.py"))}


def long_modules() -> set[str]:
    return {name for name, text in modules().items() if len(text.splitlines()) > MAX_MODULE_LINES}


def long_functions() -> dict[str, int]:
    """`module:function` -> lines, from the `def` line to the last line of the body (nested ones too)."""
    found: dict[str, int] = {}
    for name, text in modules().items():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    found[f"{name}:{node.name}"] = lines
    return found


def test_the_sizes_are_measured_on_the_whole_package() -> None:
    expected = {"api.py", "store/base.py", "store/embedded/query.py", "objects/local_files.py"}
    assert expected <= modules().keys()


def test_no_module_is_over_400_lines() -> None:
    assert long_modules() == set()


def test_no_function_is_over_80_lines() -> None:
    assert long_functions() == {}
