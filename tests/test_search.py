"""One search over steps, resources, examples and interventions, in the visitor's language."""

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search import statistics
from search.highlight import excerpt
from search.models import SearchTerm
from tests.users import make_user, sign_in_with_second_factor
from voorbeelden.models import ExamplePage, InterventionPage


def search(client, path="/zoeken/", **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response


def titles(response):
    return [item.title for item in response.context["items"]]


def test_armoedemonitor_finds_the_utrecht_and_zaanstad_examples(client, db):
    response = search(client, q="armoedemonitor")
    found = titles(response)
    assert any("Utrecht" in title for title in found) and any("Zaanstad" in title for title in found)
    assert {"example", "resource", "step"} <= {item.kind for item in response.context["items"]}


def test_filtering_by_step_six_keeps_them_and_drops_the_rest(client, db):
    everything = search(client, q="armoedemonitor")
    step_6 = search(client, q="armoedemonitor", steps="6")
    assert any("Utrecht" in t for t in titles(step_6)) and any("Zaanstad" in t for t in titles(step_6))
    assert len(titles(step_6)) < len(titles(everything))
    assert all(item.kind != "resource" for item in step_6.context["items"])
    assert 'name="steps" value="6" checked' in step_6.content.decode()


def test_filtering_by_the_continuous_step_keeps_its_page_and_what_is_tagged_with_it(client, continuous_step):
    response = search(client, q="jongeren ouders", steps="c")
    assert continuous_step.title in titles(response)
    assert all(item.kind != "resource" for item in response.context["items"])


def test_velsen_finds_the_velsen_example(client, db):
    assert any("Velsen" in title for title in titles(search(client, q="Velsen")))


def test_english_search_finds_english_pages(client, en):
    response = search(client, "/en/zoeken/", q="poverty monitor")
    found = titles(response)
    assert any("Utrecht" in title for title in found)
    assert all(title in set(ExamplePage.objects.filter(locale=en).values_list("title", flat=True))
               | set(InterventionPage.objects.filter(locale=en).values_list("title", flat=True))
               | {item.title for item in response.context["items"] if item.kind in ("step", "resource")}
               for title in found)
    assert '<html lang="en"' in response.content.decode()


def test_facets_combine_and_show_counts(client, db):
    response = search(client, q="gezin", type="intervention", target_groups="parents")
    assert response.context["items"]
    assert all(item.kind == "intervention" for item in response.context["items"])
    groups = {group.name: group for group in response.context["facet_groups"]}
    assert [o.checked for o in groups["type"].options if o.value == "intervention"] == [True]
    assert all(option.count > 0 for group in groups.values() for option in group.options if not option.checked)


def test_results_show_highlighted_excerpts(client, db):
    body = search(client, q="armoedemonitor").content.decode()
    assert "<mark>" in body.lower() or "<mark>armoedemonitor</mark>" in body.lower()


def test_excerpt_escapes_and_marks():
    text = "Kinderen <b>krijgen</b> een kindpakket & meer; het Kindpakket helpt."
    html = excerpt(text, ["kindpakket"])
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert html.count("<mark>") == 2


def test_pagination_keeps_query_and_filters(client, db):
    response = search(client, q="kinderen")
    assert response.context["results"].paginator.count > 10
    assert "q=kinderen" in response.context["filter_query"]
    second = search(client, q="kinderen", page="2")
    assert second.context["results"].number == 2
    assert set(titles(second)).isdisjoint(titles(response))


@pytest.mark.parametrize(
    "query",
    ["", "x" * 10_000, '"lerende cyclus"', "armoede AND NOT (school OR)", "<script>alert('x')</script>", "step:* ~ ^ \\ ' \""],
)
def test_odd_queries_give_a_normal_escaped_page(client, db, query):
    response = search(client, q=query)
    assert "<script>alert" not in response.content.decode()


def test_unknown_facet_values_are_ignored(client, db):
    response = search(client, q="armoedemonitor", steps="99", colour="red", municipality="<x>")
    assert response.context["selection"] == {}


def test_no_results_suggest_a_spelling_and_similar_titles(client, db):
    response = search(client, q="armodemonitr")  # two letters off: one typing error is searched for without asking
    assert not response.context["items"]
    assert response.context["correction"] == "armoedemonitor"
    assert 'href="?q=armoedemonitor"' in response.content.decode()


def test_editors_promoted_results_come_first(client, steps):
    """Also for a search whose page was kept before the promotion was made."""
    assert not search(client, q="Schulden").context["promotions"]
    query = Query.get("schulden")
    SearchPromotion.objects.create(query=query, page=steps[2], sort_order=0, description="Begin hier.")
    response = search(client, q="Schulden")
    assert response.context["promotions"][0].title == steps[2].title
    body = response.content.decode()
    assert body.index(steps[2].title) < body.index('class="portal-cards"', body.index("portal-promotions") + 1)


def test_searches_are_counted_for_the_editors_report(client, db, monkeypatch):
    monkeypatch.setattr(statistics, "FLUSH_EVERY", 3600)
    search(client, q="Armoedemonitor")
    search(client, q="armoedemonitor ")
    search(client, q="qwertyuiop")
    assert not SearchTerm.objects.exists()  # counted in memory: the report writes the counts first
    sign_in_with_second_factor(client, make_user("redactie@nji.example", group="Moderators"))
    report = client.get(reverse("search_terms_report"))
    assert SearchTerm.objects.get(query="armoedemonitor").searches == 2
    assert SearchTerm.objects.get(query="qwertyuiop").without_results == 1
    assert report.status_code == 200
    body = report.content.decode()
    assert "armoedemonitor" in body and "qwertyuiop" in body


def test_search_counts_are_written_once_their_time_is_up(client, db, monkeypatch):
    monkeypatch.setattr(statistics, "FLUSH_EVERY", 0)
    search(client, q="voedselbank")
    search(client, q="voedselbank")
    assert SearchTerm.objects.get(query="voedselbank").searches == 2


def test_autocomplete_limits_its_input_and_answer(client, db):
    answer = client.get(reverse("search_autocomplete"), {"q": "ar" + "m" * 500}).json()
    assert len(answer["query"]) == 100
    answer = client.get(reverse("search_autocomplete"), {"q": "armoe"}).json()
    assert 0 < len(answer["suggestions"]) <= 8
    assert all(set(s) == {"title", "url"} for s in answer["suggestions"])
    assert client.get(reverse("search_autocomplete"), {"q": "a"}).json()["suggestions"] == []


def test_search_page_query_count(client, db, django_assert_max_num_queries):
    search(client, q="kinderen")
    with django_assert_max_num_queries(10):
        search(client, q="kinderen", type="intervention")


@pytest.mark.parametrize("query", ["kinderen", "gemeente"])
def test_each_facet_count_is_the_number_of_results_that_value_gives(client, db, query):
    response = search(client, q=query)
    groups = {group.name: group for group in response.context["facet_groups"]}
    assert {"steps", "evidence_level", "municipality"} <= set(groups)
    assert any(option.count > 1 for name in ("evidence_level", "steps") for option in groups[name].options)
    for name in ("type", "steps", "target_groups", "evidence_level", "municipality"):
        for option in groups[name].options if name in groups else []:
            chosen = search(client, q=query, **{name: option.value})
            assert chosen.context["results"].paginator.count == option.count, (name, option.value)
