"""CloudFormation YAML as plain data: short tags become their JSON form (`!Ref X` -> {"Ref": "X"},
`!GetAtt A.B` -> {"Fn::GetAtt": "A.B"}, ...), so tests read template.yaml without a CloudFormation parser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class CfnLoader(yaml.SafeLoader):
    """A safe YAML loader that keeps CloudFormation's short-form intrinsic functions."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    if suffix == "Ref":
        return {"Ref": loader.construct_scalar(node)}  # type: ignore[arg-type]
    if isinstance(node, yaml.ScalarNode):
        return {f"Fn::{suffix}": loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {f"Fn::{suffix}": loader.construct_sequence(node, deep=True)}
    return {f"Fn::{suffix}": loader.construct_mapping(node, deep=True)}  # type: ignore[arg-type]


CfnLoader.add_multi_constructor("!", _tag)


def read_template(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=CfnLoader)
    return document
