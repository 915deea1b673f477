"""Roles are explained where they are chosen; the invitation comes first; readers know who to ask."""

import pytest
from django.urls import reverse

from tests.workspace import add_member, make_team

pytestmark = pytest.mark.django_db


def test_a_coordinator_finds_the_invitation_first_with_the_roles_explained(client):
    coordinator, team, _plan = make_team()
    client.force_login(coordinator)
    page = client.get(reverse("gemeenten:members", args=[team.pk])).content.decode()
    assert page.index("Iemand uitnodigen") < page.index("Teamleden") < page.index("Je gegevens")
    roles = page[page.index("Wat de rollen betekenen"):page.index("Uitnodiging versturen")]
    assert "Lezer</dt><dd>leest het plan en de resultaten, en verandert niets" in roles


def test_a_member_sees_no_invitation_and_no_reader_note(client):
    _coordinator, team, plan = make_team()
    client.force_login(add_member(team, "lid@team.example"))
    members = client.get(reverse("gemeenten:members", args=[team.pk])).content.decode()
    assert "Iemand uitnodigen" not in members
    assert "data-reader-note" not in client.get(reverse("gemeenten:plan", args=[team.pk, plan.cycle])).content.decode()


def test_a_reader_is_told_they_can_only_read_and_whom_to_ask(client):
    coordinator, team, plan = make_team()
    coordinator.first_name, coordinator.last_name = "Fenna", "Velsen"
    coordinator.save()
    second = add_member(team, "tweede@team.example", "coordinator")
    client.force_login(add_member(team, "lezer@team.example", "reader"))
    for url in (reverse("gemeenten:plan", args=[team.pk, plan.cycle]), reverse("gemeenten:worksheet", args=[team.pk, plan.cycle, "1"])):
        page = client.get(url).content.decode()
        assert "Je kunt alles van dit team lezen, maar niet veranderen." in page, url
        note = page[page.index("data-reader-note"):]
        assert "Fenna Velsen" in note[:600] and "tweede@team.example" in note[:600], url
