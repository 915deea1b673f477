import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from gemeenten import teams
from gemeenten.models import Invitation, Membership, TeamEvent
from portal.models import Municipality
from tests.users import make_user
from tests.workspace import add_member, make_team

pytestmark = pytest.mark.django_db


def invitation_link(message) -> str:
    return re.search(r"https?://\S+/werkruimte/uitnodiging/\S+/", message.body).group(0)


def test_starting_a_team_makes_its_coordinator_and_first_plan(client):
    user = make_user("start@team.example")
    client.force_login(user)
    response = client.post(reverse("gemeenten:create_team"), {
        "name": "Samen in Velsen", "municipalities": [], "cycle": "2027", "organisation": "", "sector": "",
    })
    assert response.status_code == 200
    assert "municipalities" in response.context["form"].errors
    velsen = Municipality.objects.get(code="GM0453")
    response = client.post(reverse("gemeenten:create_team"), {
        "name": "Samen in Velsen", "municipalities": [velsen.pk], "cycle": "2027", "organisation": "Gemeente Velsen",
        "sector": "municipality",
    })
    membership = Membership.objects.get(user=user)
    assert membership.role == "coordinator"
    assert membership.team.plans.get().cycle == 2027
    assert response["Location"] == reverse("gemeenten:team", args=[membership.team.pk])


def test_coordinator_invites_and_the_invitee_joins_once(client):
    coordinator, team, _plan = make_team()
    client.force_login(coordinator)
    response = client.post(reverse("gemeenten:members", args=[team.pk]), {"email": "Leraar@School.example", "role": "member"})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["leraar@school.example"]
    link = invitation_link(mail.outbox[-1])

    invitee = make_user("leraar@school.example")
    client.force_login(invitee)
    page = client.get(link)
    assert team.name in page.content.decode()
    response = client.post(link, {"organisation": "Basisschool De Linde", "sector": "education"})
    assert response["Location"] == reverse("gemeenten:team", args=[team.pk])
    membership = Membership.objects.get(team=team, user=invitee)
    assert (membership.role, membership.organisation, membership.sector) == ("member", "Basisschool De Linde", "education")
    assert TeamEvent.objects.filter(team=team, user=invitee, kind=TeamEvent.Kind.TEAM).exists(), "in the audit log"

    again = client.post(link, {"organisation": "", "sector": ""})
    assert again.status_code == 410
    assert "already been used" in again.content.decode() or "al gebruikt" in again.content.decode()


def test_an_invitation_only_works_for_its_address(client):
    coordinator, team, _plan = make_team()
    invitation = Invitation.objects.create(team=team, email="juist@school.example", invited_by=coordinator)
    other = make_user("ander@school.example")
    with pytest.raises(ValidationError):
        teams.accept_invitation(invitation, other, "", "")
    assert not Membership.objects.filter(team=team, user=other).exists()


def test_expired_tampered_and_withdrawn_links_say_why(client, settings):
    coordinator, team, _plan = make_team()
    invitation = Invitation.objects.create(team=team, email="laat@school.example", invited_by=coordinator)
    token = teams.invitation_token(invitation)
    client.force_login(make_user("laat@school.example"))

    tampered = client.get(reverse("gemeenten:accept_invitation", args=[token[:-2] + "xx"]))
    assert tampered.status_code == 410

    with translation.override("en"), pytest.raises(ValidationError, match="expired"):
        teams.open_invitation(token, valid_for=timedelta(seconds=-1))

    invitation.delete()
    withdrawn = client.get(reverse("gemeenten:accept_invitation", args=[token]))
    assert withdrawn.status_code == 410


def test_anonymous_visitors_are_sent_to_login(client):
    _coordinator, team, _plan = make_team()
    invitation = Invitation.objects.create(team=team, email="nieuw@school.example")
    url = reverse("gemeenten:accept_invitation", args=[teams.invitation_token(invitation)])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]


