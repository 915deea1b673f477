"""The benchmarks keep working: a short smoke run of each. Their timings are recorded in bench/README.md."""

import json
import os
import subprocess
import sys

from tests.server import ROOT


def test_search_benchmark_runs():
    result = subprocess.run(
        [sys.executable, "bench/search.py", "--documents", "20", "--requests", "8"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["documents"] == 20 and report["requests"] == 8
    assert report["p50_ms"] <= report["p95_ms"] <= report["max_ms"]


def test_workspace_benchmark_runs():
    result = subprocess.run(
        [sys.executable, "bench/workspace.py", "--versions", "2", "--rows", "2", "--requests", "2", "--exports", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["rows"] == 2 and report["answers"] > 50
    for name in ("overview", "worksheet_step_6", "history", "autosave", "export_pdf", "export_docx"):
        assert report[name]["p50_ms"] <= report[name]["p95_ms"] <= report[name]["max_ms"]


def test_survey_benchmark_runs():
    result = subprocess.run(
        [sys.executable, "bench/survey.py", "--classes", "2", "--children", "3", "--seconds", "4", "--doubles", "0.5"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["children"] == 6 and report["stored"] == 6
    assert report["lost"] == 0 and report["doubled"] == 0
    assert report["submissions"] == 6 + report["double_taps"]
    assert report["p50_ms"] <= report["p99_ms"] <= report["max_ms"]


def test_analysis_benchmark_runs():
    result = subprocess.run(
        [sys.executable, "bench/analysis.py", "--responses", "200", "--indicators", "3", "--repeat", "2", "--changes", "2", "--profile"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "DATABASE_URL": ""},  # SQLite, whatever database the suite runs on
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["responses"] == 200 and report["runs"] == 3 and report["indicators"] == 3
    assert report["answers"] > 200 * 10
    assert report["first"]["queries"] > 0
    for name in ("after_responses", "after_figure", "warm"):
        assert report[name]["queries"] and report[name]["p50_ms"] <= report[name]["p95_ms"] <= report[name]["max_ms"]
    for name in ("warm", "after new responses", "after a changed figure"):
        assert f"cProfile of one {name} render" in result.stderr
