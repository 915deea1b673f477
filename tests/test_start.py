"""A new team's start checklist ticks itself off from the team's own data."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from gemeenten.answers import save_answer
from gemeenten.cycles import start_next_cycle
from gemeenten.models import Membership, Partner, PlanChange
from gemeenten.start import start_checklist
from tests.workspace import add_member, make_team, question

pytestmark = pytest.mark.django_db


def open_tasks(plan):
    plan.refresh_from_db()
    checklist = start_checklist(plan)
    return None if checklist is None else [task.key for task in checklist if not task.done]


def meeting_url(team, plan):
    return reverse("gemeenten:first_meeting", args=[team.pk, plan.cycle])


def test_each_task_is_ticked_off_by_what_the_team_does(client):
    coordinator, team, plan = make_team()
    client.force_login(coordinator)
    overview = client.get(reverse("gemeenten:plan", args=[team.pk, plan.cycle])).content.decode()
    assert "Zo begin je" in overview and "Nog niemand uit: onderwijs, maatschappelijke partner." in overview
    assert open_tasks(plan) == ["invite", "partners", "meeting", "step-1"]

    for email, sector in (("school@team.example", "education"), ("welzijn@team.example", "social_partner")):
        Membership.objects.filter(user=add_member(team, email)).update(sector=sector)
    Partner.objects.create(plan=plan, organisation="Bibliotheek", updated_by=coordinator)
    assert open_tasks(plan) == ["meeting", "step-1"]

    response = client.post(meeting_url(team, plan), {"first_meeting_on": "2027-01-15"})
    assert response["Location"] == reverse("gemeenten:plan", args=[team.pk, plan.cycle])
    assert open_tasks(plan) == ["step-1"]
    assert plan.first_meeting_on == datetime.date(2027, 1, 15)
    assert PlanChange.objects.filter(plan=plan, summary="Eerste overleg gepland op 15 januari 2027").exists()

    save_answer(plan, "1", question("1"), "Wat we zien", 0, coordinator)
    assert open_tasks(plan) is None
    assert "Zo begin je" not in client.get(reverse("gemeenten:plan", args=[team.pk, plan.cycle])).content.decode()


@pytest.mark.parametrize(("value", "message"), [
    ("", "Kies de datum van het eerste overleg."),
    ("morgen", "Vul een datum in, bijvoorbeeld 15-01-2027."),
    ("1850-01-01", "Vul een datum in tussen 2000 en 2100."),
])
def test_a_bad_date_gets_a_message_and_changes_nothing(client, value, message):
    coordinator, team, plan = make_team()
    client.force_login(coordinator)
    response = client.post(meeting_url(team, plan), {"first_meeting_on": value})
    assert [str(m) for m in get_messages(response.wsgi_request)] == [message]
    plan.refresh_from_db()
    assert plan.first_meeting_on is None


def test_a_reader_cannot_plan_the_meeting_and_a_later_cycle_has_no_checklist(client):
    coordinator, team, plan = make_team()
    client.force_login(add_member(team, "lezer@team.example", "reader"))
    assert client.post(meeting_url(team, plan), {"first_meeting_on": "2027-01-15"}).status_code == 403
    assert start_checklist(start_next_cycle(plan, coordinator)) is None
