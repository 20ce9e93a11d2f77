"""CloudFormation YAML as plain data: short tags become their JSON form (`!Ref X` -> {"Ref": "X"},
`!GetAtt A.B` -> {"Fn::GetAtt": "A.B"}, ...), so tests read template.yaml without a CloudFormation parser."""

from __future__ import annotations

import re
from typing import Any

from newsfacet.localrun.template import read_cloudformation as read_template

__all__ = ["ACCOUNT", "REGION", "Resolver", "read_template"]

ACCOUNT = "123456789012"
REGION = "eu-west-1"


class Resolver:
    """Evaluates a template's intrinsic functions for one set of parameter values, as CloudFormation
    would after the SAM transform: conditions, Fn::If (with AWS::NoValue dropped), Ref, Fn::Sub,
    Fn::GetAtt (from `attributes`), Fn::Join, Fn::Select, Fn::Split. Enough for IAM documents."""

    def __init__(
        self, template: dict[str, Any], overrides: dict[str, str], attributes: dict[str, str]
    ) -> None:
        self.template = template
        self.parameters = {
            name: str(spec.get("Default", "")) for name, spec in template.get("Parameters", {}).items()
        } | overrides
        self.attributes = attributes
        self._conditions: dict[str, bool] = {}

    def condition(self, name: str) -> bool:
        if name not in self._conditions:
            self._conditions[name] = bool(self.resolve(self.template["Conditions"][name]))
        return self._conditions[name]

    def exists(self, logical_id: str) -> bool:
        condition = self.template["Resources"][logical_id].get("Condition")
        return condition is None or self.condition(condition)

    def resolve(self, node: Any) -> Any:
        if isinstance(node, list):
            return [value for value in (self.resolve(item) for item in node) if value is not _NO_VALUE]
        if not isinstance(node, dict):
            return node
        if len(node) == 1:
            (key, value), *_ = node.items()
            handler = _INTRINSICS.get(key)
            if handler is not None:
                return handler(self, value)
        return {
            key: resolved
            for key, resolved in ((key, self.resolve(value)) for key, value in node.items())
            if resolved is not _NO_VALUE
        }

    def ref(self, name: str) -> Any:
        pseudo = {
            "AWS::NoValue": _NO_VALUE,
            "AWS::Partition": "aws",
            "AWS::Region": REGION,
            "AWS::AccountId": ACCOUNT,
            "AWS::StackName": "newsfacet",
            "AWS::URLSuffix": "amazonaws.com",
        }
        if name in pseudo:
            return pseudo[name]
        if name in self.parameters:
            spec = self.template["Parameters"][name]
            value = self.parameters[name]
            return [item for item in value.split(",")] if spec["Type"] == "CommaDelimitedList" else value
        return self.attributes.get(name, f"<{name}>")

    def sub(self, value: Any) -> str:
        text, variables = (value, {}) if isinstance(value, str) else (value[0], self.resolve(value[1]))

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in variables:
                return str(variables[name])
            if "." in name:
                return str(self.attributes.get(name, f"<{name}>"))
            return str(self.ref(name))

        return re.sub(r"\$\{([^}!]+)\}", replace, text)


_NO_VALUE = object()


def _if(resolver: Resolver, value: list[Any]) -> Any:
    name, when_true, when_false = value
    return resolver.resolve(when_true if resolver.condition(name) else when_false)


def _get_att(resolver: Resolver, value: Any) -> Any:
    name = value if isinstance(value, str) else ".".join(value)
    return resolver.attributes.get(name, f"<{name}>")


_INTRINSICS: dict[str, Any] = {
    "Fn::If": _if,
    "Ref": lambda resolver, value: resolver.ref(value),
    "Fn::Ref": lambda resolver, value: resolver.ref(value),
    "Fn::Sub": lambda resolver, value: resolver.sub(value),
    "Fn::GetAtt": _get_att,
    "Fn::Join": lambda resolver, value: value[0].join(str(item) for item in resolver.resolve(value[1])),
    "Fn::Select": lambda resolver, value: resolver.resolve(value[1])[int(value[0])],
    "Fn::Split": lambda resolver, value: resolver.resolve(value[1]).split(value[0]),
    "Fn::Equals": lambda resolver, value: resolver.resolve(value[0]) == resolver.resolve(value[1]),
    "Fn::Not": lambda resolver, value: not resolver.resolve(value[0]),
    "Fn::And": lambda resolver, value: all(resolver.resolve(item) for item in value),
    "Fn::Or": lambda resolver, value: any(resolver.resolve(item) for item in value),
    "Fn::Condition": lambda resolver, value: resolver.condition(value),
    "Condition": lambda resolver, value: resolver.condition(value),
}
