"""A repeated search is answered from the cache until public content changes; every search is still counted."""

from search import statistics
from search.models import SearchTerm
from tests.users import make_user, sign_in_with_second_factor
from voorbeelden.models import InterventionIndexPage, InterventionPage


def test_a_repeated_search_is_kept_and_still_counted(client, db):
    first = client.get("/zoeken/", {"q": "voedselbank"})
    again = client.get("/zoeken/", {"q": "voedselbank"})
    assert "X-Portal-Cache" not in first and again["X-Portal-Cache"] == "hit"
    assert again.content == first.content
    assert "private" in again["Cache-Control"]
    statistics.flush()
    assert SearchTerm.objects.get(query="voedselbank", language="nl").searches == 2


def test_filters_pages_and_languages_are_kept_apart(client, db):
    client.get("/zoeken/", {"q": "school"})
    for params, path in (({"q": "school", "type": "intervention"}, "/zoeken/"), ({"q": "school", "page": "2"}, "/zoeken/"),
                         ({"q": "school"}, "/en/zoeken/")):
        assert "X-Portal-Cache" not in client.get(path, params), (path, params)


def test_published_content_is_found_at_once(client, nl):
    assert not client.get("/zoeken/", {"q": "voedselpakketten"}).context["items"]
    index = InterventionIndexPage.objects.get(locale=nl)
    page = index.add_child(instance=InterventionPage(title="Voedselpakketten op school", slug="voedselpakketten",
                                                     summary="Elke vrijdag een tas met eten.", organisation="Test"))
    page.save_revision().publish()
    fresh = client.get("/zoeken/", {"q": "voedselpakketten"})
    assert "X-Portal-Cache" not in fresh
    assert [item.title for item in fresh.context["items"]] == ["Voedselpakketten op school"]


def test_a_signed_in_visitors_search_is_not_kept(client, db):
    sign_in_with_second_factor(client, make_user("lid@gemeente.example"))
    client.get("/zoeken/", {"q": "kledingbank"})
    again = client.get("/zoeken/", {"q": "kledingbank"})
    assert "X-Portal-Cache" not in again
    statistics.flush()
    assert SearchTerm.objects.get(query="kledingbank").searches == 2
