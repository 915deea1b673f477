"""The structured sections of a plan: partners, results, approaches with their building-block scores,
monitoring and contact agreements, and the council's decision, through the workspace's own views."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from gemeenten import sections as section_rules
from gemeenten.models import (
    Approach,
    ApproachScore,
    ContactAgreement,
    Membership,
    MonitoringAgreement,
    Partner,
    PlanChange,
    Result,
)
from gemeenten.models.team import Role
from gemeenten.teams import create_team
from portal.models import Municipality
from stappen.building_blocks import BUILDING_BLOCKS
from tests.users import make_user
from voorbeelden.models import InterventionPage

pytestmark = pytest.mark.django_db

CYCLE = 2027

# Valid data for each section, and one field to change afterwards.
VALID = {
    "partners": ({"organisation": "Stichting Leergeld", "sector": "social_partner", "role": "Pays school trips", "contact": "Team leader"}, "role"),
    "resultaten": ({"result": "More children join a sports club", "indicator": "Share of children in a club", "baseline": "40%", "baseline_year": "2025", "target": "55%", "target_year": "2028", "source": "Youth monitor"}, "target"),
    "aanpakken": ({"name": "Homework club in the library", "description": "Twice a week"}, "description"),
    "monitoring": ({"level": "outcome", "what": "Club membership", "how": "Club registrations", "how_often": "Yearly", "who": "Sports desk", "next_moment": "2027-06-01"}, "who"),
    "contactafspraken": ({"what": "Progress of the plan", "when": "Every two months", "how": "Partner meeting"}, "how"),
}
MODELS = {
    "partners": Partner,
    "resultaten": Result,
    "aanpakken": Approach,
    "monitoring": MonitoringAgreement,
    "contactafspraken": ContactAgreement,
}
STEPS = {"partners": "2", "resultaten": "4", "aanpakken": "5", "monitoring": "6", "contactafspraken": "7"}


def prefixed(slug, data):
    return {f"{slug}-{name}": value for name, value in data.items()}


@pytest.fixture
def municipality(db):
    return Municipality.objects.get(code="GM0453")


@pytest.fixture
def member(db):
    return make_user("lid@example.org")


@pytest.fixture
def plan(member, municipality):
    team = create_team(member, "Armoede-aanpak Velsen", [municipality], CYCLE)
    return team.plans.get()


@pytest.fixture
def client_of(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def as_member(client_of, member, plan):
    return client_of(member)


def section_url(plan, slug):
    return reverse("gemeenten:section", args=[plan.team_id, plan.cycle, slug])


def row_url(plan, slug, pk):
    return reverse("gemeenten:section_row", args=[plan.team_id, plan.cycle, slug, pk])


def scores_url(plan, pk):
    return reverse("gemeenten:scores", args=[plan.team_id, plan.cycle, pk])


def council_url(plan):
    return reverse("gemeenten:council_decision", args=[plan.team_id, plan.cycle])


def worksheet_url(plan, code):
    return reverse("gemeenten:worksheet", args=[plan.team_id, plan.cycle, code])


def make_row(plan, slug, user=None, **overrides):
    data, _changed = VALID[slug]
    values = {**data, **overrides}
    for name in ("baseline_year", "target_year"):
        if name in values:
            values[name] = int(values[name])
    if "next_moment" in values:
        values["next_moment"] = datetime.date.fromisoformat(values["next_moment"])
    return MODELS[slug].objects.create(plan=plan, updated_by=user, **values)


# Adding, changing and removing rows


@pytest.mark.parametrize("slug", list(VALID))
def test_a_member_adds_changes_and_removes_a_row(as_member, plan, member, slug):
    data, changed_field = VALID[slug]
    model = MODELS[slug]

    response = as_member.post(section_url(plan, slug), prefixed(slug, data))
    assert response.status_code == 302
    assert response["Location"] == worksheet_url(plan, STEPS[slug]) + f"#section-{slug}"
    row = model.objects.get(plan=plan)
    assert row.updated_by == member
    added = PlanChange.objects.filter(plan=plan, step_code=STEPS[slug]).first()
    assert added.user == member
    assert str(row)[:40] in added.summary

    response = as_member.get(row_url(plan, slug, row.pk))
    assert response.status_code == 200
    assert f'name="{slug}-{changed_field}"' in response.text

    response = as_member.post(
        row_url(plan, slug, row.pk),
        {"action": "save", "seen": section_rules.row_stamp(row), **prefixed(slug, {**data, changed_field: "Changed"})},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#section-{slug}-{row.pk}")
    row.refresh_from_db()
    assert getattr(row, changed_field) == "Changed"
    assert PlanChange.objects.filter(plan=plan, step_code=STEPS[slug]).count() == 2

    response = as_member.post(row_url(plan, slug, row.pk), {"action": "delete"})
    assert response.status_code == 302
    assert not model.objects.filter(pk=row.pk).exists()
    assert PlanChange.objects.filter(plan=plan, step_code=STEPS[slug]).count() == 3


def test_saving_an_unchanged_row_records_nothing(as_member, plan, member):
    partner = make_row(plan, "partners", member)
    before = PlanChange.objects.count()
    response = as_member.post(row_url(plan, "partners", partner.pk), {"action": "save", "seen": section_rules.row_stamp(partner), **prefixed("partners", VALID["partners"][0])})
    assert response.status_code == 302
    assert PlanChange.objects.count() == before


def test_reading_the_section_address_leads_to_the_worksheet(as_member, plan):
    response = as_member.get(section_url(plan, "monitoring"))
    assert response.status_code == 302
    assert response["Location"] == worksheet_url(plan, "6") + "#section-monitoring"


def test_an_unknown_section_is_not_found(as_member, plan):
    assert as_member.get(section_url(plan, "begroting")).status_code == 404
    assert as_member.post(section_url(plan, "begroting"), {}).status_code == 404
    assert as_member.get(row_url(plan, "begroting", 1)).status_code == 404


def test_a_row_of_another_plan_is_not_found(as_member, plan, member, municipality):
    other_plan = create_team(member, "Another team", [municipality], CYCLE).plans.get()
    partner = make_row(other_plan, "partners", member)
    assert as_member.get(row_url(plan, "partners", partner.pk)).status_code == 404
    assert as_member.post(row_url(plan, "partners", partner.pk), {"action": "delete"}).status_code == 404
    # A row of this plan under another section's slug is not found either.
    assert as_member.get(row_url(plan, "resultaten", partner.pk)).status_code == 404
    assert Partner.objects.filter(pk=partner.pk).exists()


# Validation, in English so the messages can be read here


def post_in_english(client, url, data):
    return client.post(url, data)


def english_url(view, *args):
    with translation.override("en"):
        return reverse(view, args=args)


def test_too_long_text_is_refused_and_kept(as_member, plan):
    long_name = "x" * 161
    data = prefixed("partners", {"organisation": long_name, "sector": "", "role": "", "contact": ""})
    response = post_in_english(as_member, english_url("gemeenten:section", plan.team_id, CYCLE, "partners"), data)
    assert response.status_code == 422
    assert "Ensure this value has at most 160 characters (it has 161)." in response.text
    assert f'value="{long_name}"' in response.text
    assert 'aria-describedby="id_partners-organisation_error"' in response.text
    assert 'id="id_partners-organisation_error"' in response.text
    assert 'for="id_partners-organisation"' in response.text
    assert not Partner.objects.filter(plan=plan).exists()


@pytest.mark.parametrize(
    ("years", "field", "message"),
    [
        ({"baseline_year": "1999"}, "baseline_year", "Enter a year between 2000 and 2100."),
        ({"target_year": "2200"}, "target_year", "Enter a year between 2000 and 2100."),
        ({"target_year": "next year"}, "target_year", "Enter a year as four digits, for example 2026."),
        ({"baseline_year": "2026", "target_year": "2024"}, "target_year", "The target year cannot be earlier than the year of the baseline."),
    ],
)
def test_bad_years_are_refused(as_member, plan, years, field, message):
    data = {**VALID["resultaten"][0], **years}
    response = post_in_english(as_member, english_url("gemeenten:section", plan.team_id, CYCLE, "resultaten"), prefixed("resultaten", data))
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert message in response.text
    assert not Result.objects.filter(plan=plan).exists()


def test_an_approach_needs_an_intervention_or_a_name(as_member, plan):
    url = english_url("gemeenten:section", plan.team_id, CYCLE, "aanpakken")
    response = post_in_english(as_member, url, prefixed("aanpakken", {"name": "", "description": "Something"}))
    assert response.status_code == 422
    assert "Enter the name of a local activity, or choose an intervention from the portal above." in response.text
    assert "Something" in response.text
    assert not Approach.objects.filter(plan=plan).exists()


def test_an_approach_from_the_portal_keeps_the_portal_title(as_member, plan, nl):
    intervention = InterventionPage.objects.live().filter(locale=nl).first()
    assert intervention is not None, "the demo should have interventions"
    url = section_url(plan, "aanpakken")

    response = as_member.post(url, prefixed("aanpakken", {"intervention": intervention.pk, "name": "Own name"}))
    assert response.status_code == 422
    assert response.context["form"].has_error("name")

    response = as_member.post(url, prefixed("aanpakken", {"intervention": intervention.pk, "name": ""}))
    assert response.status_code == 302
    approach = Approach.objects.get(plan=plan)
    assert approach.intervention_id == intervention.pk
    assert approach.name == intervention.title

    # Its edit form starts with an empty name, so saving it unchanged is valid.
    response = as_member.get(row_url(plan, "aanpakken", approach.pk))
    form = response.context["form"]
    assert form["name"].value() == ""
    assert as_member.post(row_url(plan, "aanpakken", approach.pk), {"action": "save", "seen": section_rules.row_stamp(approach), **prefixed("aanpakken", {"intervention": intervention.pk})}).status_code == 302


def test_an_intervention_in_another_language_cannot_be_chosen(as_member, plan, en):
    english = InterventionPage.objects.live().filter(locale=en).first()
    if english is None:
        pytest.skip("the demo has no English interventions")
    response = as_member.post(section_url(plan, "aanpakken"), prefixed("aanpakken", {"intervention": english.pk}))
    assert response.status_code == 422
    assert response.context["form"].has_error("intervention", "invalid_choice")

    # One chosen earlier in the English workspace stays valid when the approach is changed in Dutch.
    approach = Approach.objects.create(plan=plan, intervention=english, name=english.title)
    response = as_member.post(
        row_url(plan, "aanpakken", approach.pk),
        {"action": "save", "seen": section_rules.row_stamp(approach), **prefixed("aanpakken", {"intervention": english.pk, "description": "Added later"})},
    )
    assert response.status_code == 302
    approach.refresh_from_db()
    assert (approach.intervention_id, approach.description) == (english.pk, "Added later")


def test_an_approach_links_only_to_this_plans_results(as_member, plan, member, municipality):
    own = make_row(plan, "resultaten", member)
    other_plan = create_team(member, "Another team", [municipality], CYCLE).plans.get()
    foreign = make_row(other_plan, "resultaten", member)
    url = section_url(plan, "aanpakken")

    response = as_member.post(url, prefixed("aanpakken", {"name": "Holiday activities", "result": foreign.pk}))
    assert response.status_code == 422
    assert response.context["form"].has_error("result", "invalid_choice")

    response = as_member.post(url, prefixed("aanpakken", {"name": "Holiday activities", "result": own.pk}))
    assert response.status_code == 302
    assert Approach.objects.get(plan=plan).result == own


# Scores on the building blocks and the matrix


def test_scoring_an_approach_fills_the_matrix(as_member, plan, member):
    approach = make_row(plan, "aanpakken", member)
    response = as_member.get(scores_url(plan, approach.pk))
    assert response.status_code == 200
    assert response.text.count("<fieldset") == len(BUILDING_BLOCKS)

    data = {
        "scores-goal_oriented-score": "yes",
        "scores-goal_oriented-explanation": "Aims at club membership",
        "scores-lasting-score": "partly",
        "scores-lasting-explanation": "",
    }
    response = as_member.post(scores_url(plan, approach.pk), data)
    assert response.status_code == 302
    assert response["Location"] == worksheet_url(plan, "5") + "#building-blocks"
    scores = {score.building_block: score for score in ApproachScore.objects.filter(approach=approach)}
    assert set(scores) == {"goal_oriented", "lasting"}
    assert scores["goal_oriented"].explanation == "Aims at club membership"
    change = PlanChange.objects.filter(plan=plan, step_code="5").first()
    assert change.user == member and approach.name in change.summary

    matrix = section_rules.sections_for_step(plan, "5")[0].matrix
    assert [key for key, _label in matrix.blocks] == [key for key, _label in BUILDING_BLOCKS]
    (row,) = matrix.rows
    cells = {cell.block: cell for cell in row.cells}
    assert cells["goal_oriented"].score == "yes" and cells["goal_oriented"].explanation == "Aims at club membership"
    assert cells["lasting"].score == "partly"
    assert cells["learning"].score == ""

    html = as_member.get(english_url("gemeenten:worksheet", plan.team_id, CYCLE, "5")).text
    assert 'id="building-blocks"' in html
    assert "<summary>Meets it</summary>" in html
    assert "Aims at club membership" in html
    assert ">Partly<" in html.replace("\n", "").replace("  ", "")
    assert "Not scored" in html
    assert english_url("gemeenten:scores", plan.team_id, CYCLE, approach.pk) in html

    form_page = as_member.get(scores_url(plan, approach.pk)).text
    assert '<option value="partly" selected>' in form_page
    assert "Aims at club membership" in form_page

    # Setting a block back to "not scored" removes its score.
    as_member.post(scores_url(plan, approach.pk), {"scores-goal_oriented-score": "yes", "scores-goal_oriented-explanation": "Aims at club membership"})
    assert list(ApproachScore.objects.filter(approach=approach).values_list("building_block", flat=True)) == ["goal_oriented"]


def test_an_explanation_needs_a_score(as_member, plan, member):
    approach = make_row(plan, "aanpakken", member)
    url = english_url("gemeenten:scores", plan.team_id, CYCLE, approach.pk)
    response = post_in_english(as_member, url, {"scores-learning-explanation": "We evaluate twice a year"})
    assert response.status_code == 422
    assert "Choose a score for this building block, or leave its explanation empty." in response.text
    assert "We evaluate twice a year" in response.text
    assert 'aria-describedby="id_scores-learning-score_error"' in response.text
    too_long = post_in_english(as_member, url, {"scores-learning-score": "no", "scores-learning-explanation": "x" * 501})
    assert too_long.status_code == 422
    assert not ApproachScore.objects.filter(approach__plan=plan).exists()


def test_scores_of_another_plans_approach_are_not_found(as_member, plan, member, municipality):
    other_plan = create_team(member, "Another team", [municipality], CYCLE).plans.get()
    approach = make_row(other_plan, "aanpakken", member)
    assert as_member.get(scores_url(plan, approach.pk)).status_code == 404
    assert as_member.post(scores_url(plan, approach.pk), {"scores-lasting-score": "yes"}).status_code == 404


def test_the_sections_template_shows_rows_and_forms(plan, member):
    partner = make_row(plan, "partners", member)
    with translation.override("en"):
        html = render_to_string(
            "gemeenten/includes/sections.html",
            {"sections": section_rules.sections_for_step(plan, "2"), "plan": plan, "team": plan.team, "can_edit": True},
        )
    assert '<section id="section-partners"' in html
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    assert "Stichting Leergeld" in html and "Social partner" in html
    assert english_url("gemeenten:section_row", plan.team_id, CYCLE, "partners", partner.pk) in html
    assert 'for="id_partners-organisation"' in html

    with translation.override("en"):
        read_only = render_to_string(
            "gemeenten/includes/sections.html",
            {"sections": section_rules.sections_for_step(plan, "2"), "plan": plan, "team": plan.team, "can_edit": False},
        )
    assert "Stichting Leergeld" in read_only
    assert "<form" not in read_only


def test_the_approaches_page_does_not_grow_its_queries_with_the_approaches(as_member, plan, member, django_assert_max_num_queries):
    url = worksheet_url(plan, "5")
    result = make_row(plan, "resultaten", member)
    intervention = InterventionPage.objects.live().filter(locale=Locale.get_default()).first()

    def add_approaches(count):
        for number in range(count):
            approach = Approach.objects.create(
                plan=plan, name=f"Approach {number}", intervention=intervention if number % 2 else None,
                result=result, updated_by=member,
            )
            for key, _label in BUILDING_BLOCKS[:3]:
                ApproachScore.objects.create(approach=approach, building_block=key, score="yes", explanation="Because")

    add_approaches(1)
    as_member.get(url)  # warm up caches that are filled once per process
    with CaptureQueriesContext(connection) as one:
        assert as_member.get(url).status_code == 200
    add_approaches(9)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = as_member.get(url)
    assert response.status_code == 200
    assert response.text.count('class="utrecht-table__row" id="section-aanpakken-') == 10


# The council's decision


def test_the_council_decision_is_recorded(as_member, plan, member):
    url = english_url("gemeenten:council_decision", plan.team_id, CYCLE)
    assert as_member.get(council_url(plan)).status_code == 200

    response = post_in_english(as_member, url, {"council-council_decision_status": "adopted", "council-council_decision_date": ""})
    assert response.status_code == 422
    assert "Enter the date on which the council decided." in response.text

    response = post_in_english(as_member, url, {"council-council_decision_status": "adopted", "council-council_decision_date": "2027-13-40"})
    assert response.status_code == 422
    assert response.context["form"].has_error("council_decision_date", "invalid")

    response = as_member.post(council_url(plan), {"council-council_decision_status": "adopted", "council-council_decision_date": "2027-03-12"})
    assert response.status_code == 302
    assert response["Location"] == worksheet_url(plan, "7") + "#council-decision"
    plan.refresh_from_db()
    assert plan.council_decision_status == "adopted"
    assert plan.council_decision_date == datetime.date(2027, 3, 12)
    assert PlanChange.objects.filter(plan=plan, step_code="7", user=member).exists()

    step_seven = section_rules.sections_for_step(plan, "7")
    assert [block.section.slug for block in step_seven] == ["contactafspraken"]
    form_html = str(step_seven[0].council_form["council_decision_date"])
    assert 'type="date"' in form_html and 'value="2027-03-12"' in form_html


# Who may do what


def every_post(plan, rows):
    """Every address that changes something, with a valid post for it."""
    posts = [(section_url(plan, slug), prefixed(slug, VALID[slug][0])) for slug in VALID]
    posts += [(row_url(plan, slug, row.pk), {"action": "delete"}) for slug, row in rows.items()]
    posts += [
        (scores_url(plan, rows["aanpakken"].pk), {"scores-lasting-score": "yes"}),
        (council_url(plan), {"council-council_decision_status": "submitted"}),
    ]
    return posts


@pytest.fixture
def rows(plan, member):
    return {slug: make_row(plan, slug, member) for slug in VALID}


def test_a_reader_can_look_but_not_change(client_of, plan, rows):
    reader = make_user("lezer@example.org")
    Membership.objects.create(team=plan.team, user=reader, role=Role.READER)
    client = client_of(reader)
    for url, data in every_post(plan, rows):
        assert client.post(url, data).status_code == 403, url
    assert client.get(section_url(plan, "partners")).status_code == 302
    assert client.get(row_url(plan, "partners", rows["partners"].pk)).status_code == 403
    assert all(model.objects.filter(plan=plan).count() == 1 for model in MODELS.values())
    assert not ApproachScore.objects.filter(approach__plan=plan).exists()


def test_someone_from_another_team_finds_nothing(client_of, plan, rows, municipality):
    outsider = make_user("buiten@example.org")
    create_team(outsider, "Their own team", [municipality], CYCLE)
    client = client_of(outsider)
    for url, data in every_post(plan, rows):
        assert client.get(url).status_code == 404, url
        assert client.post(url, data).status_code == 404, url
    assert all(model.objects.filter(plan=plan).count() == 1 for model in MODELS.values())


def test_signing_in_is_required(client, plan, rows):
    response = client.get(row_url(plan, "partners", rows["partners"].pk))
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_an_archived_plan_refuses_changes(as_member, plan, rows):
    plan.archived_at = timezone.now()
    plan.save(update_fields=["archived_at"])
    before = PlanChange.objects.count()
    for url, data in every_post(plan, rows):
        assert as_member.post(url, data).status_code == 403, url
    assert as_member.get(row_url(plan, "partners", rows["partners"].pk)).status_code == 403
    assert all(model.objects.filter(plan=plan).count() == 1 for model in MODELS.values())
    assert PlanChange.objects.count() == before
    # It can still be read, without forms to add or change rows.
    page = as_member.get(worksheet_url(plan, "2"))
    assert page.status_code == 200
    assert "Stichting Leergeld" in page.text
    assert section_url(plan, "partners") not in page.text



def test_a_row_changed_by_someone_else_meanwhile_is_not_overwritten(as_member, plan, member):
    partner = make_row(plan, "partners", member)
    opened = section_rules.row_stamp(partner)
    Partner.objects.filter(pk=partner.pk).update(role="Hun rol", updated_at=timezone.now())
    data = {**VALID["partners"][0], "role": "Mijn rol"}
    response = as_member.post(row_url(plan, "partners", partner.pk), {"action": "save", "seen": opened, **prefixed("partners", data)})
    assert response.status_code == 422
    assert "Mijn rol" in response.text
    partner.refresh_from_db()
    assert partner.role == "Hun rol"
    again = {"action": "save", "seen": response.context["seen"], **prefixed("partners", data)}
    assert as_member.post(row_url(plan, "partners", partner.pk), again).status_code == 302
    partner.refresh_from_db()
    assert partner.role == "Mijn rol"
