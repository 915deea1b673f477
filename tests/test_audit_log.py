"""Coordinators read who did what in their team and its surveys; members, readers and other teams do not."""

import pytest
from django.core import mail
from django.urls import reverse

from gemeenten.audit import Kind
from gemeenten.models import Invitation, Membership, TeamEvent
from participatie.models import ResponseAnswer, Review
from tests.surveys import answer, make_run
from tests.users import make_user
from tests.workspace import add_member, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(client):
    coordinator, team, plan = make_team("coordinator@logboek.example")
    client.force_login(coordinator)
    return coordinator, team, plan


def summaries(team, kind=""):
    events = TeamEvent.objects.filter(team=team)
    return [event.summary for event in (events.filter(kind=kind) if kind else events)]


def test_team_changes_are_recorded(client, team):
    coordinator, team, _plan = team
    assert summaries(team) == ["Team gestart"]
    client.post(reverse("gemeenten:members", args=[team.pk]), {"email": "nieuw@school.example", "role": "member"})
    assert len(mail.outbox) == 1
    member = add_member(team, "lid@school.example")
    membership = Membership.objects.get(team=team, user=member)
    client.post(reverse("gemeenten:membership", args=[team.pk, membership.pk]), {"action": "role", "role": "reader"})
    client.post(reverse("gemeenten:membership", args=[team.pk, membership.pk]), {"action": "remove"})
    invitation = Invitation.objects.get(team=team, email="nieuw@school.example")
    client.post(reverse("gemeenten:withdraw_invitation", args=[team.pk, invitation.pk]))
    events = TeamEvent.objects.filter(team=team, kind=Kind.TEAM)
    assert all(event.user == coordinator for event in events)
    assert summaries(team, Kind.TEAM) == [
        "Uitnodiging aan nieuw@school.example ingetrokken",
        "lid@school.example uit het team verwijderd",
        "lid@school.example is nu Lezer",
        "nieuw@school.example uitgenodigd als Lid",
        "Team gestart",
    ]


def test_survey_changes_reviews_and_downloads_are_recorded_without_what_respondents_wrote(client, team):
    coordinator, team, plan = team
    run = make_run(team, min_group_size=5)
    for _number in range(6):
        answer(run, {"school": "Noord", "mood": 3, "wish": "Een geheime wens"})
    open_answer = ResponseAnswer.objects.filter(response__run=run).exclude(text="").first()
    client.post(reverse("gemeenten:peilingen:review", args=[team.pk, run.pk]), {"answer": open_answer.pk, "decision": Review.SHOWN})
    client.post(reverse("gemeenten:peilingen:add_class_code", args=[team.pk, run.pk]),
                {"class-label": "Groep 7a", "class-max_responses": 30})
    class_code = run.class_codes.get()
    client.get(reverse("gemeenten:peilingen:export_csv", args=[team.pk, run.pk]))
    client.get(reverse("gemeenten:export_docx", args=[team.pk, plan.cycle]) + "?taal=nl")
    client.post(reverse("gemeenten:peilingen:delete_run", args=[team.pk, run.pk]), {"confirm": run.code})
    recorded = summaries(team)
    assert "Een open antwoord van “Testpeiling” getoond" in recorded
    assert f"Klascode {class_code.code} (Groep 7a) toegevoegd aan “Testpeiling”" in recorded
    assert "Resultaten van “Testpeiling” gedownload als resultaten-test-kind.csv" in recorded
    assert any(summary.startswith("Plan voor 2027 gedownload als plan-") for summary in recorded)
    assert "Peiling “Testpeiling” met 6 antwoorden verwijderd" in recorded
    assert not any("geheime wens" in summary for summary in recorded)


def test_only_coordinators_of_the_team_read_the_log(client, team):
    _coordinator, team, _plan = team
    url = reverse("gemeenten:audit_log", args=[team.pk])
    response = client.get(url)
    assert response.status_code == 200 and "Team gestart" in response.content.decode()
    assert client.get(url, {"soort": "export"}).content.decode().count("Team gestart") == 0
    client.force_login(add_member(team, "lid@logboek.example"))
    assert client.get(url).status_code == 403
    client.force_login(add_member(team, "lezer@logboek.example", role="reader"))
    assert client.get(url).status_code == 403
    client.force_login(make_user("buiten@elders.example"))
    assert client.get(url).status_code == 404
