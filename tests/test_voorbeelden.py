"""Practice examples and interventions: page rules, facets, filtering and their place on step pages."""

import pytest
from django.http import QueryDict
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.models import HomePage
from tests.users import make_user, sign_in_with_second_factor
from voorbeelden.facets import FACETS
from voorbeelden.filters import apply_selection, facet_counts, selection_from
from voorbeelden.models import ExampleIndexPage, ExamplePage, FacetValue, InterventionIndexPage, InterventionPage


@pytest.fixture
def examples(nl):
    return ExampleIndexPage.objects.get(locale=nl)


@pytest.fixture
def interventions(nl):
    return InterventionIndexPage.objects.get(locale=nl)


def titles(response):
    return [item.title for item in response.context["results"]]


def test_page_rules():
    assert ExampleIndexPage.allowed_parent_page_models() == [HomePage]
    assert ExampleIndexPage.allowed_subpage_models() == [ExamplePage]
    assert InterventionIndexPage.allowed_subpage_models() == [InterventionPage]
    assert ExamplePage.allowed_parent_page_models() == [ExampleIndexPage]
    assert InterventionPage.allowed_subpage_models() == []


def test_demo_has_the_seed_examples_and_at_least_twelve_interventions(examples, interventions, en):
    municipalities = set(ExamplePage.objects.child_of(examples).values_list("municipality__name", flat=True))
    assert {"Velsen", "Utrecht", "Zaanstad"} <= municipalities
    assert ExamplePage.objects.child_of(interventions).count() == 0
    assert InterventionPage.objects.child_of(interventions).live().count() >= 12
    assert InterventionPage.objects.filter(locale=en).count() == InterventionPage.objects.child_of(interventions).count()


def test_translations_carry_the_facets(examples, en):
    for page in ExamplePage.objects.child_of(examples):
        assert page.get_translation(en).facet_codes("steps") == page.facet_codes("steps")


def test_unknown_facets_and_values_are_ignored():
    query = QueryDict("steps=6&steps=99&steps=6&colour=red&kind=poverty_monitor&municipality=GM0344&municipality=x")
    assert selection_from(query, [FACETS[name] for name in ("steps", "kind", "municipality")]) == {
        "steps": ["6"], "kind": ["poverty_monitor"], "municipality": ["GM0344"],
    }


def test_any_value_within_a_facet_all_facets_together(examples):
    pages = ExamplePage.objects.child_of(examples)
    step_6 = apply_selection(pages, {"steps": ["6"]})
    assert {p.municipality.name for p in step_6 if p.municipality} >= {"Utrecht", "Zaanstad"}
    step_4_or_6 = apply_selection(pages, {"steps": ["4", "6"]})
    assert set(step_6) < set(step_4_or_6)
    monitors_in_step_4 = apply_selection(pages, {"steps": ["4"], "kind": ["poverty_monitor"]})
    assert not monitors_in_step_4.exists()


def test_facet_counts_follow_the_selection(examples, django_assert_max_num_queries):
    pages = apply_selection(ExamplePage.objects.child_of(examples), {"kind": ["poverty_monitor"]})
    with django_assert_max_num_queries(3):
        counts = facet_counts(pages, ("steps", "kind", "municipality"))
    assert counts["kind"] == {"poverty_monitor": 2}
    assert counts["steps"]["6"] == 2
    assert counts["municipality"] == {"GM0344": 1, "GM0479": 1}


def test_examples_index_filters_by_step_and_keeps_the_filters_in_links(client, examples):
    response = client.get(examples.url, {"steps": "6"})
    assert response.status_code == 200
    assert {"Utrecht", "Zaanstad"} <= {p.municipality.name for p in response.context["results"] if p.municipality}
    assert all("6" in p.facet_codes("steps") for p in response.context["results"])
    body = response.content.decode()
    assert 'name="steps" value="6" checked' in body


@pytest.mark.parametrize("query", ["steps=x&kind=<script>", "page=abc", "page=999", "municipality=GM9999", "page=-1"])
def test_bad_filter_input_gives_a_normal_page(client, examples, query):
    response = client.get(f"{examples.url}?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_interventions_index_filters_on_several_facets(client, interventions):
    everything = client.get(interventions.url)
    for_parents = client.get(interventions.url, {"target_groups": "parents"})
    assert 0 < len(titles(for_parents)) < everything.context["results"].paginator.count
    assert all("parents" in p.facet_codes("target_groups") for p in for_parents.context["results"])


def test_index_query_count_does_not_grow_with_results(client, interventions, django_assert_max_num_queries):
    client.get(interventions.url)
    with django_assert_max_num_queries(20):
        assert client.get(interventions.url, {"target_groups": ["children", "youth"]}).status_code == 200


def test_step_pages_show_the_examples_tagged_with_them(client, steps):
    body = client.get(steps[6].url).content.decode()
    assert "Uit de praktijk" in body
    for example in ExamplePage.objects.filter(locale=steps[6].locale, facet_values__facet="steps", facet_values__value="6"):
        assert example.url in body
    assert "?steps=6" in body


def test_editor_creates_an_intervention_with_facets(client, interventions):
    sign_in_with_second_factor(client, make_user("admin@nji.example", superuser=True))
    url = reverse("wagtailadmin_pages:add", args=("voorbeelden", "interventionpage", interventions.pk))
    data = nested_form_data({
        "title": "Huiswerkbegeleiding", "slug": "huiswerkbegeleiding", "organisation": "Buurtwerk",
        "summary": "Hulp bij huiswerk voor kinderen.", "evidence_level": "not_assessed", "url": "", "database_url": "",
        "body": streamfield([]), "action-publish": "publish",
    })
    data.update({"target_groups": ["children"], "themes": ["school_costs"], "steps": ["5"]})
    response = client.post(url, data)
    assert response.status_code == 302
    page = InterventionPage.objects.get(slug="huiswerkbegeleiding", locale=interventions.locale)
    assert sorted(str(v) for v in page.facet_values.all()) == ["steps=5", "target_groups=children", "themes=school_costs"]

    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert 'name="target_groups" value="children" id="id_target_groups_0" checked' in edit


def test_deleting_a_page_deletes_its_facet_values(interventions):
    page = InterventionPage.objects.child_of(interventions).first()
    page_id = page.pk
    Page.objects.get(pk=page_id).delete()
    assert not FacetValue.objects.filter(page_id=page_id).exists()


def test_open_ended_facets_show_the_most_frequent_values_and_the_chosen_ones(db):
    from portal.models import Municipality
    from voorbeelden.listing import MAX_OPEN_OPTIONS, facet_groups

    codes = list(Municipality.objects.order_by("code").values_list("code", flat=True)[:40])
    counts = {"municipality": {code: number + 1 for number, code in enumerate(codes)}}
    rare = codes[0]
    (group,) = facet_groups(counts, {"municipality": [rare]}, [FACETS["municipality"]])
    shown = {option.value for option in group.options}
    assert len(shown) == MAX_OPEN_OPTIONS + 1
    assert rare in shown and codes[-1] in shown
    assert [option.label for option in group.options] == sorted(option.label for option in group.options)
