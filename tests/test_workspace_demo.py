"""The demo teams: Velsen with a plan well under way, Zaanstad just started, each only visible to its own members."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.http import Http404

from gemeenten.access import Need, plan_access
from gemeenten.demo.workspace import read_teams
from gemeenten.method import find_question, find_step, step_questions
from gemeenten.models import (
    Answer,
    AnswerVersion,
    Approach,
    ApproachScore,
    ContactAgreement,
    Membership,
    MonitoringAgreement,
    Partner,
    PlanChange,
    Result,
    StepState,
    Team,
)
from gemeenten.models.team import Role, Sector
from portal.demo.users import DEMO_PASSWORD
from portal.models import User

VELSEN = "Samen tegen armoede Velsen"
ZAANSTAD = "Zaanstad: elk kind doet mee"


@pytest.fixture
def velsen(db):
    return Team.objects.get(name=VELSEN)


@pytest.fixture
def velsen_plan(velsen):
    return velsen.plans.get(cycle=2027)


def test_two_teams_of_different_municipalities_with_their_coordinators(db):
    teams = [(VELSEN, "GM0453", "beleid@velsen.example"), (ZAANSTAD, "GM0479", "beleid@zaanstad.example")]
    for name, code, email in teams:
        team = Team.objects.get(name=name)
        assert list(team.municipalities.values_list("code", flat=True)) == [code]
        coordinator = Membership.objects.get(team=team, role=Role.COORDINATOR)
        assert coordinator.user.email == email
        assert coordinator.sector == Sector.MUNICIPALITY
        assert list(team.plans.values_list("cycle", flat=True)) == [2027]


def test_velsen_has_a_member_and_a_reader_who_can_sign_in(velsen):
    roles = {m.user.email: (m.role, m.sector) for m in velsen.memberships.select_related("user")}
    assert roles["s.elidrissi@velsen.example"] == (Role.MEMBER, Sector.EDUCATION)
    assert roles["r.koster@velsen.example"] == (Role.READER, Sector.SOCIAL_PARTNER)
    for email in ("s.elidrissi@velsen.example", "r.koster@velsen.example"):
        user = User.objects.get(email=email)
        assert user.check_password(DEMO_PASSWORD)
        assert user.get_full_name()
        assert EmailAddress.objects.get(user=user, email=email).verified


def test_velsen_plan_is_partly_filled_in(velsen_plan):
    answered_steps = set(Answer.objects.filter(plan=velsen_plan).values_list("step_code", flat=True))
    assert {"1", "2", "3"} <= answered_steps
    assert {state.step_code for state in StepState.objects.filter(plan=velsen_plan, done=True)} == {"1"}
    assert {answer.answer_kind for answer in velsen_plan.answers.all()} == {"text", "list", "table"}
    for code in ("1", "2", "3"):
        involvement = next(q for q in step_questions(find_step(code), False).questions if q.purpose == "involvement")
        assert velsen_plan.answers.filter(question_id=involvement.id).exists()


def test_every_demo_answer_fits_its_question(velsen_plan):
    for answer in Answer.objects.filter(plan__team__name__in=[VELSEN, ZAANSTAD]):
        step_code, question = find_question(answer.question_id, follow_up_cycle=False)
        assert step_code == answer.step_code
        assert answer.answer_kind == question.answer_kind
        assert answer.value
        if question.answer_kind == "table":
            assert all(len(row) == len(question.columns) for row in answer.value)
            assert all(isinstance(cell, str) for row in answer.value for cell in row)
        else:
            assert isinstance(answer.value, str)
        if question.answer_kind == "list":
            assert len(answer.value.splitlines()) > 1


def test_an_answer_has_a_history_by_two_members(velsen_plan):
    answer = next(answer for answer in velsen_plan.answers.all() if answer.versions.count() >= 2)
    authors = {version.author for version in answer.versions.all()}
    assert len(authors) == 2
    assert answer.version == answer.versions.count()
    assert not AnswerVersion.objects.filter(answer__plan=velsen_plan).exclude(kind=AnswerVersion.Kind.SAVED).exists()
    assert PlanChange.objects.filter(plan=velsen_plan, step_code="1").count() > answer.versions.count()


def test_velsen_plan_has_structured_rows(velsen_plan):
    partners = Partner.objects.filter(plan=velsen_plan)
    assert 4 <= partners.count() <= 5
    sectors = set(partners.values_list("sector", flat=True))
    assert {Sector.MUNICIPALITY, Sector.EDUCATION, Sector.SOCIAL_PARTNER} <= sectors

    results = Result.objects.filter(plan=velsen_plan)
    assert 2 <= results.count() <= 3
    for result in results:
        assert result.indicator and result.baseline and result.target
        assert result.baseline_year < result.target_year

    approaches = Approach.objects.filter(plan=velsen_plan).select_related("intervention", "result")
    assert approaches.count() == 2
    linked = [approach for approach in approaches if approach.intervention is not None]
    assert len(linked) == 1 and linked[0].intervention.live
    assert linked[0].name == linked[0].intervention.title
    for approach in approaches:
        assert approach.result is not None
        assert ApproachScore.objects.filter(approach=approach).count() >= 3

    assert MonitoringAgreement.objects.filter(plan=velsen_plan).count() == 2
    assert ContactAgreement.objects.filter(plan=velsen_plan).count() == 1
    for code in "24567":
        assert PlanChange.objects.filter(plan=velsen_plan, step_code=code).exists(), code
    assert {approach.updated_by.email for approach in approaches} == {"s.elidrissi@velsen.example"}


def test_zaanstad_plan_has_just_started(db):
    plan = Team.objects.get(name=ZAANSTAD).plans.get()
    answer = plan.answers.get()
    involvement = [q.id for q in step_questions(find_step("1"), False).questions if q.purpose == "involvement"]
    assert (answer.step_code, answer.question_id) == ("1", involvement[0])
    assert not StepState.objects.filter(plan=plan, done=True).exists()


def test_teams_are_only_visible_to_their_members(velsen_plan):
    zaanstad = User.objects.get(email="beleid@zaanstad.example")
    with pytest.raises(Http404):
        plan_access(zaanstad, velsen_plan.team_id, velsen_plan.cycle)
    reader = User.objects.get(email="r.koster@velsen.example")
    assert plan_access(reader, velsen_plan.team_id, velsen_plan.cycle).plan == velsen_plan
    with pytest.raises(PermissionDenied):
        plan_access(reader, velsen_plan.team_id, velsen_plan.cycle, Need.EDIT)


def test_demo_content_names_two_teams():
    assert [team["name"] for team in read_teams()] == [VELSEN, ZAANSTAD]


def test_loading_the_demo_again_creates_no_workspace_content(db):
    models = [
        User, Team, Membership, Answer, AnswerVersion, PlanChange, StepState,
        Partner, Result, Approach, ApproachScore, MonitoringAgreement, ContactAgreement,
    ]
    counts = lambda: [model.objects.count() for model in models]  # noqa: E731
    before = counts()
    out = StringIO()
    call_command("load_demo", demo_accounts=True, stdout=out)
    assert counts() == before
    assert out.getvalue().startswith("0 created")


def test_a_removed_demo_team_is_created_again_with_the_existing_accounts(velsen):
    velsen.delete()
    users = User.objects.count()
    out = StringIO()
    call_command("load_demo", demo_accounts=True, verbosity=2, stdout=out)
    assert User.objects.count() == users
    assert f"created: team {VELSEN} (plan 2027)" in out.getvalue()
    assert Team.objects.get(name=VELSEN).memberships.count() == 3
    assert Team.objects.filter(name=ZAANSTAD).count() == 1
