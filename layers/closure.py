"""The modules of a package that Lambda handlers can import: their import closure, and a copy of it.

    python3 closure.py <package dir> <handler.py>... [--copy-to <layer python/ directory>]

Without --copy-to, prints the closure's files (relative to the package's parent). With it, copies
them (and the data files of each package in the closure) under the layer's directory. Called by
`layers/Makefile`, so a layer ships only what its functions import: not the CLI, the local run or
the local server, nor (in the search layer) the NLP pipeline. tests/deploy/test_layer_closure.py
compares the built layers with this closure.

Every import statement counts, wherever it is (inside functions too: lazy imports run sooner or
later), except those under `if TYPE_CHECKING:`. `importlib.resources.files("pkg")` counts as an
import of `pkg` (that is how data packages are read). Importing `a.b.c` runs `a/__init__.py` and
`a/b/__init__.py` too. Only the standard library is used: this runs before any environment exists.
"""

from __future__ import annotations

import ast
import shutil
import sys
from pathlib import Path


def _imported_names(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Dotted names a module imports (`from a import b` gives both `a` and `a.b`: b may be a module)."""
    names: set[str] = set()
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".")
                anchor = parts if is_package else parts[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "files"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
    return names


def _module_file(root: Path, name: str) -> Path | None:
    """The file of module `name` under `root` (the package's parent), or None if it has none."""
    path = root.joinpath(*name.split("."))
    if (path / "__init__.py").is_file():
        return path / "__init__.py"
    if path.with_suffix(".py").is_file():
        return path.with_suffix(".py")
    return None


def closure(package: Path, handlers: list[Path]) -> set[Path]:
    """The files of `package` that `handlers` import, directly or not, relative to its parent."""
    root = package.resolve().parent
    prefix = package.name
    found: set[Path] = set()
    pending: list[tuple[Path, str, bool]] = [
        (handler.resolve(), "__handler__", False) for handler in handlers
    ]
    while pending:
        path, module, is_package = pending.pop()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name in _imported_names(tree, module, is_package):
            if name != prefix and not name.startswith(prefix + "."):
                continue
            parts = name.split(".")
            for depth in range(1, len(parts) + 1):  # the parents run first
                dotted = ".".join(parts[:depth])
                file = _module_file(root, dotted)
                if file is None or file.relative_to(root) in found:
                    continue
                found.add(file.relative_to(root))
                pending.append((file, dotted, file.name == "__init__.py"))
    return found


def data_files(package: Path, modules: set[Path]) -> set[Path]:
    """The non-Python files beside the closure's package `__init__.py` files (templates, tables,
    py.typed), relative to the package's parent."""
    root = package.resolve().parent
    return {
        item.relative_to(root)
        for module in modules
        if module.name == "__init__.py"
        for item in (root / module.parent).iterdir()
        if item.is_file() and item.suffix not in (".py", ".pyc")
    }


def main(argv: list[str]) -> int:
    target: Path | None = None
    if "--copy-to" in argv:
        at = argv.index("--copy-to")
        target = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    if len(argv) < 2 or not Path(argv[0]).is_dir():
        print(__doc__, file=sys.stderr)
        return 2
    package, handlers = Path(argv[0]), [Path(arg) for arg in argv[1:]]
    modules = closure(package, handlers)
    files = sorted(modules | data_files(package, modules))
    if target is None:
        print("\n".join(str(file) for file in files))
        return 0
    root = package.resolve().parent
    for file in files:
        (target / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / file, target / file)
    print(f"closure: {len(modules)} modules of {package.name} for {', '.join(map(str, handlers))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
