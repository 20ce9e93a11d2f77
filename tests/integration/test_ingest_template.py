"""The promises template.yaml makes about ingest and access, checked on the template itself.

cfn-lint and checkov (`make infra-lint`) check CloudFormation in general; these check our choices:
retry budget, timeouts, least privilege, and that the search side can only read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


class _CfnLoader(yaml.SafeLoader):
    """Reads CloudFormation short tags (!Ref, !GetAtt, ...) as {"Fn::<Tag>": value}."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        return {f"Fn::{suffix}": loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {f"Fn::{suffix}": loader.construct_sequence(node, deep=True)}
    return {f"Fn::{suffix}": loader.construct_mapping(node, deep=True)}  # type: ignore[arg-type]


_CfnLoader.add_multi_constructor("!", _tag)
TEMPLATE = yaml.load((ROOT / "template.yaml").read_text(), Loader=_CfnLoader)
RESOURCES: dict[str, Any] = TEMPLATE["Resources"]


def _statements(function: str) -> list[dict[str, Any]]:
    return [
        statement
        for policy in RESOURCES[function]["Properties"]["Policies"]
        for statement in policy["Statement"]
    ]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_a_message_outlives_a_slow_batch_and_is_tried_five_times() -> None:
    queue = RESOURCES["IngestQueue"]["Properties"]
    function = RESOURCES["IngestFunction"]["Properties"]
    source = function["Events"]["Uploads"]["Properties"]
    assert queue["VisibilityTimeout"] >= 6 * function["Timeout"] + source["MaximumBatchingWindowInSeconds"]
    assert queue["RedrivePolicy"]["maxReceiveCount"] == 5
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {"Fn::GetAtt": "IngestDeadLetterQueue.Arn"}
    assert source["FunctionResponseTypes"] == ["ReportBatchItemFailures"]


def test_ingest_concurrency_is_capped_by_one_parameter() -> None:
    function = RESOURCES["IngestFunction"]["Properties"]
    cap = {"Fn::Ref": "IngestConcurrency"}
    assert function["ReservedConcurrentExecutions"] == cap
    assert function["Events"]["Uploads"]["Properties"]["ScalingConfig"]["MaximumConcurrency"] == cap


def test_every_key_is_notified_for_creates_and_removals() -> None:
    """S3's suffix filters are case-sensitive: a filter would drop `.HTML` without a trace."""
    configurations = RESOURCES["ArticlesBucket"]["Properties"]["NotificationConfiguration"][
        "QueueConfigurations"
    ]
    assert sorted(item["Event"] for item in configurations) == ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"]
    assert all("Filter" not in item for item in configurations)


def test_the_bucket_is_private_encrypted_versioned_and_tls_only() -> None:
    bucket = RESOURCES["ArticlesBucket"]["Properties"]
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    assert bucket["VersioningConfiguration"]["Status"] == "Enabled"
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]
    (deny,) = RESOURCES["ArticlesBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert deny["Effect"] == "Deny" and deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}


def test_search_may_only_read_and_only_the_articles_index() -> None:
    (statement,) = _statements("SearchFunction")
    assert set(_as_list(statement["Action"])) == {"es:ESHttpGet", "es:ESHttpPost"}
    paths = [resource["Fn::Sub"][0] for resource in statement["Resource"]]
    assert paths == ["${DomainArn}/${IndexAlias}/_search", "${DomainArn}/${IndexAlias}/_doc/*"]


def test_ingest_gets_no_wildcard_actions_or_resources() -> None:
    for statement in _statements("IngestFunction"):
        assert all("*" not in action for action in _as_list(statement["Action"])), statement
        for resource in _as_list(statement["Resource"]):
            text = (
                resource["Fn::Sub"][0]
                if "Fn::Sub" in resource and isinstance(resource["Fn::Sub"], list)
                else resource
            )
            assert text != "*", statement


def test_the_domain_is_encrypted_https_only_with_modern_tls() -> None:
    domain = RESOURCES["SearchDomain"]["Properties"]
    assert domain["EngineVersion"] == "OpenSearch_2.19"
    assert domain["EncryptionAtRestOptions"]["Enabled"] is True
    assert domain["NodeToNodeEncryptionOptions"]["Enabled"] is True
    assert domain["DomainEndpointOptions"]["EnforceHTTPS"] is True
    assert domain["DomainEndpointOptions"]["TLSSecurityPolicy"].startswith("Policy-Min-TLS-1-2")


def test_the_api_has_exactly_the_documented_routes() -> None:
    paths = RESOURCES["SearchApi"]["Properties"]["DefinitionBody"]["paths"]
    gets = sorted(path for path, methods in paths.items() if "get" in methods)
    assert gets == ["/articles/{id}", "/docs", "/facets/{dimension}", "/health", "/openapi.json", "/search"]


def test_alarms_watch_the_dead_letter_queue_and_both_functions() -> None:
    alarms = [
        resource["Properties"]
        for resource in RESOURCES.values()
        if resource["Type"] == "AWS::CloudWatch::Alarm"
    ]
    watched = {
        dimension["Value"]["Fn::Ref"] if "Fn::Ref" in dimension["Value"] else dimension["Value"]["Fn::GetAtt"]
        for alarm in alarms
        for dimension in alarm["Dimensions"]
    }
    assert watched == {"IngestFunction", "SearchFunction", "IngestDeadLetterQueue.QueueName"}
    assert set(TEMPLATE["Outputs"]) >= {"ArticlesBucketName", "ApiUrl"}
