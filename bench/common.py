"""What the benchmarks share: a fresh database of either kind, Django set up on it, a production server's environment,
percentiles, worker memory."""

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


def production_env(url: str, static_root: Path, **extra: str) -> dict:
    """The environment of a server with the production settings on this machine: plain HTTP on 127.0.0.1, static
    files collected into static_root (collect_static), persistent database connections."""
    from tests.server import PRODUCTION_ENV

    return {
        **PRODUCTION_ENV, "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(static_root), "DATABASE_URL": url, "CONN_MAX_AGE": "60", **extra,
    }


def manage(env: dict, *commands: list[str]) -> None:
    """Run manage.py commands in that environment, one after another; stop the benchmark on a failure."""
    import sys

    from tests.server import run

    for command in commands:
        result = run(["manage.py", *command], env)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)


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
