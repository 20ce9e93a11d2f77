"""How `OpenSearchStore.from_settings` authenticates, and that the client stays out of light imports.

No cluster needed: SigV4 is checked by signing a request and reading the signature's scope.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from newsfacet.config import InvalidSetting, Settings
from newsfacet.store.opensearch.connection import http_auth as _auth
from newsfacet.store.opensearch.store import OpenSearchConfigError, OpenSearchStore


@pytest.fixture
def aws_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    monkeypatch.delenv("AWS_PROFILE", raising=False)


def signed_scope(auth: object, url: str) -> str:
    """The credential scope ("<date>/<region>/<service>/aws4_request") SigV4 put on a request."""
    headers = auth("GET", url, None)  # type: ignore[operator]
    authorization: str = headers["Authorization"]
    credential = authorization.split("Credential=")[1].split(",", maxsplit=1)[0]
    return credential.split("/", 2)[2]


@pytest.mark.usefixtures("aws_credentials")
@pytest.mark.parametrize(
    ("host", "region", "scope"),
    [
        ("search-news-abc.eu-west-1.es.amazonaws.com", None, "eu-west-1/es/aws4_request"),
        ("abc123.us-east-1.aoss.amazonaws.com", None, "us-east-1/aoss/aws4_request"),
        ("vpc-news-abc.eu-central-1.es.amazonaws.com", "eu-central-1", "eu-central-1/es/aws4_request"),
    ],
)
def test_auto_signs_aws_hosts_with_sigv4_for_the_right_service_and_region(host, region, scope) -> None:  # type: ignore[no-untyped-def]
    auth = _auth(Settings(store=f"https://{host}", aws_region=region), host)
    assert signed_scope(auth, f"https://{host}/articles/_search").endswith(scope)


@pytest.mark.usefixtures("aws_credentials")
def test_explicit_sigv4_on_a_custom_endpoint_needs_a_region() -> None:
    with pytest.raises(OpenSearchConfigError, match="region"):
        _auth(Settings(store="https://search.example.org", opensearch_auth="sigv4-es"), "search.example.org")
    auth = _auth(
        Settings(store="https://search.example.org", opensearch_auth="sigv4-aoss", aws_region="ap-south-1"),
        "search.example.org",
    )
    assert signed_scope(auth, "https://search.example.org/_search").endswith("ap-south-1/aoss/aws4_request")


def test_local_hosts_use_no_auth_or_basic_auth() -> None:
    assert _auth(Settings(store="http://127.0.0.1:9200"), "127.0.0.1") is None
    basic = Settings(store="http://127.0.0.1:9200", opensearch_username="admin", opensearch_password="s3cret")
    assert _auth(basic, "127.0.0.1") == ("admin", "s3cret")
    with pytest.raises(OpenSearchConfigError, match="basic auth"):
        _auth(Settings(store="http://x:9200", opensearch_auth="basic", opensearch_username="admin"), "x")


def test_an_unknown_auth_mode_is_refused_where_the_settings_are_read_naming_the_variable() -> None:
    environ = {"NEWSFACET_STORE": "http://x:9200", "NEWSFACET_OPENSEARCH_AUTH": "kerberos"}
    refusal = r"^NEWSFACET_OPENSEARCH_AUTH: 'kerberos' is not accepted: "
    with pytest.raises(InvalidSetting, match=refusal) as refused:
        Settings.from_env(environ)
    assert "sigv4-aoss" in str(refused.value) and "pydantic" not in str(refused.value)
    with pytest.raises(ValueError, match="opensearch_auth"):
        Settings(store="http://x:9200", opensearch_auth="kerberos")  # type: ignore[arg-type]


@pytest.mark.parametrize("alias", ["", "Articles", "a*", "a,b", "a b"])
def test_an_unusable_alias_is_a_configuration_error(alias: str) -> None:
    with pytest.raises(OpenSearchConfigError):
        OpenSearchStore.from_settings(Settings(store="http://127.0.0.1:9200", index_alias=alias))


def test_the_client_is_built_lazily_and_only_the_adapter_imports_it() -> None:
    code = (
        "import sys\n"
        "from newsfacet.config import Settings\n"
        "from newsfacet.store import open_store\n"
        "import newsfacet.store.opensearch.query\n"
        "assert 'opensearchpy' not in sys.modules, 'imported too early'\n"
        "store = open_store(Settings(store='http://127.0.0.1:9'))\n"
        "assert 'opensearchpy' in sys.modules\n"
        "assert store._connection._client_instance is None, 'client built before first use'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
