"""Dutch at /, English at /en/: lang attributes, the language switch, and clear fall-backs."""

import pytest
from django.test import override_settings
from django.views.defaults import server_error

from stappen.factories import StepPageFactory


def html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def test_home_pages_carry_their_language(client, db):
    assert '<html lang="nl"' in html(client, "/")
    assert '<html lang="en"' in html(client, "/en/")
    assert "Stappenplan" in html(client, "/stappenplan/")
    assert '<html lang="en"' in html(client, "/en/stappenplan/")


def test_language_switch_lands_on_the_translation_of_the_same_page(client, steps, en):
    step = steps[3]
    english = step.get_translation(en)
    page = html(client, step.url)
    assert f'href="{english.url}" hreflang="en"' in page
    back = html(client, english.url)
    assert f'href="{step.url}" hreflang="nl"' in back
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{english.url}">' in page


def test_untranslated_page_switch_falls_back_to_the_other_home_and_says_so(client, step_index):
    untranslated = StepPageFactory(parent=step_index, number=7, slug="alleen-nederlands", title="Alleen in het Nederlands")
    page = html(client, untranslated.url)
    assert 'href="/en/" hreflang="en"' in page
    assert "home page; this page is not translated" in page


def test_unknown_address_gets_a_friendly_404_in_the_visitors_language(client, db):
    dutch = html(client, "/bestaat-niet/", status=404)
    assert "We kunnen deze pagina niet vinden" in dutch and '<html lang="nl"' in dutch
    english = html(client, "/en/does-not-exist/", status=404)
    assert "We cannot find this page" in english and '<html lang="en"' in english


def test_404_offers_the_page_in_the_language_it_exists_in(client, step_index):
    StepPageFactory(parent=step_index, number=7, slug="alleen-nederlands", title="Alleen in het Nederlands")
    page = html(client, "/en/stappenplan/alleen-nederlands/", status=404)
    assert "not available in your language yet" in page
    assert 'href="/stappenplan/alleen-nederlands/"' in page


@override_settings(DEBUG=False)
def test_server_error_page_reveals_nothing_internal(rf):
    response = server_error(rf.get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in body and "Something went wrong" in body
    for secret in ("Traceback", "settings", "SECRET", "File \""):
        assert secret not in body


@pytest.mark.parametrize("path", ["/stappenplan/../../etc/passwd", "/en/stappenplan/<script>/", "/stappenplan/%E2%80%8B/"])
def test_odd_addresses_are_404_not_500(client, db, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/%00/", "/stappenplan/a%00b/", "/en/%00"])
def test_nul_bytes_in_the_path_get_a_clear_400(client, db, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "Dit adres klopt niet" in response.content.decode()


@pytest.mark.parametrize("path", ["/ar/", "/tr/stappenplan/", "/uk/werkruimte/", "/pl/zoeken/?q=armoede"])
def test_survey_only_languages_have_no_rest_of_the_site(client, db, path):
    assert client.get(path).status_code == 404


def test_the_language_menu_offers_only_the_portal_languages(client, db):
    body = html(client, "/")
    assert 'hreflang="en"' in body or "/en/" in body
    for code in ("ar", "tr", "pl", "uk"):
        assert f'href="/{code}/' not in body
