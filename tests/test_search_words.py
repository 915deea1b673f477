"""Search finds what Dutch visitors mean: parts of compounds, compounds from their parts, other word forms, one
typing error and the synonyms editors keep; on the database this suite runs on (SQLite or PostgreSQL)."""

import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bench.relevance import SETS
from search.models import SynonymGroup
from search.vocabulary import stem
from tests.searching import RELEVANCE_FLOOR, add_synonyms_in_the_admin, item, publish_intervention, relevance, search, titles


@pytest.fixture
def publish(nl):
    return lambda title, summary: publish_intervention(nl, title, summary)


def test_a_part_finds_the_compound_and_is_marked_in_it(client, db):
    response = search(client, "schuldhulp")
    assert "Schuldhulpverlening voor gezinnen" in titles(response)[:3]
    assert "<mark>Schuldhulp</mark>verlening" in response.content.decode()


def test_the_end_of_a_compound_finds_it(client, publish):
    publish("Verjaardagsboxen voor jarige kinderen", "Een doos met alles voor een feestje op school.")
    assert "Verjaardagsboxen voor jarige kinderen" in titles(search(client, "boxen"))
    assert "Verjaardagsboxen voor jarige kinderen" in titles(search(client, "verjaardagsbox"))


def test_a_compound_the_content_never_uses_finds_its_parts_with_a_linking_letter(client, publish):
    publish("Een tas voor de verjaardag", "Wie jarig is krijgt een tas met traktaties voor de klas.")
    found = search(client, "verjaardagstas")
    assert "Een tas voor de verjaardag" in titles(found)
    assert "<mark>tas</mark>" in item(found, "Een tas voor de verjaardag").excerpt


def test_a_compound_finds_its_parts_with_en_between_them(client, publish):
    publish("Ruilen op school", "Ouders zetten een kast neer met boeken voor de klas.")
    assert "Ruilen op school" in titles(search(client, "boekenkast"))


def test_plural_and_singular_find_each_other(client, publish):
    publish("Zwemles voor elk kind", "Elk kind leert zwemmen, ook als het gezin het niet kan betalen.")
    assert "Zwemles voor elk kind" in titles(search(client, "zwemlessen"))
    publish("Gezinnen met een krap budget", "Steun bij de vaste lasten.")
    assert "Gezinnen met een krap budget" in titles(search(client, "gezin"))


def test_one_typing_error_still_finds_the_page_and_says_so(client, db):
    response = search(client, "kindpaket")
    assert titles(response)[0] == "Kindpakket of kindregeling van de gemeente"
    found = item(response, "Kindpakket of kindregeling van de gemeente")
    assert "kindpakket" in found.why and "kindpaket" in found.why
    assert "<mark>kindpakket</mark>" in found.excerpt.lower()
    assert "Ook gezocht naar" in response.content.decode()


def test_an_exact_match_ranks_above_one_found_through_a_typing_error(client, publish):
    exact = publish("Huiswerkbegeleiding in de wijk", "Vrijwilligers helpen kinderen met hun huiswerk.")
    near = publish("Huiswerkbegleiding na school", "Een plek om rustig te leren.")
    found = titles(search(client, "huiswerkbegeleiding"))
    assert exact.title in found and near.title not in found  # the word is known: no other word is guessed
    assert exact.title in titles(search(client, "huiswerkbegeleidng"))


def test_a_synonym_group_added_in_the_admin_takes_effect_at_once(client, nl):
    assert "Kledingbank" not in titles(search(client, "garderobe"))
    assert add_synonyms_in_the_admin(client, "garderobe, kledingbank").status_code == 302
    found = search(client, "garderobe")
    assert "Kledingbank" in titles(found)
    assert "betekent hetzelfde als" in item(found, "Kledingbank").why
    assert "“kledingbank”" in found.content.decode()


def test_the_demo_synonyms_bring_the_related_word(client, db):
    response = search(client, "kleren")
    assert "Kledingbank" in titles(response)[:5]


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("kleding", "minstens twee woorden"),
        ("kleding, , kleren", "leeg woord"),
        ("kleding, Kleding", "meer dan één keer"),
        ("tweedehands, kleren", "al in de groep"),
        ("", "minstens twee woorden"),
    ],
)
def test_the_synonym_snippet_refuses_empty_and_doubled_words(nl, words, message):
    with pytest.raises(ValidationError) as refused:
        SynonymGroup(locale=nl, words=words).full_clean()
    assert message in " ".join(refused.value.message_dict["words"])


def test_the_admin_says_why_a_synonym_group_is_refused(client, nl):
    before = SynonymGroup.objects.count()
    response = add_synonyms_in_the_admin(client, "eten, eten")
    assert response.status_code == 200
    assert "meer dan één keer" in response.content.decode()
    assert SynonymGroup.objects.count() == before


def test_autocomplete_offers_titles_with_the_word_as_a_part(client, db):
    answer = client.get(reverse("search_autocomplete"), {"q": "sportcoach"}).json()
    assert "Buurtsportcoach" in [suggestion["title"] for suggestion in answer["suggestions"]]
    starting = client.get(reverse("search_autocomplete"), {"q": "kind"}).json()["suggestions"]
    assert starting[0]["title"].lower().startswith("kind")


def test_english_finds_the_english_pages(client, en):
    response = search(client, "debt", "/en/zoeken/")
    assert any("debt" in title.lower() for title in titles(response)[:3])
    assert all("/en/" in item.url for item in response.context["items"] if item.kind != "resource")


@pytest.mark.parametrize("path", SETS, ids=lambda path: path.stem)
def test_the_relevance_sets_stay_above_the_floor(client, db, path):
    result = relevance(path)
    assert result["hits_at_5"] >= RELEVANCE_FLOOR, result


def test_words_are_stemmed_alike_by_threads_at_the_same_time():
    """A worker's threads stem at once (its first search makes the vocabulary); a shared Snowball stemmer mixed up
    their words and failed."""
    words = [f"{head}{link}{tail}" for head in ("kinder", "gezin", "school", "ouder", "schuld")
             for link in ("en", "s", "", "ing") for tail in ("pakket", "hulp", "bank", "lessen", "")] * 40
    expected = [stem("nl", word) for word in words]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda _n: [stem("nl", word) for word in words], range(8)))
    finally:
        sys.setswitchinterval(interval)
    assert all(result == expected for result in results)