def test_the_last_coordinator_cannot_leave_but_a_member_can(client):
    coordinator, team, _plan = make_team()
    member = add_member(team, "lid@team.example")
    own = Membership.objects.get(team=team, user=coordinator)
    client.force_login(coordinator)
    client.post(reverse("gemeenten:membership", args=[team.pk, own.pk]), {"action": "remove"})
    assert Membership.objects.filter(pk=own.pk).exists()
    client.post(reverse("gemeenten:membership", args=[team.pk, own.pk]), {"action": "role", "role": "member"})
    assert Membership.objects.get(pk=own.pk).role == "coordinator"

    client.force_login(member)
    membership = Membership.objects.get(team=team, user=member)
    response = client.post(reverse("gemeenten:membership", args=[team.pk, membership.pk]), {"action": "remove"})
    assert response["Location"] == reverse("gemeenten:workspace")
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_only_coordinators_manage_members(client):
    coordinator, team, _plan = make_team()
    member = add_member(team, "lid@team.example")
    client.force_login(member)
    own = Membership.objects.get(team=team, user=member)
    coordinator_row = Membership.objects.get(team=team, user=coordinator)
    assert client.post(reverse("gemeenten:members", args=[team.pk]), {"email": "x@y.example", "role": "member"}).status_code == 403
    assert client.post(reverse("gemeenten:membership", args=[team.pk, coordinator_row.pk]), {"action": "remove"}).status_code == 403
    client.post(reverse("gemeenten:membership", args=[team.pk, own.pk]), {"action": "role", "role": "coordinator"})
    assert Membership.objects.get(pk=own.pk).role == "member"
    client.post(reverse("gemeenten:membership", args=[team.pk, own.pk]), {
        "action": "profile", "profile-organisation": "Sportclub", "profile-sector": "social_partner",
    })
    assert Membership.objects.get(pk=own.pk).organisation == "Sportclub"


def test_inviting_a_member_again_is_refused_with_a_message(client):
    coordinator, team, _plan = make_team()
    add_member(team, "lid@team.example")
    client.force_login(coordinator)
    response = client.post(reverse("gemeenten:members", args=[team.pk]), {"email": "lid@team.example", "role": "member"})
    assert response.status_code == 200
    assert "lid@team.example" in response.content.decode()
    assert not mail.outbox


def test_an_invitation_that_cannot_be_mailed_says_so_and_is_not_kept(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    coordinator, team, _plan = make_team()
    client.force_login(coordinator)
    response = client.post(reverse("gemeenten:members", args=[team.pk]), {"email": "iemand@school.example", "role": "member"})
    assert response.status_code == 200
    assert "niet worden verstuurd" in str(response.context["form"].errors["email"])
    assert not Invitation.objects.filter(team=team).exists()


def test_inviting_an_address_again_replaces_the_open_invitation(client):
    coordinator, team, _plan = make_team()
    client.force_login(coordinator)
    for _ in range(2):
        client.post(reverse("gemeenten:members", args=[team.pk]), {"email": "twee@school.example", "role": "member"})
    assert Invitation.objects.filter(team=team, email="twee@school.example").count() == 1
    first_link = invitation_link(mail.outbox[0])
    client.force_login(make_user("twee@school.example"))
    assert client.get(first_link).status_code == 410
    assert client.get(invitation_link(mail.outbox[1])).status_code == 200


def test_the_workspace_lists_open_invitations_for_the_users_address(client):
    coordinator, team, _plan = make_team()
    Invitation.objects.create(team=team, email="gezocht@school.example", invited_by=coordinator)
    Invitation.objects.create(team=team, email="iemand.anders@school.example", invited_by=coordinator)
    invitee = make_user("gezocht@school.example")
    client.force_login(invitee)
    page = client.get(reverse("gemeenten:workspace"))
    [(invitation, token)] = page.context["invitations"]
    assert invitation.email == "gezocht@school.example"
    accept = reverse("gemeenten:accept_invitation", args=[token])
    assert accept in page.content.decode()
    client.post(accept, {"organisation": "School", "sector": "education"})
    assert Membership.objects.filter(team=team, user=invitee).exists()
    assert client.get(reverse("gemeenten:workspace")).context["invitations"] == []
