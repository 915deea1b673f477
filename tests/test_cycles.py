"""Starting the next cycle asks first; until anyone changes the new plan, a coordinator can reopen the previous one."""

import threading

import pytest
from django.contrib.messages import get_messages
from django.db import connection, connections
from django.urls import reverse

from gemeenten.answers import save_answer
from gemeenten.cycles import reopen_previous_cycle, start_next_cycle
from gemeenten.models import Answer, Partner, Plan, PlanChange
from gemeenten.overview import mark_step
from tests.workspace import add_member, make_team, question


@pytest.fixture
def team(db):
    return make_team()


def next_url(team, cycle=2027):
    return reverse("gemeenten:next_cycle", args=[team.pk, cycle])


def reopen_url(team, cycle=2028):
    return reverse("gemeenten:reopen_previous", args=[team.pk, cycle])


def plan_url(team, cycle):
    return reverse("gemeenten:plan", args=[team.pk, cycle])


def told(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_overview_links_to_a_page_that_asks_first_and_changes_nothing(client, team):
    coordinator, team, plan = team
    client.force_login(coordinator)
    assert next_url(team) in client.get(plan_url(team, 2027)).content.decode()

    page = client.get(next_url(team))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Het plan voor 2027 blijft zoals het nu is" in body and "niemand kan het nog veranderen" in body
    assert '<form method="post" action="%s"' % next_url(team) in body
    assert list(team.plans.values_list("cycle", flat=True)) == [2027]
    plan.refresh_from_db()
    assert not plan.is_archived


def test_the_page_says_what_carries_over_and_warns_when_little_was_done(client, team):
    coordinator, team, plan = team
    save_answer(plan, "1", question("1"), "Wat we zien", 0, coordinator)
    Partner.objects.create(plan=plan, organisation="Basisschool De Brug", updated_by=coordinator)
    client.force_login(coordinator)

    body = client.get(next_url(team)).content.decode()
    assert "Antwoorden op vragen van de werkbladen</dt><dd>1</dd>" in body
    assert "Partners</dt><dd>1</dd>" in body
    assert "Er is pas aan 1 van de 8 stappen van het plan voor 2027 gewerkt." in body

    for code in "234":
        mark_step(plan, code, True, coordinator)
    assert "van de 8 stappen" not in client.get(next_url(team)).content.decode()


def test_starting_twice_leaves_one_new_plan(client, team):
    coordinator, team, plan = team
    client.force_login(coordinator)
    first = client.post(next_url(team))
    again = client.post(next_url(team))

    assert first["Location"] == plan_url(team, 2028)
    assert again.status_code == 403  # the plan for 2027 is closed now
    assert sorted(team.plans.values_list("cycle", flat=True)) == [2027, 2028]


@pytest.mark.parametrize("role", ["member", "reader"])
def test_only_coordinators_start_or_reopen(client, team, role):
    coordinator, team, plan = team
    start_next_cycle(plan, coordinator)
    client.force_login(add_member(team, f"{role}@team.example", role))
    assert client.get(next_url(team, 2028)).status_code == 403
    assert client.get(reopen_url(team)).status_code == 403
    assert client.post(reopen_url(team)).status_code == 403
    assert "vorige-cyclus-heropenen" not in client.get(plan_url(team, 2028)).content.decode()
    assert team.plans.count() == 2


def test_a_coordinator_reopens_the_previous_plan_while_nobody_changed_the_new_one(client, team):
    coordinator, team, plan = team
    save_answer(plan, "1", question("1"), "Wat we zien", 0, coordinator)
    start_next_cycle(plan, coordinator)
    client.force_login(coordinator)
    assert reopen_url(team) in client.get(plan_url(team, 2028)).content.decode()
    assert "Als je het starten ongedaan maakt" in client.get(reopen_url(team)).content.decode()

    response = client.post(reopen_url(team))
    assert response["Location"] == plan_url(team, 2027)
    assert told(response) == ["Het plan voor 2027 is weer open voor wijzigingen."]
    plan.refresh_from_db()
    assert not plan.is_archived and list(team.plans.all()) == [plan]
    assert Answer.objects.get(plan=plan).value == "Wat we zien"
    assert PlanChange.objects.filter(plan=plan, summary__startswith="Het plan voor 2027 heropend").exists()

    again = client.post(reopen_url(team))  # a second click
    assert again["Location"] == plan_url(team, 2027) and list(team.plans.all()) == [plan]
    save_answer(plan, "1", question("1"), "En nog meer", 1, coordinator)  # open for changes again


def test_once_anyone_changed_the_new_plan_it_stays(client, team):
    coordinator, team, plan = team
    new_plan = start_next_cycle(plan, coordinator)
    member = add_member(team, "lid@team.example")
    save_answer(new_plan, "1", question("1", plan=new_plan), "Nieuw inzicht", 0, member)
    client.force_login(coordinator)

    assert reopen_url(team) not in client.get(plan_url(team, 2028)).content.decode()
    refused = client.get(reopen_url(team))
    assert refused["Location"] == plan_url(team, 2028)
    assert told(refused) == ["Iemand heeft het plan voor 2028 al veranderd, dus het blijft."]
    assert client.post(reopen_url(team))["Location"] == plan_url(team, 2028)
    assert sorted(team.plans.values_list("cycle", flat=True)) == [2027, 2028]
    plan.refresh_from_db()
    assert plan.is_archived


def test_a_first_plan_has_nothing_to_reopen(client, team):
    coordinator, team, plan = team
    client.force_login(coordinator)
    response = client.get(reopen_url(team, 2027))
    assert response["Location"] == plan_url(team, 2027)
    assert told(response) == ["Het plan voor 2027 is het eerste van het team: er is geen vorig plan om te heropenen."]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two coordinators at once need row locks (PostgreSQL)")
def test_two_coordinators_at_once_start_one_plan_and_reopen_it_once():
    coordinator, team, plan = make_team()
    other = add_member(team, "tweede@team.example", "coordinator")

    def at_once(action, *users):
        barrier, outcomes = threading.Barrier(len(users)), []

        def run(user):
            barrier.wait()
            try:
                outcomes.append(action(user))
            except Exception as refusal:  # noqa: BLE001  (the refusal is the outcome)
                outcomes.append(type(refusal).__name__)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=run, args=(user,)) for user in users]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return outcomes

    started = at_once(lambda user: start_next_cycle(Plan.objects.get(pk=plan.pk), user), coordinator, other)
    assert sorted(map(str, started)) == [f"{team} 2028", "ValidationError"]
    new_plan = team.plans.get(cycle=2028)
    assert Answer.objects.filter(plan=new_plan).count() == Answer.objects.filter(plan=plan).count()

    reopened = at_once(lambda user: reopen_previous_cycle(Plan.objects.get(pk=new_plan.pk), user), coordinator, other)
    assert list(map(str, reopened)) == [f"{team} 2027", f"{team} 2027"]
    assert list(team.plans.values_list("cycle", flat=True)) == [2027]
