"""Expand a packaged SAM template into plain CloudFormation, as CloudFormation's transforms would
server-side: run with the infra tools' Python (it needs samtranslator), for moto, which runs no
transforms.

    python sam_translate.py <packaged template> <parameters as JSON> <output JSON>

AWS::LanguageExtensions is applied only as far as the template uses it (DeletionPolicy and
UpdateReplacePolicy given by a parameter); the SAM transform is samtranslator's, the library the
SAM CLI and CloudFormation's SAM transform share.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names managed policies by ARN only: nothing to look up."""

    def load(self) -> dict[str, str]:
        return {}


def main(source: str, parameters_json: str, target: str) -> None:
    template: dict[str, Any] = yaml_parse(Path(source).read_text())
    parameters: dict[str, str] = json.loads(parameters_json)
    values = {
        name: str(spec.get("Default", "")) for name, spec in template["Parameters"].items()
    } | parameters
    template["Transform"] = [name for name in template["Transform"] if name != "AWS::LanguageExtensions"]
    for resource in template["Resources"].values():
        for attribute in ("DeletionPolicy", "UpdateReplacePolicy"):
            if isinstance(resource.get(attribute), dict):
                resource[attribute] = values[resource[attribute]["Ref"]]
    expanded = transform(template, parameters, NoManagedPolicies())
    Path(target).write_text(json.dumps(expanded, separators=(",", ":")))


if __name__ == "__main__":
    main(*sys.argv[1:])
