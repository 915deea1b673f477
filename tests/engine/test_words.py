"""On OpenSearch as on the databases: parts of compounds and compounds from their parts, other word forms, one typing
error, synonyms added in the admin, the matched part marked, and the relevance sets above their floor."""

import pytest

from bench.relevance import SETS
from tests.searching import RELEVANCE_FLOOR, add_synonyms_in_the_admin, item, publish_intervention, relevance, search, titles

pytestmark = pytest.mark.django_db


def engine_answered(response):
    assert response.context["fallback"] is False, "the engine ranked; the database did not stand in"
    return response


def test_a_part_finds_the_compound_with_the_part_marked(engine, client):
    response = engine_answered(search(client, "schuldhulp"))
    assert "Schuldhulpverlening voor gezinnen" in titles(response)[:3]
    assert "<mark>Schuldhulp</mark>verlening" in item(response, "Schuldhulpverlening voor gezinnen").marked_title


def published(engine, locale, title, summary):
    """Published, and searchable at once: the node makes new documents visible every second, this test asks now."""
    page = publish_intervention(locale, title, summary)
    engine.get_index_for_model(type(page)).refresh()
    return page


def test_compounds_and_their_parts_find_each_other(empty_engine, client, nl):
    compound = published(empty_engine, nl, "Verjaardagsboxen voor jarige kinderen", "Een doos met alles voor een feestje.")
    parts = published(empty_engine, nl, "Een tas voor de verjaardag", "Wie jarig is krijgt een tas voor de klas.")
    assert compound.title in titles(engine_answered(search(client, "boxen")))
    assert compound.title in titles(engine_answered(search(client, "verjaardagsbox")))
    assert parts.title in titles(engine_answered(search(client, "verjaardagstas")))


def test_plural_and_singular_find_each_other(empty_engine, client, nl):
    page = published(empty_engine, nl, "Zwemles voor elk kind", "Elk kind leert zwemmen.")
    assert page.title in titles(engine_answered(search(client, "zwemlessen")))


def test_one_typing_error_finds_the_page_and_says_so(engine, client):
    response = engine_answered(search(client, "kindpaket"))
    assert titles(response)[0] == "Kindpakket of kindregeling van de gemeente"
    assert "kindpaket" in item(response, "Kindpakket of kindregeling van de gemeente").why


def test_a_synonym_group_added_in_the_admin_takes_effect_at_once(engine, client):
    assert "Kledingbank" not in titles(search(client, "garderobe"))
    assert add_synonyms_in_the_admin(client, "garderobe, kledingbank").status_code == 302
    response = engine_answered(search(client, "garderobe"))
    assert "Kledingbank" in titles(response)
    assert "kledingbank" in item(response, "Kledingbank").why


@pytest.mark.parametrize("path", SETS, ids=lambda path: path.stem)
def test_the_relevance_sets_stay_above_the_floor(engine, client, path):
    result = relevance(path)
    assert result["hits_at_5"] >= RELEVANCE_FLOOR, result
