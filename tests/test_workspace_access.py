"""Every workspace URL goes through gemeenten.access: strangers get 404, anonymous visitors the login page."""

import pytest
from django.urls import reverse

from gemeenten.answers import save_answer
from gemeenten.models import Approach, Invitation, Membership, Partner, PlanExport
from gemeenten.teams import invitation_token
from tests.workspace import make_team, question

pytestmark = pytest.mark.django_db

GET, POST, BOTH = ("get",), ("post",), ("get", "post")


@pytest.fixture
def urls():
    """Every URL of one team's workspace that shows or changes its data, with the methods it takes.

    A view answers a method it does not take with 405 before looking anything up, which reveals nothing."""
    coordinator, team, plan = make_team()
    asked = question("1")
    save_answer(plan, "1", asked, "Geheim antwoord", 0, coordinator)
    membership = Membership.objects.get(team=team, user=coordinator)
    invitation = Invitation.objects.create(team=team, email="x@team.example", invited_by=coordinator)
    partner = Partner.objects.create(plan=plan, organisation="Bibliotheek")
    approach = Approach.objects.create(plan=plan, name="Schoolontbijt")
    export = PlanExport.objects.create(plan=plan, kind="pdf", language="nl", content=b"%PDF Geheim antwoord")
    t, c = team.pk, plan.cycle
    return [
        (reverse("gemeenten:team", args=[t]), BOTH),
        (reverse("gemeenten:members", args=[t]), BOTH),
        (reverse("gemeenten:audit_log", args=[t]), GET),
        (reverse("gemeenten:membership", args=[t, membership.pk]), POST),
        (reverse("gemeenten:withdraw_invitation", args=[t, invitation.pk]), POST),
        (reverse("gemeenten:plan", args=[t, c]), BOTH),
        (reverse("gemeenten:changes", args=[t, c]), BOTH),
        (reverse("gemeenten:first_meeting", args=[t, c]), POST),
        (reverse("gemeenten:worksheet", args=[t, c, "1"]), BOTH),
        (reverse("gemeenten:step_status", args=[t, c, "1"]), POST),
        (reverse("gemeenten:answer", args=[t, c, asked.id]), BOTH),
        (reverse("gemeenten:section", args=[t, c, "partners"]), BOTH),
        (reverse("gemeenten:section_row", args=[t, c, "partners", partner.pk]), BOTH),
        (reverse("gemeenten:scores", args=[t, c, approach.pk]), BOTH),
        (reverse("gemeenten:council_decision", args=[t, c]), BOTH),
        (reverse("gemeenten:next_cycle", args=[t, c]), BOTH),
        (reverse("gemeenten:reopen_previous", args=[t, c]), BOTH),
        (reverse("gemeenten:export_pdf", args=[t, c]), GET),
        (reverse("gemeenten:export_docx", args=[t, c]), GET),
        (reverse("gemeenten:export_status", args=[t, c, export.pk]), GET),
    ]


def test_a_member_of_another_team_gets_404_everywhere(client, urls):
    stranger, _team, _plan = make_team("vreemde@zaanstad.example", code="GM0479", name="Ander team")
    client.force_login(stranger)
    for url, methods in urls:
        for method in methods:
            response = getattr(client, method)(url)
            assert response.status_code == 404, (method, url, response.status_code)
            assert b"Geheim antwoord" not in response.content


def test_anonymous_visitors_are_sent_to_login_everywhere(client, urls):
    for url, methods in urls + [(reverse("gemeenten:workspace"), GET), (reverse("gemeenten:create_team"), BOTH)]:
        response = getattr(client, methods[0])(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url


def test_an_invitation_link_does_not_reveal_other_teams(client):
    _coordinator, team, _plan = make_team()
    invitation = Invitation.objects.create(team=team, email="x@team.example")
    stranger, _other, _plan = make_team("vreemde@zaanstad.example", code="GM0479", name="Ander team")
    client.force_login(stranger)
    url = reverse("gemeenten:accept_invitation", args=[invitation_token(invitation)])
    response = client.post(url, {"organisation": "Ergens", "sector": ""})
    assert response.status_code == 403
    assert not Membership.objects.filter(team=team, user=stranger).exists()


def test_out_of_range_ids_and_versions_are_404_not_500(client):
    coordinator, team, plan = make_team()
    client.force_login(coordinator)
    assert client.get(f"/werkruimte/{'9' * 20}/").status_code == 404
    assert client.get(f"/werkruimte/{team.pk}/99999/").status_code == 404
    assert client.get(f"/werkruimte/{team.pk}/{plan.cycle}/partners/{'9' * 12}/").status_code == 404
    asked = question("1")
    save_answer(plan, "1", asked, "Tekst", 0, coordinator)
    url = reverse("gemeenten:answer", args=[team.pk, plan.cycle, asked.id])
    for version in ("9" * 30, "abc", ""):
        assert client.post(url, {"action": "restore", "version": version}).status_code == 404
    field = f"q-{asked.id}"
    response = client.post(url, {field: "Nieuw", f"{field}-base": "9" * 30}, headers={"Accept": "application/json"})
    assert response.status_code == 409
