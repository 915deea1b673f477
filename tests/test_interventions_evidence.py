"""Evidence levels you can check: the recognition record of an intervention, its rules in the admin, the value for
provisions, how the overview, the search and the pages show it, and the facts the demo states."""

import datetime
import importlib
import re

import pytest
import yaml
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.users import make_user, sign_in_with_second_factor
from voorbeelden.demo.practice import CONTENT_DIR
from voorbeelden.facets import FACETS, UNASSESSED_LEVELS
from voorbeelden.factories import InterventionPageFactory
from voorbeelden.models import InterventionIndexPage, InterventionPage

INTERVENTIONS = yaml.safe_load((CONTENT_DIR / "interventions.yaml").read_text(encoding="utf-8"))
HOME_START_ENTRY = "https://www.nji.nl/nl/Databank/Effectieve-Jeugdinterventies/Interventies/Erkend/Home-Start"
# Provisions and statutory services: no intervention the recognition system could assess.
PROVISIONS = ["voedselbank", "kindpakket-gemeente", "schuldhulpverlening-voor-gezinnen", "schuldhulpmaatje"]


@pytest.fixture
def interventions(nl):
    return InterventionIndexPage.objects.get(locale=nl)


@pytest.fixture
def home_start(interventions):
    return InterventionPage.objects.child_of(interventions).get(slug="home-start")


@pytest.fixture
def editor(client, db):
    sign_in_with_second_factor(client, make_user("evidence-editor@nji.example", superuser=True))
    return client


def texts(entry):
    """Every Dutch and English text of a demo entry, body included."""
    if isinstance(entry, dict):
        for value in entry.values():
            yield from texts(value)
    elif isinstance(entry, list):
        for value in entry:
            yield from texts(value)
    elif isinstance(entry, str):
        yield entry


# The demo's content ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", INTERVENTIONS, ids=lambda entry: entry["slug"])
def test_every_assessed_level_in_the_demo_has_a_date_target_group_and_source(entry):
    assert entry["evidence_level"] in FACETS["evidence_level"].labels
    if entry["evidence_level"] in UNASSESSED_LEVELS:
        assert "evidence_assessed_on" not in entry and "evidence_target_group" not in entry
        return
    assert isinstance(entry["evidence_assessed_on"], datetime.date)
    assert all(entry["evidence_target_group"][language].strip() for language in ("nl", "en"))
    assert entry["database_url"].startswith("https://www.nji.nl/") or "loketgezondleven.nl" in entry["database_url"]


def test_only_home_start_carries_a_level_the_database_states():
    assessed = {entry["slug"]: entry for entry in INTERVENTIONS if entry["evidence_level"] not in UNASSESSED_LEVELS}
    assert list(assessed) == ["home-start"]
    home_start = assessed["home-start"]
    assert home_start["evidence_level"] == "good_indications"
    assert home_start["evidence_assessed_on"] == datetime.date(2019, 4, 8)
    assert home_start["database_url"] == HOME_START_ENTRY
    assert home_start["age_bands"] == ["0-4", "4-12"], "the assessed programme is for families with a child aged six or younger"


def test_provisions_are_not_applicable_rather_than_not_assessed():
    levels = {entry["slug"]: entry["evidence_level"] for entry in INTERVENTIONS}
    assert {levels[slug] for slug in PROVISIONS} == {"not_applicable"}
    assert "not_assessed" in levels.values(), "interventions nobody assessed stay 'not assessed'"


def test_professionals_are_a_target_group_only_where_the_help_is_for_them():
    """Professionals deliver most of these; only experts by experience also advise and train professionals."""
    assert [entry["slug"] for entry in INTERVENTIONS if "professionals" in entry["target_groups"]] == [
        "ervaringsdeskundigen-armoede"
    ]


@pytest.mark.parametrize(("slug", "bands", "stated"), [
    ("nationaal-fonds-kinderhulp", ["0-4", "4-12", "12-18", "18-23"], "van 0 tot 21 jaar"),
    ("stichting-leergeld", ["4-12", "12-18"], "van 4 tot 18 jaar"),
    ("jeugdfonds-sport-en-cultuur", ["4-12", "12-18"], "van 4 tot 18 jaar"),
    ("home-start", ["0-4", "4-12"], "zes jaar of jonger"),
])
def test_age_bands_cover_the_range_the_provider_states_and_the_text_says_it_exactly(slug, bands, stated):
    (entry,) = [entry for entry in INTERVENTIONS if entry["slug"] == slug]
    assert entry["age_bands"] == bands
    assert any(stated in text for text in texts(entry["body"]))


