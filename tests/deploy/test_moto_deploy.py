"""The built template deployed with the real SAM CLI (`sam package`, `sam deploy`) against moto's
CloudFormation in server mode: as far as moto goes, a first deploy in an empty account works.

What it covers: the SAM CLI packages both layers and functions and creates and executes a change
set; CloudFormation's side (SAM transform via samtranslator, LanguageExtensions' DeletionPolicy)
expands the template; moto resolves every intrinsic function and condition and creates the stack's
S3 bucket, queues with their redrive policy, table, roles, both layers, functions (each with its
role and settings), SQS event source, log groups and REST API.
What it cannot: moto creates no OpenSearch domain or Serverless collection (so the stack uses an
existing domain's endpoint), no WAF, and only placeholders for role and queue policies, alarms, the
account setting, usage plan and key; it neither applies the bucket's notifications nor attaches
layers to functions (test_built_artifacts.py checks the built template's layers;
tests/integration/test_ingest_pipeline.py applies the notifications); it cannot import a REST API's
OpenAPI body, so the API's deployment and stage are left out of what moto deploys (`for_moto`). It
enforces neither IAM nor Rules nor quotas: cfn-lint, `sam validate --lint`, test_template.py and
test_least_privilege.py cover those.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from scripts.package import ROOT
from tests.deploy.cfn import read_template

TOOLS = ROOT / ".venv-tools" / "bin"
MOTO_SERVER = ROOT / ".venv" / "bin" / "moto_server"
REGION = "us-east-1"
PARAMETERS = {
    "OpenSearchEndpoint": "https://search-news-abc.us-east-1.es.amazonaws.com",
    "OpenSearchArn": "arn:aws:es:us-east-1:123456789012:domain/news",
    "ApiKeys": "true",
    "CorsOrigins": "https://news.example.org",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def moto_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A moto server and the environment that points AWS clients (SAM's too) at it."""
    port = free_port()
    log = (tmp_path_factory.mktemp("moto") / "moto.log").open("w")
    server = subprocess.Popen([str(MOTO_SERVER), "-p", str(port)], stdout=log, stderr=subprocess.STDOUT)
    # "localhost", not an IP: moto finds a change set's template in its S3 only by that host name.
    env = {
        **os.environ,
        "AWS_ENDPOINT_URL": f"http://localhost:{port}",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "SAM_CLI_TELEMETRY": "0",
    }
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield env
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def client(env: dict[str, str], service: str) -> Any:
    return boto3.client(
        service,
        endpoint_url=env["AWS_ENDPOINT_URL"],
        region_name=REGION,
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )


def run(command: list[str], env: dict[str, str], cwd: Path) -> None:
    completed = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, (completed.stdout + completed.stderr)[-4000:]


