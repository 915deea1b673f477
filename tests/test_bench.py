"""The benchmarks keep working: a short smoke run of each. Their timings are recorded in bench/README.md."""

import json
import os
import subprocess
import sys

import pytest

from tests.server import ROOT

pytestmark = pytest.mark.bench


def benchmark(*args: str, sqlite: bool = False) -> tuple[dict, str]:
    """Run a benchmark command: its report (the JSON on its last line) and what it wrote to stderr.
    With sqlite, on SQLite whatever database the suite runs on."""
    env = {**os.environ, "DATABASE_URL": ""} if sqlite else None
    result = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


def test_search_benchmark_runs():
    report, _stderr = benchmark("bench/search.py", "--documents", "20", "--requests", "8")
    assert report["documents"] == 20 and report["requests"] == 8
    assert report["p50_ms"] <= report["p95_ms"] <= report["max_ms"]


def test_workspace_benchmark_runs():
    report, _stderr = benchmark("bench/workspace.py", "--versions", "2", "--rows", "2", "--requests", "2", "--exports", "1")
    assert report["rows"] == 2 and report["answers"] > 50
    for name in ("overview", "worksheet_step_6", "history", "autosave", "export_pdf", "export_docx"):
        assert report[name]["p50_ms"] <= report[name]["p95_ms"] <= report[name]["max_ms"]


def test_survey_benchmark_runs():
    report, _stderr = benchmark("bench/survey.py", "--classes", "2", "--children", "3", "--seconds", "4", "--doubles", "0.5")
    assert report["children"] == 6 and report["stored"] == 6
    assert report["lost"] == 0 and report["doubled"] == 0
    assert report["submissions"] == 6 + report["double_taps"]
    assert report["p50_ms"] <= report["p99_ms"] <= report["max_ms"]


def test_analysis_benchmark_runs():
    report, stderr = benchmark("bench/analysis.py", "--responses", "200", "--indicators", "3", "--repeat", "2",
                               "--changes", "2", "--profile", sqlite=True)
    assert report["responses"] == 200 and report["runs"] == 3 and report["indicators"] == 3
    assert report["answers"] > 200 * 10
    assert report["first"]["queries"] > 0
    for name in ("after_responses", "after_figure", "warm"):
        assert report[name]["queries"] and report[name]["p50_ms"] <= report[name]["p95_ms"] <= report[name]["max_ms"]
    for name in ("warm", "after new responses", "after a changed figure"):
        assert f"cProfile of one {name} render" in stderr


def test_public_pages_benchmark_runs():
    report, _stderr = benchmark("bench/public.py", "--seconds", "1", "--connections", "4", "--rounds", "1", sqlite=True)
    for name in ("step_page", "examples_index", "search", "static_ceiling"):
        assert report[name]["requests_per_s"] > 0 and report[name]["errors"] == 0, (name, report[name])
        assert report[name]["p50_ms"] <= report[name]["p99_ms"]
    assert len(report["worker_peak_rss_mb"]) == 2 and all(size > 0 for size in report["worker_peak_rss_mb"])


def test_survey_load_benchmark_runs():
    report, _stderr = benchmark("bench/survey_load.py", "--respondents", "3", "--seconds", "2", sqlite=True)
    assert report["completed"] > 0 and report["statuses"] == {"200": report["completed"]}
    assert report["stored"] == report["completed"] and report["lost"] == 0 and report["doubled"] == 0
    assert len(report["worker_peak_rss_mb"]) == 2 and all(size > 0 for size in report["worker_peak_rss_mb"])