@pytest.mark.parametrize("entry", INTERVENTIONS, ids=lambda entry: entry["slug"])
def test_every_entry_says_what_a_municipality_can_do_in_both_languages(entry):
    blocks = [block["results"] for block in entry["body"] if "results" in block]
    heading = {"nl": "Wat kan een gemeente doen?", "en": "What can a municipality do?"}
    assert [block["heading"] for block in blocks] == [heading]
    assert blocks[0]["items"]


@pytest.mark.parametrize("entry", INTERVENTIONS, ids=lambda entry: entry["slug"])
def test_no_entry_claims_more_than_its_sources(entry):
    overclaim = re.compile(r"\b(bewezen|altijd|gegarandeerd|garandeert|proven|always|guarantee[sd]?)\b", re.IGNORECASE)
    assert [text for text in texts(entry) if overclaim.search(text)] == []


@pytest.mark.parametrize("name", ["target_groups", "age_bands", "life_domains", "themes", "evidence_level"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_facet_labels_have_no_comma_since_a_page_lists_them_joined_by_commas(name, language):
    with translation.override(language):
        assert [str(label) for label in FACETS[name].labels.values() if "," in str(label)] == []


def test_the_demo_loads_schuldhulpmaatje_as_a_provision_in_both_languages(interventions, en):
    page = InterventionPage.objects.child_of(interventions).get(slug="schuldhulpmaatje")
    assert page.evidence_level == "not_applicable"
    assert page.facet_codes("themes") == ["money_and_debts", "signalling"]
    english = page.get_translation(en)
    assert english.live and english.title.startswith("SchuldHulpMaatje (volunteer")
    assert english.facet_codes("themes") == page.facet_codes("themes")


def test_translations_carry_the_record_with_the_target_group_in_their_language(home_start, en):
    english = home_start.get_translation(en)
    assert (english.evidence_level, english.evidence_assessed_on, english.database_url) == (
        "good_indications", datetime.date(2019, 4, 8), HOME_START_ENTRY,
    )
    assert home_start.evidence_target_group == "ouders met minstens één kind van zes jaar of jonger"
    assert english.evidence_target_group == "parents with at least one child aged six or younger"


# The rules of the record -----------------------------------------------------------------------------------------


def test_a_level_is_not_saved_without_its_record(interventions):
    with pytest.raises(ValidationError) as refused:
        InterventionPageFactory(parent=interventions, evidence_level="well_founded")
    assert set(refused.value.message_dict) == {"evidence_assessed_on", "evidence_target_group", "database_url"}


def test_a_complete_record_is_saved_and_a_provision_needs_none(interventions):
    assert InterventionPageFactory(parent=interventions, assessed=True).evidence_is_assessed
    provision = InterventionPageFactory(parent=interventions, evidence_level="not_applicable")
    assert not provision.evidence_is_assessed


def admin_form(**fields):
    data = nested_form_data({
        "title": "Opvoedsteun thuis", "slug": "opvoedsteun-thuis", "organisation": "Buurtwerk",
        "summary": "Een vrijwilliger steunt ouders thuis.", "url": "", "database_url": "",
        "evidence_level": "not_assessed", "evidence_assessed_on": "", "evidence_target_group": "",
        "body": streamfield([]), "action-publish": "publish", **fields,
    })
    data.update({"target_groups": ["parents"], "steps": ["5"]})
    return data


def add_url(interventions):
    return reverse("wagtailadmin_pages:add", args=("voorbeelden", "interventionpage", interventions.pk))


def test_the_admin_refuses_an_assessed_level_without_date_target_group_and_link(editor, interventions):
    response = editor.post(add_url(interventions), admin_form(evidence_level="good_indications"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"evidence_assessed_on", "evidence_target_group", "database_url"}
    body = response.content.decode()
    for message in (
        "An assessed level needs the date of the assessment, as the database entry gives it.",
        "An assessed level needs the target group it was given for.",
        "An assessed level needs the link to its entry in the national database.",
    ):
        assert escape(gettext(message)) in body
    assert not InterventionPage.objects.filter(slug="opvoedsteun-thuis").exists()


def test_the_admin_refuses_a_future_date_and_a_date_without_a_level(editor, interventions):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    future = editor.post(add_url(interventions), admin_form(
        evidence_level="good_indications", evidence_assessed_on=tomorrow,
        evidence_target_group="ouders van jonge kinderen", database_url=HOME_START_ENTRY,
    ))
    assert set(future.context["form"].errors) == {"evidence_assessed_on"}
    stray = editor.post(add_url(interventions), admin_form(evidence_assessed_on="2019-04-08"))
    assert set(stray.context["form"].errors) == {"evidence_assessed_on"}
    assert not InterventionPage.objects.filter(slug="opvoedsteun-thuis").exists()


def test_the_admin_saves_an_assessed_level_with_its_record(editor, interventions):
    response = editor.post(add_url(interventions), admin_form(
        evidence_level="good_indications", evidence_assessed_on="2019-04-08",
        evidence_target_group="ouders met minstens één kind van zes jaar of jonger", database_url=HOME_START_ENTRY,
    ))
    assert response.status_code == 302
    page = InterventionPage.objects.get(slug="opvoedsteun-thuis", locale=interventions.locale)
    assert (page.evidence_level, page.evidence_assessed_on) == ("good_indications", datetime.date(2019, 4, 8))


def test_the_migration_keeps_only_supported_levels_on_the_page_and_in_its_latest_revision(interventions):
    migration = importlib.import_module("voorbeelden.migrations.0003_keep_supported_levels")
    supported = InterventionPageFactory(parent=interventions, assessed=True)
    unsupported = InterventionPageFactory(parent=interventions)
    # A level saved before the record existed: written past the model's rules, as the old code could.
    InterventionPage.objects.filter(pk=unsupported.pk).update(evidence_level="well_founded")
    unsupported.refresh_from_db()
    revision = unsupported.save_revision(clean=False)
    assert revision.content["evidence_level"] == "well_founded"

    migration.keep_supported_levels(apps, None)

    unsupported.refresh_from_db()
    revision.refresh_from_db()
    assert unsupported.evidence_level == revision.content["evidence_level"] == "not_assessed"
    supported.refresh_from_db()
    assert supported.evidence_level == "good_indications"


# What visitors see -----------------------------------------------------------------------------------------------


def test_the_page_shows_level_date_target_group_and_link(client, home_start, en):
    # An intervention's `url` field is its website: the page's own address comes from get_url().
    body = client.get(home_start.get_url()).content.decode()
    assert ("Effectief volgens goede aanwijzingen — beoordeeld op 8 april 2019 voor "
            "ouders met minstens één kind van zes jaar of jonger") in body
    assert f'href="{HOME_START_ENTRY}"' in body
    english = client.get(home_start.get_translation(en).get_url()).content.decode()
    assert ("Effective according to good indications — assessed on 8 April 2019 for "
            "parents with at least one child aged six or younger") in english


def test_the_card_in_the_overview_shows_the_record(client, interventions):
    body = client.get(interventions.url, {"themes": "parenting_support"}).content.decode()
    assert "beoordeeld op 8 april 2019 voor ouders met minstens één kind van zes jaar of jonger" in body
    assert f'href="{HOME_START_ENTRY}"' in body


def test_a_provision_shows_its_own_value_and_no_assessment(client, interventions):
    page = InterventionPage.objects.child_of(interventions).get(slug="voedselbank")
    body = client.get(page.get_url()).content.decode()
    assert "Niet van toepassing: voorziening" in body
    assert "beoordeeld op" not in body


def test_the_overview_filters_on_the_new_value(client, interventions):
    response = client.get(interventions.url, {"evidence_level": "not_applicable"})
    results = list(response.context["results"].paginator.object_list)
    assert {page.evidence_level for page in results} == {"not_applicable"}
    assert {"voedselbank", "schuldhulpmaatje"} <= {page.slug for page in results}
    (group,) = [group for group in response.context["facet_groups"] if group.name == "evidence_level"]
    chosen = {option.value: option for option in group.options}["not_applicable"]
    assert chosen.checked and chosen.count == len(results)
    assert chosen.label == "Niet van toepassing: voorziening"


def test_the_search_filters_and_counts_the_new_value(client, db):
    everything = client.get("/zoeken/", {"q": "schulden"})
    groups = {group.name: group for group in everything.context["facet_groups"]}
    counts = {option.value: option.count for option in groups["evidence_level"].options}
    assert counts["not_applicable"] > 0
    chosen = client.get("/zoeken/", {"q": "schulden", "evidence_level": "not_applicable"})
    assert chosen.status_code == 200
    assert chosen.context["results"].paginator.count == counts["not_applicable"]
    titles = [item.title for item in chosen.context["items"]]
    assert "SchuldHulpMaatje (vrijwilligers naast mensen met geldzorgen)" in titles
