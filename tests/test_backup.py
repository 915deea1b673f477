"""A backup made with pg_dump restores with pg_restore into a new database that holds every row and serves
the site, as docs/deploy.md describes. Runs against the local PostgreSQL server whatever the suite's database."""

import os
import subprocess
import sys

import psycopg
import pytest

from tests.server import ROOT

SERVER = os.environ.get("BACKUP_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
SERVES = """
import django
django.setup()
from django.test import Client
from portal.models import User
client = Client()
assert client.get("/stappenplan/").status_code == 200
client.force_login(User.objects.get(email="beleid@velsen.example"))
assert client.get("/werkruimte/").status_code == 200
print("serves")
"""


def manage(url, *args):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=url)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True)


def row_counts(url) -> dict[str, int]:
    with psycopg.connect(url) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


@pytest.fixture
def databases():
    names = [f"backup_demo_{os.getpid()}", f"backup_restored_{os.getpid()}"]
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        for name in names:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{names[0]}"')
    yield [f"{SERVER}/{name}" for name in names]
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        for name in names:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_demo_database_survives_pg_dump_and_pg_restore(databases, tmp_path):
    original, restored = databases
    manage(original, "manage.py", "migrate", "--noinput")
    manage(original, "manage.py", "load_demo", "--demo-accounts")
    dump = tmp_path / "portal.dump"
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", original], check=True)
    subprocess.run(["createdb", f"--maintenance-db={SERVER}/postgres", restored.rsplit("/", 1)[1]], check=True)
    subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "--jobs=2", f"--dbname={restored}", str(dump)], check=True)

    before, after = row_counts(original), row_counts(restored)
    assert after == before
    assert before["participatie_response"] >= 94 and before["gemeenten_team"] == 2 and before["wagtailcore_page"] > 30
    assert "No planned migration operations" in manage(restored, "manage.py", "migrate", "--plan").stdout
    assert manage(restored, "-c", SERVES).stdout.strip() == "serves"
