"""Live tests against a real OpenSearch node: `make services` starts one on 127.0.0.1:9200 (TEST_OPENSEARCH_URL
names another). Without a node these tests skip, except where OPENSEARCH_TESTS_REQUIRED=1 (as in CI): there they
fail. Every index these tests make carries this process's own prefix and is deleted at the end."""

import itertools
import json
import os
import urllib.request

import environ
import pytest
from django.core.management import call_command
from django.test import override_settings
from modelsearch.index import get_indexed_models
from wagtail.models import Page

from portal.settings.search import search_backends
from search import ranking
from stappen.models import Resource

NODE_URL = os.environ.get("TEST_OPENSEARCH_URL", "http://127.0.0.1:9200")
REQUIRED = os.environ.get("OPENSEARCH_TESTS_REQUIRED") == "1"
PREFIX = f"test_{os.getpid()}_"
NODE_KEY = pytest.StashKey[str]()
_fresh = itertools.count()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/engine/" in item.nodeid:
            item.add_marker(pytest.mark.opensearch)


def pytest_terminal_summary(terminalreporter, config):
    """Says which engine the live tests ran against and how many passed, for the CI log."""
    node = config.stash.get(NODE_KEY, None)
    if node:
        passed = [report for report in terminalreporter.stats.get("passed", []) if "tests/engine/" in report.nodeid]
        terminalreporter.write_line(f"{node}: {len(passed)} live search tests passed")


def engine_settings(url: str, prefix: str) -> dict:
    """WAGTAILSEARCH_BACKENDS exactly as production makes them from OPENSEARCH_URL, with the tests' index prefix."""
    env = environ.Env()
    env.ENVIRON = {**os.environ, "OPENSEARCH_URL": url, "SEARCH_INDEX_PREFIX": prefix}
    backends, problem = search_backends(env)
    assert not problem
    return backends


def node_version(url: str = NODE_URL, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        about = json.load(response)
    assert about["version"]["distribution"] == "opensearch"
    return about["version"]["number"]


@pytest.fixture(scope="session")
def node(request):
    """The node's version; this process's indexes are deleted when the session ends."""
    try:
        version = node_version()
    except OSError as error:
        message = f"no OpenSearch node at {NODE_URL} ({error}); `make services` starts one"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    request.config.stash[NODE_KEY] = f"OpenSearch {version} at {NODE_URL}"
    yield version
    urllib.request.urlopen(urllib.request.Request(f"{NODE_URL}/{PREFIX}*", method="DELETE"), timeout=30)


@pytest.fixture(scope="session")
def demo_index(node, django_db_setup, django_db_blocker):
    """The demo content indexed once by `update_index`, as an operator builds it; tests only read it."""
    backends = engine_settings(NODE_URL, f"{PREFIX}demo_")
    with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS=backends, SEARCH_ENGINE_PROBLEM=""):
        call_command("update_index", backend_name="default", verbosity=0)
    return backends


def use(settings, backends):
    settings.WAGTAILSEARCH_BACKENDS = backends
    settings.SEARCH_ENGINE_PROBLEM = ""
    ranking._down_until = 0.0
    return ranking.backend("default")


@pytest.fixture
def engine(demo_index, settings, db):
    """The portal searching the demo index on the node."""
    yield use(settings, demo_index)
    ranking._down_until = 0.0


@pytest.fixture
def empty_engine(node, settings, db):
    """The portal on indexes of its own, empty but with Wagtail's mappings: what a test adds is all they hold."""
    backend = use(settings, engine_settings(NODE_URL, f"{PREFIX}{next(_fresh)}_"))
    for model in (Page, Resource):
        backend.get_index_for_model(model).put()
    for model in get_indexed_models():  # each page type's fields, as update_index maps them
        if issubclass(model, (Page, Resource)):
            backend.get_index_for_model(model).add_model(model)
    yield backend
    for model in (Page, Resource):
        backend.get_index_for_model(model).delete()
    ranking._down_until = 0.0


def indexed(backend, obj) -> dict | None:
    """The document the node holds for obj (a page or a resource), or None; read from the node itself."""
    index = backend.get_index_for_model(type(obj))
    index.refresh()
    found = backend.es.search(index=index.name, body={"query": {"ids": {"values": [str(obj.pk)]}}})
    hits = found["hits"]["hits"]
    return hits[0]["_source"] if hits else None