@pytest.fixture(scope="module")
def stack(built: Path, moto_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Package, expand and deploy the built template; the stack's description."""
    work = tmp_path_factory.mktemp("deploy")  # outside the repo: no samconfig.toml defaults
    client(moto_env, "s3").create_bucket(Bucket="deploy-artifacts")
    packaged, expanded = work / "packaged.yaml", work / "expanded.json"
    sam = str(TOOLS / "sam")
    run(
        [sam, "package", "--template-file", str(built / "template.yaml"), "--s3-bucket", "deploy-artifacts",
         "--output-template-file", str(packaged), "--region", REGION],
        moto_env,
        work,
    )  # fmt: skip
    translate = Path(__file__).with_name("sam_translate.py")
    run(
        [str(TOOLS / "python"), str(translate), str(packaged), json.dumps(PARAMETERS), str(expanded)],
        moto_env,
        work,
    )
    for_moto(expanded)
    overrides = [f"{name}={value}" for name, value in PARAMETERS.items()]
    run(
        [sam, "deploy", "--template-file", str(expanded), "--stack-name", "newsfacet", "--region", REGION,
         "--capabilities", "CAPABILITY_IAM", "--no-confirm-changeset", "--s3-bucket", "deploy-artifacts",
         "--parameter-overrides", *overrides],
        moto_env,
        work,
    )  # fmt: skip
    (described,) = client(moto_env, "cloudformation").describe_stacks(StackName="newsfacet")["Stacks"]
    return dict(described)


def for_moto(expanded: Path) -> None:
    """Leave out the API's deployment and stage, which moto cannot create without the API's body."""
    template = json.loads(expanded.read_text())
    resources = template["Resources"]
    left_out = {
        name
        for name, body in resources.items()
        if body["Type"] in ("AWS::ApiGateway::Deployment", "AWS::ApiGateway::Stage")
    }
    for name in left_out:
        del resources[name]
    for body in resources.values():
        depends = body.get("DependsOn")
        if depends is not None:
            remaining = [
                name for name in ([depends] if isinstance(depends, str) else depends) if name not in left_out
            ]
            if remaining:
                body["DependsOn"] = remaining
            else:
                del body["DependsOn"]
    expanded.write_text(json.dumps(template, separators=(",", ":")))


def physical(env: dict[str, str]) -> dict[str, str]:
    """Logical id -> physical id (or "") of what moto created for the stack; its placeholders for
    types it does not model carry no logical id."""
    stack = client(env, "cloudformation").describe_stack_resources(StackName="newsfacet")
    return {
        item["LogicalResourceId"]: item.get("PhysicalResourceId", "")
        for item in stack["StackResources"]
        if "LogicalResourceId" in item
    }


def test_the_stack_is_created_with_what_its_conditions_select(
    stack: dict[str, Any], moto_env: dict[str, str]
) -> None:
    assert stack["StackStatus"] == "CREATE_COMPLETE"
    created = set(physical(moto_env))
    assert {
        "ArticlesBucket",
        "IngestQueue",
        "IngestDeadLetterQueue",
        "RejectionsTable",
        "IngestRole",
        "SearchRole",
        "ReconcileRole",
        "IngestFunction",
        "SearchFunction",
        "ReconcileFunction",
        "IngestFunctionUploads",
        "IngestLogGroup",
        "SearchLogGroup",
        "ReconcileLogGroup",
        "SearchApi",
    } <= created
    assert {name for name in created if name.startswith(("IngestLayer", "SearchLayer"))}
    # an existing domain: nothing of a domain or collection is created; no WAF was asked for
    assert not {
        name for name in created if name.startswith(("SearchDomain", "SearchCollection", "SearchApiWebAcl"))
    }


def test_the_queue_feeds_the_ingest_function(stack: dict[str, Any], moto_env: dict[str, str]) -> None:
    ids = physical(moto_env)
    sqs = client(moto_env, "sqs")
    queue = sqs.get_queue_attributes(QueueUrl=ids["IngestQueue"], AttributeNames=["All"])["Attributes"]
    dead_letters = sqs.get_queue_attributes(
        QueueUrl=ids["IngestDeadLetterQueue"], AttributeNames=["QueueArn"]
    )
    assert json.loads(queue["RedrivePolicy"]) == {
        "deadLetterTargetArn": dead_letters["Attributes"]["QueueArn"],
        "maxReceiveCount": 5,
    }
    mappings = client(moto_env, "lambda").list_event_source_mappings(EventSourceArn=queue["QueueArn"])
    (mapping,) = mappings["EventSourceMappings"]
    assert mapping["FunctionArn"].endswith(ids["IngestFunction"])
    events = read_template(ROOT / "template.yaml")["Resources"]["IngestFunction"]["Properties"]["Events"]
    assert mapping["BatchSize"] == events["Uploads"]["Properties"]["BatchSize"] > 1


def test_each_function_runs_with_its_own_role_and_settings(
    stack: dict[str, Any], moto_env: dict[str, str]
) -> None:
    ids = physical(moto_env)
    lambdas = client(moto_env, "lambda")
    layers = {layer["LayerName"] for layer in lambdas.list_layers()["Layers"]}
    for function, layer, role, memory in (
        ("IngestFunction", "IngestLayer", "IngestRole", 2048),
        ("SearchFunction", "SearchLayer", "SearchRole", 512),
        ("ReconcileFunction", "SearchLayer", "ReconcileRole", 512),
    ):
        assert [name for name in layers if f"-{layer}" in name]
        configuration = lambdas.get_function_configuration(FunctionName=ids[function])
        assert (configuration["Runtime"], configuration["MemorySize"]) == ("python3.11", memory)
        assert configuration["Role"].endswith(f"/{ids[role]}")
        variables = configuration["Environment"]["Variables"]
        assert variables["NEWSFACET_STORE"] == PARAMETERS["OpenSearchEndpoint"]
        assert variables["NEWSFACET_OPENSEARCH_AUTH"] == "sigv4-es"
        assert variables["NEWSFACET_OPENSEARCH_FLAVOUR"] == "cluster"
        assert "ReservedConcurrentExecutions" not in lambdas.get_function_concurrency(
            FunctionName=ids[function]
        )


def test_the_api_exists_under_the_stack_name(stack: dict[str, Any], moto_env: dict[str, str]) -> None:
    (api,) = client(moto_env, "apigateway").get_rest_apis()["items"]
    assert api["name"] == "newsfacet-search"
    assert api["id"] == physical(moto_env)["SearchApi"]
