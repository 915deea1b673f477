"""The search page on OpenSearch: for everyday queries it finds the same pages and resources, with the same facets
and counts, as the database backend, in Dutch and in English apart; malformed input gives a normal page.

Both get the same alternatives for each word (search.expansion); the engine also stems them, which SQLite's full-text
search does not."""

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page

from portal.settings.search import DATABASE
from search.engine import search
from stappen.models import Resource

pytestmark = pytest.mark.django_db

QUERIES = [
    ("nl", "armoedemonitor", {}),
    ("nl", "schulden", {}),
    ("nl", "ouders", {}),
    ("nl", "jongeren", {}),
    ("nl", "kindpakket", {}),
    ("nl", "onderwijs", {}),
    ("nl", '"lerende cyclus"', {}),
    ("nl", "ouders", {"type": ["intervention"]}),
    ("nl", "jongeren", {"target_groups": ["youth"], "life_domains": ["school"]}),
    ("nl", "armoedemonitor", {"steps": ["6"]}),
    ("nl", "jongeren ouders", {"steps": ["c"]}),
    ("nl", "gemeente", {"type": ["example"], "municipality": ["GM0453"]}),
    ("en", "poverty", {}),
    ("en", "debt", {}),
    ("en", "parents", {}),
    ("en", "municipality", {}),
    ("en", "parents", {"evidence_level": ["not_assessed"]}),
    ("en", "poverty", {"type": ["resource"]}),
]


@pytest.mark.parametrize(("language", "query", "selection"), QUERIES)
def test_the_engine_finds_what_the_database_finds_with_the_same_facets(engine, language, query, selection):
    """The engine may find a little more: it also stems words the vocabulary does not list as forms."""
    locale = Locale.objects.get(language_code=language)
    on_engine = search(query, locale, selection)
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": DATABASE}):
        on_database = search(query, locale, selection)
    assert not on_engine.fallback, "the engine ranked"
    assert on_database.total > 0
    found = {(match.kind, match.pk) for match in on_engine.matches}
    assert {(match.kind, match.pk) for match in on_database.matches} <= found
    assert len(found) <= on_database.total * 1.25 + 2
    for facet, counts in on_database.counts.items():
        assert all(on_engine.counts[facet].get(value, 0) >= count for value, count in counts.items()), facet


@pytest.mark.parametrize(("language", "query", "path"), [("nl", "kinderen", "/zoeken/"), ("en", "children", "/en/zoeken/")])
def test_each_language_finds_only_its_own_pages_and_resources(engine, client, language, query, path):
    response = client.get(path, {"q": query})
    assert response.status_code == 200 and response.context["fallback"] is False
    matches = response.context["results"].paginator.object_list
    pages = [match.pk for match in matches if match.kind != "resource"]
    resources = [match.pk for match in matches if match.kind == "resource"]
    assert pages and resources
    assert set(Page.objects.filter(pk__in=pages).values_list("locale__language_code", flat=True)) == {language}
    assert set(Resource.objects.filter(pk__in=resources).values_list("locale__language_code", flat=True)) == {language}


def test_autocomplete_suggests_titles_while_the_engine_ranks_searches(engine, client):
    """Suggestions come from the titles in the database, with the typed word anywhere in them."""
    suggestions = client.get("/zoeken/suggesties/", {"q": "monitor"}).json()["suggestions"]
    assert any("Utrecht" in suggestion["title"] for suggestion in suggestions)


MALFORMED = [
    '"armoede',
    "armoede AND OR NOT -kinderen +school",
    "title:armoede *:* armoede~2 (ouders OR [x TO y]) {\\}",
    "<script>alert('zoek')</script>",
    "armoede " * 1300,
    "👪 arm💶oede ĳs",
    "'; DROP TABLE wagtailcore_page; --",
]


@pytest.mark.parametrize("query", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_queries_give_a_normal_page_on_the_engine(engine, client, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert response.context["fallback"] is False, "the engine answered; it did not fail over to the database"
    assert "<script>alert" not in response.content.decode()
    assert client.get("/zoeken/suggesties/", {"q": query}).status_code == 200
