"""A real server and a real browser: gunicorn serves a freshly migrated demo database, Chromium visits it."""

import os
import subprocess
import sys

import environ
import psycopg
import pytest
from playwright.sync_api import sync_playwright

from tests.server import ROOT, start_server

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _server_database(tmp_path_factory) -> str:
    """SQLite file by default; a database of its own beside the test database on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp_path_factory.mktemp('server') / 'browser.sqlite3'}"
    config = environ.Env.db_url_config(url)
    name = f"{config['NAME']}_browser"
    admin = f"host={config['HOST']} port={config['PORT'] or 5432} user={config['USER']} dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def server_database(tmp_path_factory):
    url = _server_database(tmp_path_factory)
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=url)
    for command in (["migrate", "--noinput"], ["load_demo", "--demo-accounts"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    return url


@pytest.fixture(scope="session")
def mailbox(tmp_path_factory):
    """The folder the server writes its e-mails to, one file per message."""
    return tmp_path_factory.mktemp("mailbox")


@pytest.fixture(scope="session")
def base_url(server_database, mailbox):
    process, url = start_server(server_database, {"EMAIL_URL": f"filemail:///{mailbox}"})
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, base_url):
    context = browser.new_context(base_url=base_url)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


def axe_violations(page, impacts=("serious", "critical")):
    """Runs axe-core in the page; returns the violations of the given impacts."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": violation["id"], "impact": violation["impact"], "nodes": [node["target"] for node in violation["nodes"]]}
        for violation in results["violations"]
        if violation["impact"] in impacts
    ]
