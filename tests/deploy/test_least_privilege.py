"""Least privilege, read from template.yaml and checked against what the code calls.

For each way of deploying (a created or an existing domain, a created or an existing Serverless
collection, with or without a VPC), the template is resolved as CloudFormation would and each
function role's permissions are compared with its code's needs, in both directions: every call is
allowed, and every grant is used by some call.

- OpenSearch: the store methods each function's code calls (read from `newsfacet/ingest/` with
  `newsfacet/stories.py`, and `newsfacet/api.py`) are run on the real node with every HTTP request
  recorded, and the reconcile itself runs there (`newsfacet/reconcile.py`); each request is a
  (method -> es:ESHttp<Method>, path -> resource) the role must allow, and on Serverless a data
  access permission the collection's policy must grant that role.
- AWS APIs: the boto3 operations each function's module calls, and those of the rejection log
  methods it calls, are read from the sources and mapped to IAM actions below; the SQS event
  source and logging add theirs.
"""

from __future__ import annotations

import fnmatch
import inspect
import json
import re
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from newsfacet.alerts import DeliveryRecord, new_alert
from newsfacet.config import Settings
from newsfacet.model import Dimension, SearchQuery
from newsfacet.objects.base import Bucket
from newsfacet.objects.s3 import S3Bucket, S3ObjectSource
from newsfacet.reconcile import ReconcileReport, reconcile
from newsfacet.rejections import RejectionLog
from newsfacet.rejections.dynamodb import DynamoDBRejectionLog
from newsfacet.rejections.sqlite import SQLiteRejectionLog
from newsfacet.store.base import ArticleStore, PutArticle, ReleaseHold
from newsfacet.store.opensearch.alerts import OpenSearchAlertStore
from newsfacet.store.opensearch.store import OpenSearchStore

from scripts.package import ROOT
from tests.deploy.cfn import ACCOUNT, REGION, Resolver, read_template
from tests.integration.opensearch_calls import Call, record_calls
from tests.integration.test_opensearch_writes import article

TEMPLATE = read_template(ROOT / "template.yaml")
SHARED = ROOT / "shared" / "newsfacet"
DOMAIN_ARN = f"arn:aws:es:{REGION}:{ACCOUNT}:domain/news"
COLLECTION_ARN = f"arn:aws:aoss:{REGION}:{ACCOUNT}:collection/abc123"
ATTRIBUTES = {
    "SearchDomain.Arn": DOMAIN_ARN,
    "SearchCollection.Arn": COLLECTION_ARN,
    "IngestRole.Arn": f"arn:aws:iam::{ACCOUNT}:role/ingest",
    "SearchRole.Arn": f"arn:aws:iam::{ACCOUNT}:role/search",
    "ReconcileRole.Arn": f"arn:aws:iam::{ACCOUNT}:role/reconcile",
    "IngestRole": "ingest",
    "SearchRole": "search",
    "ReconcileRole": "reconcile",
    "IngestQueue.Arn": f"arn:aws:sqs:{REGION}:{ACCOUNT}:uploads",
    "ArticlesBucket.Arn": "arn:aws:s3:::articles",
    "RejectionsTable.Arn": f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/rejections",
    "IngestLogGroup.Arn": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/aws/lambda/ingest:*",
    "SearchLogGroup.Arn": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/aws/lambda/search:*",
    "ReconcileLogGroup.Arn": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/aws/lambda/reconcile:*",
}
DEPLOYMENTS = {
    "new domain": {},
    "existing domain": {"OpenSearchEndpoint": "https://search-news.example", "OpenSearchArn": DOMAIN_ARN},
    "new collection": {"OpenSearchKind": "serverless"},
    "existing collection": {
        "OpenSearchKind": "serverless",
        "OpenSearchEndpoint": "https://abc123.example",
        "OpenSearchArn": COLLECTION_ARN,
    },
    "new domain in a VPC": {"SubnetIds": "subnet-1,subnet-2", "SecurityGroupIds": "sg-1"},
}
FUNCTIONS = {
    "IngestRole": [*sorted((SHARED / "ingest").glob("*.py")), SHARED / "stories.py"],
    "SearchRole": [SHARED / "api.py"],
    "ReconcileRole": [SHARED / "reconcile.py"],
}
# The S3 adapter each function's domain module uses (boto3 lives in adapters, not in the domain).
S3_ADAPTERS: dict[str, list[type]] = {
    "IngestRole": [S3ObjectSource],
    "SearchRole": [],
    "ReconcileRole": [S3Bucket],
}

