"""The local OpenSearch node's JVM options (`infrastructure/opensearch/node.py`), read without
starting Java."""

from __future__ import annotations

import pytest

from infrastructure.opensearch.node import NodeError, jvm_options

QUICK = "-XX:TieredStopAtLevel=1"


def test_a_local_node_compiles_with_the_client_compiler_only() -> None:
    # C2's compiler threads took more CPU per upload than all of OpenSearch's own threads on a node
    # started for the local stack or a test session (bench/ingest_rate.py).
    options = jvm_options("1g", "quick", {})
    assert QUICK in options
    assert "-Xmx1g" in options


def test_a_benchmark_of_a_long_lived_node_keeps_the_full_tiered_compiler() -> None:
    assert QUICK not in jvm_options("4g", "full", {})


def test_opensearch_java_opts_come_last_so_that_they_win() -> None:
    options = jvm_options("1g", "quick", {"OPENSEARCH_JAVA_OPTS": "-XX:TieredStopAtLevel=4  -Xmx2g"})
    assert options[-2:] == ["-XX:TieredStopAtLevel=4", "-Xmx2g"]
    assert options.index(QUICK) < options.index("-XX:TieredStopAtLevel=4")


def test_an_unknown_compiler_is_refused() -> None:
    with pytest.raises(NodeError, match="unknown compiler"):
        jvm_options("1g", "fast", {})
