"""OPENSEARCH_URL selects OpenSearch and ELASTICSEARCH_URL Elasticsearch 8, both with Dutch analysis and the
database index beside them. An address that is wrong, whether it cannot be parsed, nothing answers there or
something else than a search engine does, never gives an error page: the portal searches through the database
with the notice, editors publish as usual, and the log and the health check say why. The tests against a live
OpenSearch node are in tests/engine/; the live Elasticsearch test needs ELASTICSEARCH_URL."""

import http.server
import json
import os
import threading
import urllib.request

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from portal.models import User
from search import ranking
from tests.server import start_server
from tests.test_settings import setting
from voorbeelden.models import ExamplePage

ENGINES = [("OPENSEARCH_URL", "modelsearch.backends.opensearch2"), ("ELASTICSEARCH_URL", "modelsearch.backends.elasticsearch8")]
UNPARSABLE = ["localhost:9200", "http://127.0.0.1:99999", "http://:9200", "opensearch.internal"]
NOTICE = "Zoeken werkt even op een eenvoudigere manier"


@pytest.mark.parametrize(("variable", "backend"), ENGINES)
def test_each_engine_address_selects_its_backend_with_dutch_analysis_and_the_database_beside_it(variable, backend):
    backends = setting("WAGTAILSEARCH_BACKENDS", {variable: "https://user:secret@search.internal:9200"})
    assert backends["default"]["BACKEND"] == backend
    assert backends["default"]["URLS"] == ["https://user:secret@search.internal:9200"]
    assert backends["default"]["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"] == {"type": "dutch"}
    assert backends["database"] == {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
    assert setting("SEARCH_ENGINE_PROBLEM", {variable: "https://search.internal:9200"}) == ""


def test_with_both_addresses_set_opensearch_is_used():
    both = {"OPENSEARCH_URL": "http://opensearch.internal:9200", "ELASTICSEARCH_URL": "http://elastic.internal:9200"}
    assert setting("WAGTAILSEARCH_BACKENDS['default']['BACKEND']", both) == "modelsearch.backends.opensearch2"


@pytest.mark.parametrize(("variable", "backend"), ENGINES)
def test_index_settings_keep_the_autocomplete_analyzers_and_add_dutch(variable, backend):
    config = setting("WAGTAILSEARCH_BACKENDS", {variable: "http://search.internal:9200"})
    with override_settings(WAGTAILSEARCH_BACKENDS=config):
        engine = get_search_backend("default")
    analyzers = engine.settings["settings"]["analysis"]["analyzer"]
    assert analyzers["default"] == {"type": "dutch"}
    assert "edgengram_analyzer" in analyzers
    properties = engine.mapping_class(ExamplePage).get_mapping()["properties"]
    assert any(name.endswith("summary") for name in properties)
    assert "municipality" in "".join(properties)


@pytest.mark.parametrize("url", UNPARSABLE)
def test_an_address_that_cannot_be_parsed_is_named_and_nothing_indexes_into_it(url):
    assert url in setting("SEARCH_ENGINE_PROBLEM", {"OPENSEARCH_URL": url})
    assert setting("WAGTAILSEARCH_BACKENDS['default']['AUTO_UPDATE']", {"OPENSEARCH_URL": url}) is False


@pytest.fixture
def unparsable_address():
    env = {"OPENSEARCH_URL": "localhost:9200"}
    ranking._down_until = 0.0
    with override_settings(WAGTAILSEARCH_BACKENDS=setting("WAGTAILSEARCH_BACKENDS", env),
                           SEARCH_ENGINE_PROBLEM=setting("SEARCH_ENGINE_PROBLEM", env)):
        yield
    ranking._down_until = 0.0


def test_with_an_unparsable_address_search_publishing_and_health_go_on(unparsable_address, client, steps, caplog):
    response = client.get("/zoeken/", {"q": "armoedemonitor"})
    assert response.status_code == 200 and NOTICE in response.content.decode()
    assert response.context["results"].paginator.count > 0
    assert "'localhost:9200' is not an http:// or https:// address" in caplog.text

    page = steps[6]
    page.title = "Maak samen afspraken over het volgen van de resultaten"
    page.save_revision(user=User.objects.get(email="redacteur@nji.example")).publish()
    found = client.get("/zoeken/", {"q": "volgen resultaten afspraken"}).context["items"]
    assert page.title in [item.title for item in found], "the database index took the new title"

    health = client.get("/healthz/")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "up", "cache": "local", "search": "misconfigured"}


class NotASearchEngine(http.server.BaseHTTPRequestHandler):
    """Some other web server: every address is a 404 page in HTML."""

    def do_GET(self):  # noqa: N802  (the HTTP method's name)
        body = b"<html><body>Niet gevonden</body></html>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def other_web_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotASearchEngine)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.mark.parametrize(("address", "health", "logged"), [
    ("localhost:9200", "misconfigured", "is not an http:// or https:// address"),
    ("http://127.0.0.1:9", "down", "Search engine unavailable (ConnectionError"),
    ("other web server", "down", "Search engine unavailable (NotFoundError"),
])
def test_a_portal_started_with_a_wrong_address_serves_and_searches_through_the_database(
    server_database, other_web_server, address, health, logged
):
    url = other_web_server if address == "other web server" else address
    process, base_url = start_server(server_database, {"OPENSEARCH_URL": url, "SEARCH_TIMEOUT": "2"})
    try:
        with urllib.request.urlopen(f"{base_url}/zoeken/?q=armoedemonitor", timeout=30) as response:
            assert response.status == 200 and NOTICE in response.read().decode()
        with urllib.request.urlopen(f"{base_url}/healthz/", timeout=30) as response:
            assert response.status == 200
            assert json.load(response)["search"] == health
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert logged in process.stderr.read().decode()


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs a live Elasticsearch cluster (ELASTICSEARCH_URL)")
def test_live_elasticsearch_cluster_finds_the_poverty_monitors(client, db):
    call_command("update_index", verbosity=0)
    response = client.get("/zoeken/", {"q": "armoedemonitors"})
    assert any("Utrecht" in item.title for item in response.context["items"])
