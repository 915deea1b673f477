"""Benchmark of public pages under load: gunicorn with 2 workers, as in production, and wrk on the same machine.

    python bench/public.py                              # SQLite, 20 seconds per address, 16 connections
    python bench/public.py --database postgres --redis  # PostgreSQL (BENCH_POSTGRES_URL's server), Redis as the cache
    python bench/public.py --seconds 1                  # the test suite's smoke run

It builds a fresh database with the demo, collects the static files and starts gunicorn (gunicorn.conf.py: 2 workers with 2
threads each, the production settings, persistent database connections). Then, for each address, it warms
the page and lets wrk (Debian package `wrk`) request it for --seconds over --connections connections: a step
page, the examples index, a search, and the step page's own bytes as a static file served by the same server
(WhiteNoise): the ceiling no page can pass. It does so --rounds times, address after address, and reports the
median round of each: how gunicorn's workers happen to share the connections varies from run to run. One
JSON line on stdout: requests/s, p50 and p99 per address, the step page's share of the ceiling, and each
worker's peak resident memory (VmHWM) after the load.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import database_url, manage, peak_memory_mb, production_env  # noqa: E402  (after the path is set)
from tests.server import start_server  # noqa: E402

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def prepare(kind: str, static_root: Path, redis: bool) -> dict:
    env = production_env(database_url(kind, True, "bench_public"), static_root)
    if redis:
        env["REDIS_URL"] = "redis://127.0.0.1:6379/14"
    manage(env, ["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"])
    return env


def step_page(base_url: str) -> str:
    index = urllib.request.urlopen(f"{base_url}/stappenplan/", timeout=30).read().decode()
    return re.search(r'href="(/stappenplan/stap-3[^"]*)"', index).group(1)


def wrk(url: str, seconds: int, connections: int) -> dict:
    def load(duration):
        command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    load(max(1, seconds // 10))  # warm both workers: templates compiled, page in the cache, connections open
    output = load(seconds)
    # wrk's latency distribution: "     99%  412.05ms", in us, ms, s or m, with or without trailing spaces.
    latency = {
        percentile: round(float(number) * UNITS[unit], 2)
        for percentile, number, unit in re.findall(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
    }
    if set(latency) != {"50", "99"}:
        sys.exit(f"wrk printed no latency distribution for {url}:\n{output}")

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": latency["50"],
        "p99_ms": latency["99"],
        "errors": int(errors.group(1)) if errors else 0,
    }


def median_round(measured: list[dict]) -> dict:
    """The round with the median requests/s, and the spread of all rounds: one machine's load is not steady."""
    ordered = sorted(measured, key=lambda result: result["requests_per_s"])
    return {**ordered[len(ordered) // 2], "requests_per_s_rounds": [result["requests_per_s"] for result in measured]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--redis", action="store_true", help="Redis (127.0.0.1:6379, database 14) as the shared cache")
    parser.add_argument("--seconds", type=int, default=20, help="load per address")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3,
                        help="measure every address this many times, in turn, and report the median round")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")

    with tempfile.TemporaryDirectory() as folder:
        static_root = Path(folder) / "static"
        env = prepare(options.database, static_root, options.redis)
        process, base_url = start_server(env["DATABASE_URL"], env)
        try:
            step = step_page(base_url)
            # The same bytes as a static file: WhiteNoise indexes STATIC_ROOT when the server starts.
            (static_root / "bench").mkdir()
            (static_root / "bench" / "step.html").write_bytes(urllib.request.urlopen(base_url + step, timeout=30).read())
        finally:
            process.terminate()
            process.wait(timeout=10)
        process, base_url = start_server(env["DATABASE_URL"], env)
        try:
            addresses = {"step_page": step, "examples_index": "/voorbeelden/", "search": "/zoeken/?q=armoede",
                         "static_ceiling": "/static/bench/step.html"}
            rounds = {name: [] for name in addresses}
            for _ in range(options.rounds):
                for name, path in addresses.items():
                    rounds[name].append(wrk(base_url + path, options.seconds, options.connections))
            results = {name: median_round(measured) for name, measured in rounds.items()}
            memory = peak_memory_mb(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=10)
    ceiling = results["static_ceiling"]["requests_per_s"]
    print(json.dumps({
        "benchmark": "public", "database": options.database, "cache": "redis" if options.redis else "local memory",
        "seconds": options.seconds, "connections": options.connections, **results,
        "step_page_share_of_ceiling": round(results["step_page"]["requests_per_s"] / ceiling, 2) if ceiling else None,
        "search_share_of_ceiling": round(results["search"]["requests_per_s"] / ceiling, 2) if ceiling else None,
        "worker_peak_rss_mb": memory,
    }))


if __name__ == "__main__":
    main()
