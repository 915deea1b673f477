"""The search benchmark runs on the node too (a short smoke run; its figures are in bench/README.md)."""

import pytest

from tests.test_bench import benchmark

pytestmark = pytest.mark.bench


def test_search_benchmark_runs_on_the_node(node):
    report, _stderr = benchmark("bench/search.py", "--backend", "opensearch", "--documents", "20", "--requests", "8",
                                sqlite=True)
    assert report["engine"] == f"OpenSearch {node}" and report["indexing_s"] > 0
    assert report["p50_ms"] <= report["p95_ms"] <= report["max_ms"]
    assert report["database_backend"]["p50_ms"] > 0
