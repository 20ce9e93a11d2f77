"""The promises template.yaml makes, checked on the template itself.

cfn-lint and checkov (`make infra-lint`) check CloudFormation in general; these check our choices:
retry budget, timeouts, a first deploy in a fresh account, data kept or deleted as asked, an API
that can face the world. Least privilege has its own module (test_least_privilege.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.deploy.cfn import read_template

ROOT = Path(__file__).resolve().parents[2]


TEMPLATE = read_template(ROOT / "template.yaml")
RESOURCES: dict[str, Any] = TEMPLATE["Resources"]


def test_a_message_outlives_a_slow_batch_and_is_tried_five_times() -> None:
    queue = RESOURCES["IngestQueue"]["Properties"]
    function = RESOURCES["IngestFunction"]["Properties"]
    source = function["Events"]["Uploads"]["Properties"]
    assert queue["VisibilityTimeout"] >= 6 * function["Timeout"] + source["MaximumBatchingWindowInSeconds"]
    assert queue["RedrivePolicy"]["maxReceiveCount"] == 5
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {"Fn::GetAtt": "IngestDeadLetterQueue.Arn"}
    assert source["FunctionResponseTypes"] == ["ReportBatchItemFailures"]


def test_ingest_concurrency_is_capped_by_one_parameter() -> None:
    """The SQS source's maximum concurrency caps ingest on any account; the reservation (which a
    quota of 10 cannot afford) is optional and uses the same number."""
    function = RESOURCES["IngestFunction"]["Properties"]
    cap = {"Ref": "IngestConcurrency"}
    assert function["Events"]["Uploads"]["Properties"]["ScalingConfig"]["MaximumConcurrency"] == cap
    assert function["ReservedConcurrentExecutions"] == {
        "Fn::If": ["ReserveConcurrency", cap, {"Ref": "AWS::NoValue"}]
    }


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
    assert gets == [
        "/alerts",
        "/articles/{id}",
        "/articles/{id}/related",
        "/docs",
        "/facets/{dimension}",
        "/health",
        "/openapi.json",
        "/search",
        "/stories/{id}",
        "/trends/{dimension}",
    ]
    assert (list(paths["/alerts"]), list(paths["/alerts/{id}"])) == (
        ["get", "post", "options"],
        ["delete", "options"],
    )


def test_alarms_watch_the_dead_letter_queue_and_every_function() -> None:
    alarms = [
        resource["Properties"]
        for resource in RESOURCES.values()
        if resource["Type"] == "AWS::CloudWatch::Alarm"
    ]
    watched = {
        dimension["Value"]["Ref"] if "Ref" in dimension["Value"] else dimension["Value"]["Fn::GetAtt"]
        for alarm in alarms
        for dimension in alarm["Dimensions"]
    }
    functions = {
        name for name, resource in RESOURCES.items() if resource["Type"] == "AWS::Serverless::Function"
    }
    assert functions == {"IngestFunction", "SearchFunction", "ReconcileFunction"}
    assert watched == functions | {"IngestDeadLetterQueue.QueueName"}
    assert set(TEMPLATE["Outputs"]) >= {"ArticlesBucketName", "ApiUrl"}


def test_data_resources_follow_one_deletion_parameter() -> None:
    policy = {"Ref": "DataDeletionPolicy"}
    for name in ("ArticlesBucket", "RejectionsTable", "SearchDomain", "SearchCollection"):
        assert RESOURCES[name]["DeletionPolicy"] == policy, name
        assert RESOURCES[name]["UpdateReplacePolicy"] == policy, name
    assert TEMPLATE["Parameters"]["DataDeletionPolicy"]["AllowedValues"] == ["Retain", "Delete"]
    assert "AWS::LanguageExtensions" in TEMPLATE["Transform"]  # what lets DeletionPolicy take a Ref


def test_the_api_stage_waits_for_the_account_logging_role_when_the_stack_sets_it() -> None:
    assert RESOURCES["SearchApi"]["DependsOn"] == "ApiGatewayLoggingReady"
    ready = RESOURCES["ApiGatewayLoggingReady"]
    assert ready["Metadata"]["AccountSetting"]["Fn::If"][:2] == [
        "SetApiGatewayRole",
        {"Ref": "ApiGatewayAccount"},
    ]
    # the region-wide setting outlives the stack, and so must the role it names
    assert RESOURCES["ApiGatewayLoggingRole"]["DeletionPolicy"] == "Retain"


def test_reserved_concurrency_is_optional_so_a_quota_of_ten_deploys() -> None:
    for function, size in (("IngestFunction", "IngestConcurrency"), ("SearchFunction", "SearchConcurrency")):
        reserved = RESOURCES[function]["Properties"]["ReservedConcurrentExecutions"]
        assert reserved == {"Fn::If": ["ReserveConcurrency", {"Ref": size}, {"Ref": "AWS::NoValue"}]}
    reserved = RESOURCES["ReconcileFunction"]["Properties"]["ReservedConcurrentExecutions"]
    assert reserved == {"Fn::If": ["ReserveConcurrency", 1, {"Ref": "AWS::NoValue"}]}
    assert TEMPLATE["Parameters"]["ReserveConcurrency"]["Default"] == "false"


def test_parameter_pairs_are_tied_by_rules() -> None:
    rules = TEMPLATE["Rules"]
    assert rules["ExistingSearchEngineNeedsItsArn"]["Assertions"][0]["Assert"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "OpenSearchArn"}, ""]}]
    }
    assert rules["CreatedSearchEngineTakesNoArn"]["Assertions"][0]["Assert"] == {
        "Fn::Equals": [{"Ref": "OpenSearchArn"}, ""]
    }
    assert "SubnetsNeedSecurityGroups" in rules and "ServerlessInVpcNeedsTheVpc" in rules


def test_api_gateway_errors_carry_cors_headers_and_every_get_has_one_guard() -> None:
    body = RESOURCES["SearchApi"]["Properties"]["DefinitionBody"]
    responses = body["x-amazon-apigateway-gateway-responses"]
    for kind in ("DEFAULT_4XX", "DEFAULT_5XX"):
        assert "gatewayresponse.header.Access-Control-Allow-Origin" in responses[kind]["responseParameters"]
    guards = [
        operation["security"]
        for methods in body["paths"].values()
        for method, operation in methods.items()
        if method != "options"
    ]
    assert all(guard == guards[0] for guard in guards)  # one anchor: no route left unguarded
    assert [methods["options"]["security"] for methods in body["paths"].values() if "options" in methods] == [
        []
    ] * 8


def test_reconcile_runs_hourly_and_each_run_ends_before_the_next() -> None:
    function = RESOURCES["ReconcileFunction"]["Properties"]
    assert function["Events"]["Hourly"]["Properties"]["ScheduleExpression"] == "rate(1 hour)"
    assert function["Timeout"] < 3600
    assert function["Role"] == {"Fn::GetAtt": "ReconcileRole.Arn"}


def test_cursors_are_signed_with_a_key_generated_per_stack_and_only_search_gets_it() -> None:
    """A deployed stack never falls back to the key derived from the store URL (anyone could)."""
    secret = RESOURCES["CursorSigningKey"]
    assert secret["Type"] == "AWS::SecretsManager::Secret"
    assert secret["Properties"]["GenerateSecretString"]["PasswordLength"] >= 32
    functions = {
        name: body["Properties"].get("Environment", {}).get("Variables", {})
        for name, body in RESOURCES.items()
        if body["Type"] == "AWS::Serverless::Function"
    }
    holders = {name for name, variables in functions.items() if "NEWSFACET_CURSOR_KEY" in variables}
    assert holders == {"SearchFunction"}
    assert functions["SearchFunction"]["NEWSFACET_CURSOR_KEY"] == {
        "Fn::Sub": "{{resolve:secretsmanager:${CursorSigningKey}:SecretString}}"
    }
    assert "NEWSFACET_CURSOR_KEY" not in TEMPLATE["Globals"]["Function"]["Environment"]["Variables"]


def test_alerts_get_a_topic_an_optional_email_and_no_webhooks_on_aws() -> None:
    from tests.deploy.cfn import Resolver

    attributes = {"AlertsTopic": "arn:aws:sns:eu-west-1:1:alerts"}
    plain = Resolver(TEMPLATE, {}, attributes)
    assert plain.exists("AlertsTopic") and not plain.exists("AlertsEmailSubscription")
    environment = plain.resolve(TEMPLATE["Globals"]["Function"]["Environment"]["Variables"])
    assert environment["NEWSFACET_ALERTS"] == "true"
    assert environment["NEWSFACET_ALERTS_TOPIC_ARN"] == attributes["AlertsTopic"]
    assert environment["NEWSFACET_ALERT_WEBHOOKS"] == "false"
    emailed = Resolver(TEMPLATE, {"AlertEmail": "desk@news.example"}, attributes)
    subscription = emailed.resolve(RESOURCES["AlertsEmailSubscription"]["Properties"])
    assert subscription == {
        "TopicArn": attributes["AlertsTopic"],
        "Protocol": "email",
        "Endpoint": "desk@news.example",
    }
    # Serverless has no percolator here: no topic, alerts off.
    serverless = Resolver(
        TEMPLATE, {"OpenSearchKind": "serverless", "AlertEmail": "desk@news.example"}, attributes
    )
    assert not serverless.exists("AlertsTopic") and not serverless.exists("AlertsEmailSubscription")
    off = serverless.resolve(TEMPLATE["Globals"]["Function"]["Environment"]["Variables"])
    assert (off["NEWSFACET_ALERTS"], off["NEWSFACET_ALERTS_TOPIC_ARN"]) == ("false", "")
