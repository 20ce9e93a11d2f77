"""Trim a built layer (`<artifacts>/python`) of what Lambda never loads; SAM's build hook runs it.

    python3 trim.py <layer python/ directory>

Called by `layers/Makefile` after the pinned wheels and the newsfacet package are installed, so a
plain `sam build` produces the deployable layer. Each rule removes only files no import reaches;
tests/deploy/test_built_artifacts.py imports both handlers and runs an article through the ingest
pipeline from the trimmed layers, so a rule that removed something needed fails there, not in AWS.
Only the standard library is used: this runs before any project environment exists.
"""

from __future__ import annotations

import compileall
import py_compile
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Botocore service models the functions call (S3, DynamoDB), may need for credentials (STS), or
# that the X-Ray SDK creates a client for at import (xray); the other ~440 services are dead
# weight. Endpoint, partition and retry data stay.
BOTOCORE_SERVICES = {"s3", "dynamodb", "sts", "sqs", "xray"}
# spaCy languages: those with a NER model the ingest loads (newsfacet/enrich/nlp.py NER_LANGUAGES),
# the multi-language class, and those spaCy's registry imports when it populates itself (read from
# spacy/registrations.py below).
SPACY_LANGUAGES = {"en", "fr", "xx"}
# What a spaCy pipeline package keeps: the ingest loads only `ner` (with its own embedded tok2vec),
# excluding every other component (newsfacet/enrich/nlp.py), and spaCy never reads an excluded
# component's directory. The tokenizer and the vocabulary are always read.
SPACY_PIPELINE_PARTS = {"ner", "tokenizer", "vocab"}
# Source and build files shipped inside wheels; Python never reads them at run time.
SOURCE_SUFFIXES = {".pyx", ".pxd", ".pxi", ".c", ".cpp", ".h", ".hpp"}
LAMBDA_PYTHON = (3, 11)


def tree_bytes(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


def _remove(path: Path) -> int:
    """Delete a file or a tree; the bytes freed."""
    if not path.exists():
        return 0
    if path.is_dir():
        size = tree_bytes(path)
        shutil.rmtree(path)
        return size
    size = path.stat().st_size
    path.unlink()
    return size


def _children(directory: Path, keep: set[str]) -> list[Path]:
    if not directory.is_dir():
        return []
    return [path for path in directory.iterdir() if path.is_dir() and path.name not in keep]


def trim_layer(layer: Path) -> dict[str, int]:
    """Remove what no import reaches; returns bytes freed per rule (printed by the build)."""
    freed: dict[str, int] = {}

    def account(rule: str, paths: list[Path]) -> None:
        freed[rule] = freed.get(rule, 0) + sum(_remove(path) for path in paths)

    account("__pycache__ (recompiled below)", list(layer.rglob("__pycache__")))
    account("test suites inside packages", [path for path in layer.glob("*/**/tests") if path.is_dir()])
    account("Cython/C sources", [path for path in layer.rglob("*") if path.suffix in SOURCE_SUFFIXES])
    registrations = layer / "spacy" / "registrations.py"
    if registrations.is_file():
        registered = set(re.findall(r"from \.lang\.(\w+) import", registrations.read_text()))
        account(
            "spaCy languages never loaded", _children(layer / "spacy" / "lang", SPACY_LANGUAGES | registered)
        )
    account("spaCy pipeline components never loaded", unused_pipeline_parts(layer))
    account(
        "botocore models of services never called", _children(layer / "botocore" / "data", BOTOCORE_SERVICES)
    )
    # pycountry: only the ISO databases are read; the locales are gettext translations of names.
    account("pycountry translations", [layer / "pycountry" / "locales"])
    # babel (used by courlan only to filter URLs by a target language, which we never set):
    # keep the root and English data, drop the other ~800 locales.
    locales = layer / "babel" / "locale-data"
    account(
        "babel locales other than root/en",
        [
            path
            for path in (locales.glob("*.dat") if locales.is_dir() else [])
            if not (path.stem == "root" or path.stem.startswith("en"))
        ],
    )
    # numpy's Fortran wrapper generator and legacy distutils are never imported at run time.
    account("numpy f2py/distutils", [layer / "numpy" / "f2py", layer / "numpy" / "distutils"])
    freed["debug symbols in shared objects"] = strip_shared_objects(layer)
    return freed


def unused_pipeline_parts(layer: Path) -> list[Path]:
    """The component directories of every installed spaCy pipeline (`<package>/<package>-<version>/`
    with a config.cfg) other than SPACY_PIPELINE_PARTS."""
    return [
        part
        for config in layer.glob("*/*/config.cfg")
        for part in config.parent.iterdir()
        if part.is_dir() and part.name not in SPACY_PIPELINE_PARTS
    ]


def strip_shared_objects(layer: Path) -> int:
    """`strip --strip-unneeded` the extension modules (debug symbols only); the bytes freed.

    Libraries that auditwheel vendored into `<package>.libs/` were rewritten by patchelf, and
    stripping those corrupts them (numpy's OpenBLAS then fails to load): they are left alone.
    """
    strip = shutil.which("strip")
    if strip is None:
        print("trim: strip not found, shared objects keep their debug symbols", file=sys.stderr)
        return 0
    libraries = [
        path
        for path in layer.rglob("*.so*")
        if path.is_file() and not any(parent.name.endswith(".libs") for parent in path.parents)
    ]
    before = sum(path.stat().st_size for path in libraries)
    for library in libraries:
        subprocess.run([strip, "--strip-unneeded", str(library)], check=False, capture_output=True)
    return before - sum(path.stat().st_size for path in libraries)


def compile_bytecode(layer: Path) -> bool:
    """Compile with `unchecked-hash` validation: Lambda's /opt is read-only, so a missing or
    mtime-stale .pyc would be recompiled on every cold start. Only Lambda's Python version can write
    .pyc files Lambda reads; with another interpreter the layer ships sources only."""
    if sys.version_info[:2] != LAMBDA_PYTHON:
        print(f"trim: python3 is not {LAMBDA_PYTHON}, no bytecode compiled", file=sys.stderr)
        return False
    return compileall.compile_dir(
        layer, quiet=1, workers=1, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH
    )


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__, file=sys.stderr)
        return 2
    layer = Path(argv[0])
    freed = trim_layer(layer)
    compile_bytecode(layer)
    for rule, size in freed.items():
        if size:
            print(f"trim: {rule}: {size / 1e6:.1f} MB")
    print(f"trim: {layer.parent.name} layer is {tree_bytes(layer) / 1e6:.1f} MB unzipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
