"""What the benchmarks share: a fresh database of either kind, Django set up on it, percentiles, worker memory."""

import math
import os
import re
import statistics
import tempfile
from pathlib import Path


def database_url(kind: str, fresh: bool, name: str) -> str:
    """A SQLite file in the temp folder, or a PostgreSQL database (BENCH_POSTGRES_URL's server)."""
    if kind == "sqlite":
        path = Path(tempfile.gettempdir()) / f"{name}.sqlite3"
        if fresh:  # with the journal files, which would not match a new database
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    server = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/x").rsplit("/", 1)[0]
    if fresh:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def setup_django(url: str, fresh: bool, **demo_options):
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()
    if fresh:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0, **demo_options)


def percentiles(timings: list[float]) -> dict:
    timings = sorted(timings)
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[math.ceil(len(timings) * 0.95) - 1], 1),  # nearest rank
        "p99_ms": round(timings[math.ceil(len(timings) * 0.99) - 1], 1),
        "max_ms": round(timings[-1], 1),
    }


def peak_memory_mb(master_pid: int) -> list[float]:
    """VmHWM of each gunicorn worker: the most memory it held at any moment."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(round(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024, 1))
    return peaks