# boto3 operation the code calls (directly or through a paginator) -> the IAM actions it needs.
BOTO3_ACTIONS = {
    "get_object": {"s3:GetObject", "s3:GetObjectVersion"},  # GetObjectVersion: with a VersionId
    "list_objects_v2": {"s3:ListBucket"},
    "send_message": {"sqs:SendMessage"},
    "put_item": {"dynamodb:PutItem"},
    "query": {"dynamodb:Query"},
    "delete_item": {"dynamodb:DeleteItem"},
    "scan": {"dynamodb:Scan"},
}
# What else each role needs.
ALWAYS = {
    # S3 answers 403 instead of 404 for a deleted key without it: the ingest tells them apart.
    "IngestRole": {"s3:ListBucket", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"},
    "SearchRole": set(),
    "ReconcileRole": set(),
}
# With alerts (not on Serverless): ingest publishes each match to the topic (newsfacet.alerts.delivery).
ALERTS = {"IngestRole": {"sns:Publish"}, "SearchRole": set(), "ReconcileRole": set()}
LOGGING = {"logs:CreateLogStream", "logs:PutLogEvents"}
XRAY_POLICY = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
VPC_POLICY = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
# Serverless data access permission of each request (what the collection's policy must grant).
AOSS_PERMISSIONS = [
    (r"HEAD /[^/_][^/]*$", "aoss:DescribeIndex"),
    (r"PUT /[^/_][^/]*$", "aoss:CreateIndex"),
    (r"POST /[^/]+/_bulk$", "aoss:WriteDocument"),
    (r"(GET|POST) /[^/]+/_search$", "aoss:ReadDocument"),
    (r"GET /[^/]+/_doc/[^/]+$", "aoss:ReadDocument"),
    (r"(GET|POST) /[^/]+/_mget$", "aoss:ReadDocument"),
    (r"(GET|POST) /[^/]+/_msearch$", "aoss:ReadDocument"),
]


def source_text(role: str) -> str:
    """The code of a function's domain modules."""
    return "\n".join(path.read_text() for path in FUNCTIONS[role])


def store_methods(role: str) -> set[str]:
    """The `ArticleStore` methods a function's domain modules call on their store."""
    called = set(re.findall(r"(?:\bstore\(\)|\bstore|_store)\.(\w+)\(", source_text(role)))
    port = {name for name in vars(ArticleStore) if not name.startswith("_")} - {"close"}  # sends nothing
    return called & port


def boto3_operations(source: str) -> set[str]:
    """The boto3 operations called on a client (`_client`, `_s3`, `_sqs`), or paginated."""
    called = set(re.findall(r"(?:_client|_s3|_sqs)\.(\w+)\(", source)) - {"get_paginator"}
    return called | set(re.findall(r"get_paginator\(\"(\w+)\"\)", source))


def aws_actions(role: str) -> set[str]:
    """The IAM actions (outside OpenSearch) a function's module needs: its own boto3 calls, those of
    the S3 adapter it uses and those of the DynamoDB rejection log methods it calls."""
    text = source_text(role)
    log_methods = set(re.findall(r"\b_?rejections\.(\w+)\(", text)) & set(RejectionLog.__abstractmethods__)
    operations = boto3_operations(text)
    for adapter in S3_ADAPTERS[role]:
        operations |= boto3_operations(inspect.getsource(adapter))
    for method in log_methods:
        operations |= boto3_operations(inspect.getsource(getattr(DynamoDBRejectionLog, method)))
    assert operations <= set(BOTO3_ACTIONS), operations - set(BOTO3_ACTIONS)
    return {action for name in operations for action in BOTO3_ACTIONS[name]}


def exercise(store: OpenSearchStore, methods: set[str], version: int = 1) -> None:
    """Call each store method the way the functions do, from an empty store (an upload's article
    written, then found by its origin, as a warm ingest's next event does), or with articles at
    `version` on the store an earlier call left. Ingest writes with `write_batch` (puts and
    releases in one bulk request); other code may `upsert`."""
    query = SearchQuery(q="truce", date_from=date(2024, 1, 1))
    calls = {
        "upsert": lambda: store.upsert([article(1, version=version), article(2, version=version)]),
        "write_batch": lambda: store.write_batch(
            [
                *(PutArticle(article=article(number, version=version)) for number in (1, 2, 3)),
                ReleaseHold(article_id="w003", version=version + 1, bucket="uploads", key="truce/3.html"),
            ]
        ),
        "find_by_origin": lambda: store.find_by_origin("uploads", "truce/1.html"),
        "find_by_origin_batch": lambda: store.find_by_origin_batch(
            [("uploads", "truce/1.html"), ("uploads", "truce/2.html")]
        ),
        "story_candidates": lambda: store.story_candidates(article(4), 50),
        "story_candidates_batch": lambda: store.story_candidates_batch([article(4), article(5)], 50),
        "delete": lambda: store.delete("w002", 2, "uploads", "truce/2.html"),
        "search": lambda: store.search(query),
        "get": lambda: store.get("w001"),
        "facet_values": lambda: store.facet_values(Dimension.ACTOR, "ha", query),
        "histogram": lambda: store.histogram(query, "month"),
    }
    assert methods <= set(calls), methods - set(calls)
    for name, call in calls.items():
        if name in methods:
            call()


def exercise_alerts(writer: OpenSearchStore, reader: OpenSearchStore) -> OpenSearchAlertStore:
    """What the alert routes (search function) and the notifier (ingest) ask of the alert store."""
    saved = OpenSearchAlertStore(reader)
    alert = new_alert("key:k1", SearchQuery(q="truce"), "sns")
    saved.save(alert)
    saved.alerts_of("key:k1")
    notifier = OpenSearchAlertStore(writer)
    for found, new in notifier.match([article(3)]):
        assert notifier.claim(found.id, new.id)
        notifier.record(DeliveryRecord(alert_id=found.id, article_id=new.id, status="delivered", attempts=1))
    assert saved.delete("key:k1", alert.id)
    return saved


class EmptyBucket(Bucket):
    """The uploads bucket after every object was deleted and the removals were lost."""

    name = "uploads"

    def keys(self) -> Iterator[str]:
        return iter(())

    def requeue(self, key: str) -> None:
        raise AssertionError(f"nothing to re-enqueue, got {key}")


def run_reconcile(store: OpenSearchStore, tmp: Path) -> ReconcileReport:
    """The reconcile function's work on the index the ingest exercise left: the live articles whose
    objects are gone have their holds released (and are tombstoned); then the write index, which
    holds more than a byte, is rolled over (a domain only)."""
    assert store_methods("ReconcileRole") == {"live_holders", "delete", "roll_over_if_full"}
    return reconcile(EmptyBucket(), store, SQLiteRejectionLog(tmp / "rejections.db"), rollover_max_size="1b")


@pytest.fixture(scope="module")
def recorded(
    opensearch_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[tuple[str, bool], list[Call]]]:
    """(role, serverless?) -> the requests its code's store calls send, on the real node."""
    found: dict[tuple[str, bool], list[Call]] = {}
    for serverless in (False, True):
        alias = f"lp-{uuid.uuid4().hex[:10]}"
        settings = Settings(
            store=opensearch_url,
            index_alias=alias,
            opensearch_auth="none",
            opensearch_flavour="serverless" if serverless else "cluster",
        )
        writer = OpenSearchStore.from_settings(settings)
        reader = OpenSearchStore.from_settings(settings)
        reconciler = OpenSearchStore.from_settings(settings)
        writes, reads, repairs = record_calls(writer), record_calls(reader), record_calls(reconciler)
        exercise(writer, store_methods("IngestRole"))
        exercise(reader, store_methods("SearchRole"))
        alerts = None if serverless else exercise_alerts(writer, reader)  # off on Serverless
        reconciler.client.indices.refresh(index=alias)  # what the next hour's run would see
        repairs.clear()
        report = run_reconcile(reconciler, tmp_path_factory.mktemp("reconcile"))
        assert report.orphaned == ["w001 <- truce/1.html"]
        assert report.rolled_over_to == (None if serverless else f"{alias}-v2")
        if not serverless:  # the same work once the alias spans two indices
            exercise(writer, store_methods("IngestRole"), version=3)
            exercise(reader, store_methods("SearchRole"), version=3)
            next_hour = OpenSearchStore.from_settings(settings)  # each run opens its own store
            next_repairs = record_calls(next_hour)
            next_hour.client.indices.refresh(index=alias)
            next_repairs.clear()
            report = run_reconcile(next_hour, tmp_path_factory.mktemp("reconcile"))
            assert report.orphaned == ["w001 <- truce/1.html", "w002 <- truce/2.html"]
            assert report.rolled_over_to is None  # new versions went where their articles are: v2 is empty
            repairs.calls += next_repairs.calls
            next_hour.close()
        found["IngestRole", serverless] = renamed(writes.calls, alias)
        found["SearchRole", serverless] = renamed(reads.calls, alias)
        found["ReconcileRole", serverless] = renamed(repairs.calls, alias)
        writer.destroy()
        if alerts is not None:
            alerts.destroy()
        for store in (writer, reader, reconciler):
            store.close()
    yield found


def renamed(calls: list[Call], alias: str) -> list[Call]:
    """The calls as if made on the template's default IndexAlias, to compare with its policies."""
    return [Call(call.method, call.path.replace(alias, "articles"), call.params) for call in calls]


def role_policies(resolver: Resolver, role: str) -> tuple[list[dict[str, Any]], list[str]]:
    """(every statement the role holds, its managed policy ARNs), as deployed."""
    resources = TEMPLATE["Resources"]
    properties = resolver.resolve(resources[role]["Properties"])
    statements = [
        statement
        for policy in properties.get("Policies", [])
        for statement in policy["PolicyDocument"]["Statement"]
    ]
    for logical_id, resource in resources.items():
        if resource["Type"] == "AWS::IAM::RolePolicy" and resolver.exists(logical_id):
            policy = resolver.resolve(resource["Properties"])
            if policy["RoleName"] == ATTRIBUTES[role]:
                statements += policy["PolicyDocument"]["Statement"]
    return statements, properties.get("ManagedPolicyArns", [])


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def grants(statements: list[dict[str, Any]]) -> set[tuple[str, str]]:
    assert all(statement["Effect"] == "Allow" for statement in statements)
    return {
        (action, resource)
        for statement in statements
        for action in as_list(statement["Action"])
        for resource in as_list(statement["Resource"])
    }


def allows(granted: set[tuple[str, str]], action: str, resource: str) -> bool:
    return any(action == allowed and fnmatch.fnmatchcase(resource, pattern) for allowed, pattern in granted)


@pytest.mark.parametrize("deployment", list(DEPLOYMENTS))
@pytest.mark.parametrize("role", list(FUNCTIONS))
def test_each_role_may_do_exactly_what_its_code_calls(
    deployment: str, role: str, recorded: dict[tuple[str, bool], list[Call]]
) -> None:
    resolver = Resolver(TEMPLATE, DEPLOYMENTS[deployment], ATTRIBUTES)
    serverless = resolver.condition("UseServerless")
    statements, managed = role_policies(resolver, role)
    granted = grants(statements)
    for action, resource in granted:
        assert "*" not in action and resource != "*", (action, resource)

    needed: set[tuple[str, str]] = set()
    if serverless:
        needed.add(("aoss:APIAccessAll", COLLECTION_ARN))
    else:
        for call in recorded[role, False]:
            needed.add((f"es:ESHttp{call.method.title()}", DOMAIN_ARN + call.path))
    for call in needed:
        assert allows(granted, *call), f"{role} may not {call}"
    # ... and nothing more: every grant serves a recorded call or a need listed above
    other = {action for action, _ in granted if not action.startswith(("es:", "aoss:"))}
    alerts = ALERTS[role] if resolver.condition("UseAlerts") else set()
    assert other == ALWAYS[role] | alerts | LOGGING | aws_actions(role)
    for action, resource in granted - {grant for grant in granted if grant[0] in other}:
        assert any(
            action == needed_action and fnmatch.fnmatchcase(needed_resource, resource)
            for needed_action, needed_resource in needed
        ), f"{role} is granted {action} on {resource}, which no call uses"
    assert managed == ([XRAY_POLICY, VPC_POLICY] if resolver.condition("UseVpc") else [XRAY_POLICY])


def test_the_collection_grants_each_role_only_the_data_permissions_its_requests_need(
    recorded: dict[tuple[str, bool], list[Call]],
) -> None:
    resolver = Resolver(TEMPLATE, DEPLOYMENTS["new collection"], ATTRIBUTES)
    policy = json.loads(
        resolver.resolve(TEMPLATE["Resources"]["SearchCollectionDataAccess"]["Properties"])["Policy"]
    )
    for role in FUNCTIONS:
        needed = set()
        for call in recorded[role, True]:
            line = f"{call.method} {call.path}"
            permissions = [permission for pattern, permission in AOSS_PERMISSIONS if re.match(pattern, line)]
            assert permissions, f"{line}: not a request Serverless supports"
            needed.add(permissions[0])
        (entry,) = [entry for entry in policy if entry["Principal"] == [ATTRIBUTES[f"{role}.Arn"]]]
        (rule,) = entry["Rules"]
        assert rule["Resource"] == ["index/newsfacet/articles"]
        assert set(rule["Permission"]) == needed, role


def test_the_domain_trusts_only_the_function_roles_on_the_articles_paths(
    recorded: dict[tuple[str, bool], list[Call]],
) -> None:
    resolver = Resolver(TEMPLATE, DEPLOYMENTS["new domain"], ATTRIBUTES)
    statements = resolver.resolve(TEMPLATE["Resources"]["SearchDomain"]["Properties"])["AccessPolicies"][
        "Statement"
    ]
    for statement in statements:
        assert statement["Principal"] == {"AWS": [ATTRIBUTES[f"{role}.Arn"] for role in FUNCTIONS]}
    granted = grants(statements)
    domain_wide = f"arn:aws:es:{REGION}:{ACCOUNT}:domain/news"
    calls = [call for role in FUNCTIONS for call in recorded[role, False]]
    for call in calls:
        assert allows(granted, f"es:ESHttp{call.method.title()}", domain_wide + call.path), call
    assert {action for action, _ in granted} == {f"es:ESHttp{call.method.title()}" for call in calls}
    assert not allows(granted, "es:ESHttpDelete", domain_wide + "/articles-v1")
    assert not allows(granted, "es:ESHttpDelete", domain_wide + "/articles-alerts")
    assert not allows(granted, "es:ESHttpGet", domain_wide + "/_cat/indices")
