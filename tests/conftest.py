import os
import subprocess
import sys

import environ
import psycopg
import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from portal.models import HomePage
from search import statistics
from stappen.models import ContinuousStepPage, StepIndexPage, StepPage
from tests.server import ROOT


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once; each test then runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        call_command("load_demo", demo_accounts=True, verbosity=0)


@pytest.fixture(autouse=True)
def default_language():
    """Requests activate their language in the test's thread; start every test in the default one."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """allauth remembers used TOTP codes and rate limits in the cache; tests must not inherit them. Nor the search
    counts another test left in memory."""
    cache.clear()
    statistics._pending.clear()


@pytest.fixture
def shared_cache(settings):
    """Redis as production has it (database 15 or TEST_REDIS_DB, emptied): the moments of the last changes are kept there too."""
    from portal import page_cache
    from tests.test_fallbacks import REDIS_UP

    settings.CACHES, settings.REDIS_URL = REDIS_UP, REDIS_UP["default"]["LOCATION"]
    cache.clear()
    page_cache.COPIES.clear()
    yield
    cache.clear()


@pytest.fixture
def nl(db):
    return Locale.objects.get(language_code="nl")


@pytest.fixture
def en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home(nl):
    return HomePage.objects.get(locale=nl)


@pytest.fixture
def step_index(nl):
    return StepIndexPage.objects.get(locale=nl)


@pytest.fixture
def steps(nl):
    return {step.number: step for step in StepPage.objects.filter(locale=nl)}


@pytest.fixture
def continuous_step(nl):
    return ContinuousStepPage.objects.get(locale=nl)


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
    """A migrated demo database that a server or another process works on (the test database is rolled back)."""
    url = _server_database(tmp_path_factory)
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=url)
    for command in (["migrate", "--noinput"], ["load_demo", "--demo-accounts"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    return url
