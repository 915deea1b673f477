"""A run's tally: brought up to date by counting only new responses, each response counted once."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participatie.aggregation import _count_into, _store, count_answers, current_tally
from participatie.models import Response, RunTally
from participatie.tasks import count_responses_task
from tests.surveys import QUESTIONS, answer, make_run
from tests.workspace import make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def run():
    _user, team, _plan = make_team()
    return make_run(team)


def fill(run, count, school="Noord", mood=3):
    for _number in range(count):
        answer(run, {"school": school, "mood": mood, "breakfast": "yes"} if school else {"mood": mood})


def counted_from_scratch(run) -> dict:
    RunTally.objects.filter(run=run).delete()
    Response.objects.filter(run=run).update(counted=False)
    return count_answers(run)


def test_counting_in_steps_gives_what_counting_at_once_gives(run):
    fill(run, 12, "Noord", mood=3)
    first = count_answers(run)
    assert first["respondents"] == 12
    fill(run, 5, "Zuid", mood=1)
    fill(run, 3, None, mood=2)
    answer(run, {"wish": "Een speeltuin"})  # an open answer only: a respondent without a group
    stepped = count_answers(run)
    assert stepped["respondents"] == 21
    assert stepped["answers"]["mood"] == {"3": 12, "1": 5, "2": 3}
    assert stepped["groups"]["school"]["sizes"][""] == 4
    assert stepped == counted_from_scratch(run)
    assert not Response.objects.filter(run=run, counted=False).exists()


def test_a_view_with_nothing_new_reads_the_tally_and_writes_nothing(run):
    fill(run, 10)
    version = current_tally(run).version
    with CaptureQueriesContext(connection) as queries:
        assert count_answers(run)["respondents"] == 10
    writes = [query["sql"] for query in queries if not query["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert current_tally(run).version == version


def test_a_tally_changed_meanwhile_is_not_overwritten(run):
    fill(run, 10)
    stale = current_tally(run)
    fill(run, 2)
    newer = current_tally(run)  # another request counted the two new responses
    assert newer.version == stale.version + 1
    fill(run, 1)
    late = set(Response.objects.filter(run=run, counted=False).values_list("pk", flat=True))
    assert _store(run, stale, stale.groups, {"respondents": 0}, late) is None
    assert not Response.objects.filter(pk__in=late, counted=True).exists(), "nothing of a refused count is kept"
    assert count_answers(run)["respondents"] == 13


def test_a_response_stored_while_counting_waits_for_the_next_count(run):
    fill(run, 10)
    tally = current_tally(run)
    fill(run, 1)
    seen = set(Response.objects.filter(run=run, counted=False).values_list("pk", flat=True))
    fill(run, 1)  # arrives after the ids were read
    counts = tally.counts
    _count_into(counts, run, seen, whole=False)
    assert counts["respondents"] == 11
    assert _store(run, tally, tally.groups, counts, seen) is not None
    assert Response.objects.filter(run=run, counted=False).count() == 1
    assert count_answers(run)["respondents"] == 12 == counted_from_scratch(run)["respondents"]


def test_other_group_questions_count_the_whole_run_again(run):
    fill(run, 10, "Noord")
    assert set(count_answers(run)["groups"]) == {"school"}
    questionnaire = run.questionnaire
    questionnaire.body = [block for block in QUESTIONS if block["id"] != "school"]
    questionnaire.save()
    counts = count_answers(run)
    assert counts["groups"] == {} and counts["respondents"] == 10
    assert counts["answers"]["mood"] == {"3": 10}


def test_the_command_and_the_task_count_what_arrived_since_the_last_count(run):
    fill(run, 10)
    output = StringIO()
    call_command("count_responses", stdout=output)
    assert "TEST-KIND 'Testpeiling': 10 new responses counted" in output.getvalue()
    assert "new responses counted in" in output.getvalue().splitlines()[-1]
    assert not Response.objects.filter(run=run, counted=False).exists()
    fill(run, 3)
    assert count_responses_task.enqueue().return_value == 3
    assert RunTally.objects.get(run=run).respondents == 13
    assert count_responses_task.enqueue().return_value == 0, "nothing new: nothing counted"
