"""Elasticsearch is used when ELASTICSEARCH_URL is set, with a Dutch analyzer. The configuration tests
run always; the live test needs a cluster: ELASTICSEARCH_URL=http://localhost:9200 make test."""

import os

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from tests.test_settings import setting
from voorbeelden.models import ExamplePage

ES_URL = "http://search.internal:9200"


def test_elasticsearch_url_selects_the_es8_backend_with_a_dutch_analyzer():
    config = setting("WAGTAILSEARCH_BACKENDS['default']", {"ELASTICSEARCH_URL": ES_URL})
    assert config["BACKEND"] == "modelsearch.backends.elasticsearch8"
    assert config["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"] == {"type": "dutch"}


def test_index_settings_keep_autocomplete_analyzers_and_add_dutch():
    config = setting("WAGTAILSEARCH_BACKENDS", {"ELASTICSEARCH_URL": ES_URL})
    with override_settings(WAGTAILSEARCH_BACKENDS=config):
        backend = get_search_backend("default")
    analyzers = backend.settings["settings"]["analysis"]["analyzer"]
    assert analyzers["default"] == {"type": "dutch"}
    assert "edgengram_analyzer" in analyzers


def test_example_mapping_indexes_summary_body_and_municipality_name():
    config = setting("WAGTAILSEARCH_BACKENDS", {"ELASTICSEARCH_URL": ES_URL})
    with override_settings(WAGTAILSEARCH_BACKENDS=config):
        backend = get_search_backend("default")
    mapping = backend.mapping_class(ExamplePage).get_mapping()
    properties = mapping["properties"]
    assert any(name.endswith("summary") for name in properties)
    assert "municipality" in "".join(properties)


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs a live Elasticsearch cluster (ELASTICSEARCH_URL)")
def test_live_cluster_finds_the_poverty_monitors(client, db):
    call_command("update_index", verbosity=0)
    response = client.get("/zoeken/", {"q": "armoedemonitors"})
    assert any("Utrecht" in item.title for item in response.context["items"])
