"""Anonymous visitors get public pages from the cache; publishing, unpublishing and editing snippets take effect at once;
nothing private is ever cached for others."""

import pytest
from django.core.cache import cache
from django.test import Client

from portal.models import ChangeMoment, User
from stappen.models import Resource

pytestmark = pytest.mark.django_db


def test_a_public_page_is_served_from_the_cache_with_validators(client, steps):
    first = client.get(steps[3].url)
    assert first.status_code == 200 and "X-Portal-Cache" not in first
    second = client.get(steps[3].url)
    assert second["X-Portal-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"] and second["Last-Modified"] == first["Last-Modified"]
    assert "public" in second["Cache-Control"] and "max-age=0" in second["Cache-Control"]
    assert "script-src 'self'" in second["Content-Security-Policy"] and second["X-Frame-Options"] == "DENY"
    assert client.get(steps[3].url, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304


def test_publishing_and_unpublishing_take_effect_at_once(client, steps):
    page = steps[2]
    client.get(page.url)
    assert client.get(page.url)["X-Portal-Cache"] == "hit"
    page.title = "Samenwerking, opnieuw georganiseerd"
    page.save_revision().publish()
    fresh = client.get(page.url)
    assert "X-Portal-Cache" not in fresh and "Samenwerking, opnieuw georganiseerd" in fresh.content.decode()
    # The step index lists the step, so it is made again too.
    assert "Samenwerking, opnieuw georganiseerd" in client.get(page.get_parent().url).content.decode()
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_draft_does_not_empty_the_cache_but_a_changed_resource_does(client, steps):
    client.get(steps[3].url)
    changed = ChangeMoment.objects.get(name="public-content").changed_at
    steps[3].title = "Nog niet gepubliceerd"
    steps[3].save_revision()
    response = client.get(steps[3].url)
    assert response["X-Portal-Cache"] == "hit" and "Nog niet gepubliceerd" not in response.content.decode()
    assert ChangeMoment.objects.get(name="public-content").changed_at == changed
    resource = Resource.objects.filter(locale__language_code="nl").first()
    resource.title = "Een nieuwe bron"
    resource.save()
    assert ChangeMoment.objects.get(name="public-content").changed_at > changed
    assert "X-Portal-Cache" not in client.get(steps[3].url)


@pytest.mark.parametrize("path", [
    "/werkruimte/", "/accounts/login/", "/doe-mee/", "/doe-mee/DEMO-KIND/", "/healthz/",
    "/en/werkruimte/", "/en/accounts/login/",
])
def test_private_and_changing_pages_are_never_served_from_the_cache(client, path):
    """(The search keeps its own answers: tests/test_search_cache.py.)"""
    client.get(path)
    assert "X-Portal-Cache" not in client.get(path)


def test_a_signed_in_visitor_gets_private_pages_and_never_a_cached_one(steps):
    anonymous = Client()
    anonymous.get(steps[4].url)
    member = Client()
    member.force_login(User.objects.get(email="beleid@velsen.example"))
    response = member.get(steps[4].url)
    assert "X-Portal-Cache" not in response
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    # What the member saw was not kept for anonymous visitors either.
    assert anonymous.get(steps[4].url)["X-Portal-Cache"] == "hit"
    assert b"beleid@velsen.example" not in anonymous.get(steps[4].url).content


def test_each_language_and_query_has_its_own_entry(client, steps, home):
    dutch = client.get("/")
    english = client.get("/en/")
    assert dutch.content != english.content
    assert client.get("/en/")["X-Portal-Cache"] == "hit" and client.get("/")["X-Portal-Cache"] == "hit"
    assert "X-Portal-Cache" not in client.get("/voorbeelden/?steps=3")
    assert client.get("/voorbeelden/?steps=3")["X-Portal-Cache"] == "hit"
    assert client.get("/voorbeelden/?steps=3").content != client.get("/voorbeelden/").content


def test_with_redis_a_hit_needs_no_database_and_publishing_still_takes_effect_at_once(
        client, steps, shared_cache, django_assert_num_queries, django_capture_on_commit_callbacks):
    page = steps[5]
    client.get(page.url)
    with django_assert_num_queries(0):
        assert client.get(page.url)["X-Portal-Cache"] == "hit"
    cache.clear()  # Redis forgets everything: this process's copy of the page still serves, under the same moment
    with django_assert_num_queries(1):
        assert client.get(page.url)["X-Portal-Cache"] == "hit"
    page.title = "Uitvoeren, met de nieuwe titel"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    fresh = client.get(page.url)
    assert "X-Portal-Cache" not in fresh and "Uitvoeren, met de nieuwe titel" in fresh.content.decode()


def test_the_menu_of_pages_made_for_each_request_follows_publishing(client, steps):
    """Search and the workspace are not cached, but their menu is kept: a change to the menu's pages shows at once."""
    section = steps[1].get_parent().specific
    menu_item = f'>{section.title}</a>'
    assert menu_item in client.get("/zoeken/", {"q": "x"}).content.decode()
    section.title = "De zeven stappen, vernieuwd"
    section.save_revision().publish()
    assert ">De zeven stappen, vernieuwd</a>" in client.get("/zoeken/", {"q": "y"}).content.decode()
    section.unpublish()
    assert "De zeven stappen, vernieuwd" not in client.get("/zoeken/", {"q": "z"}).content.decode()


def test_a_page_made_private_is_no_longer_served_from_the_cache_nor_found(client, steps):
    from wagtail.models import PageViewRestriction

    page = steps[3]
    assert client.get(page.url).status_code == 200 and client.get(page.url)["X-Portal-Cache"] == "hit"
    found = client.get("/zoeken/", {"q": page.title}).context["items"]
    assert page.title in [item.title for item in found]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    response = client.get(page.url)
    assert "X-Portal-Cache" not in response and page.specific.intro not in response.content.decode()
    assert page.title not in [item.title for item in client.get("/zoeken/", {"q": page.title}).context["items"]]
