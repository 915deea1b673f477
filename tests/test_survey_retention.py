"""After a run's retention period its responses are purged; its aggregated results stay exactly as they were."""

import dataclasses
import datetime
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus

from participatie.demo.questionnaires import question_id
from participatie.models import Response, ResponseAnswer, RunTally, SurveyRun
from participatie.questions import run_questions
from participatie.results import run_results
from participatie.retention import due_runs, purge_expired
from participatie.submissions import store_response
from participatie.tasks import purge_responses_task

TODAY = datetime.date(2027, 9, 15)


@pytest.fixture
def run(db):
    return SurveyRun.objects.get(code="DEMO-KIND")


def closed(run, closes_on, retention_months=12):
    run.opens_on = closes_on - datetime.timedelta(weeks=8)
    run.closes_on = closes_on
    run.retention_months = retention_months
    run.save()
    return run


def without_open_answers(results):
    """The results with the open answers left out: everything that is counted."""
    return [
        (theme.theme, [dataclasses.replace(question, open_answers=[]) for question in theme.questions])
        for theme in results.themes
    ]


def open_answers(results):
    return [answer for theme in results.themes for question in theme.questions for answer in question.open_answers]


def another_run(run, closes_on, code="DEMO-OUD", responses=12):
    other = SurveyRun.objects.create(
        team=run.team, questionnaire=run.questionnaire, title="Een eerdere peiling", audience=run.audience, code=code,
        opens_on=closes_on - datetime.timedelta(weeks=6), closes_on=closes_on, min_group_size=10, retention_months=12,
    )
    questions = run_questions(other, other.questionnaire)
    for number in range(responses):
        values = {question_id("kinderen", "gevoel"): 1 + number % 5, question_id("kinderen", "wens"): f"Wens {number}"}
        store_response(other, questions, values, uuid.uuid4(), other.opens_on)
    return other


def test_a_run_past_its_retention_is_purged_and_its_results_stay_the_same(run):
    closed(run, datetime.date(2026, 8, 1))  # kept until 2027-08-01
    before = {language: run_results(run, language) for language in ("nl", "ar")}
    assert open_answers(before["nl"])

    purged = purge_expired(TODAY)

    assert [purged_run.code for purged_run in purged] == ["DEMO-KIND"]
    run.refresh_from_db()
    assert run.purged_on == TODAY
    assert run.kept_counts["respondents"] == 94
    assert not Response.objects.filter(run=run).exists()
    assert not ResponseAnswer.objects.filter(response__run_id=run.pk).exists()
    assert not RunTally.objects.filter(run=run).exists(), "the kept counts take the tally's place"
    for language, results in before.items():
        after = run_results(run, language)
        assert (after.respondents, after.shown) == (results.respondents, results.shown)
        assert without_open_answers(after) == without_open_answers(results)
        assert open_answers(after) == []
    assert not run.is_open(TODAY)


def test_runs_within_their_retention_are_left_alone(run):
    open_run = SurveyRun.objects.get(pk=run.pk)
    recent = another_run(run, TODAY - datetime.timedelta(days=30))
    assert purge_expired(TODAY) == []
    for kept in (open_run, recent):
        kept.refresh_from_db()
        assert kept.purged_on is None and kept.kept_counts is None
    assert recent.responses.count() == 12
    assert open_run.responses.count() == 94


def test_a_run_is_purged_on_the_day_its_retention_ends_and_not_before(run):
    closed(run, datetime.date(2026, 9, 15))
    assert run.purge_after == TODAY
    assert purge_expired(TODAY - datetime.timedelta(days=1)) == []
    assert run.responses.count() == 94
    assert [purged.pk for purged in purge_expired(TODAY)] == [run.pk]


def test_only_the_expired_run_goes_and_a_second_purge_does_nothing(run):
    closed(run, datetime.date(2026, 3, 1))
    recent = another_run(run, TODAY - datetime.timedelta(days=10))
    assert [purged.code for purged in purge_expired(TODAY)] == ["DEMO-KIND"]
    run.refresh_from_db()
    kept = run.kept_counts
    assert purge_expired(TODAY + datetime.timedelta(days=1)) == []
    run.refresh_from_db()
    assert run.kept_counts == kept and run.purged_on == TODAY
    assert recent.responses.count() == 12


def test_the_counts_of_an_older_run_are_kept_with_its_groups(run):
    old = another_run(run, datetime.date(2025, 6, 30), code="DEMO-2025")
    purge_expired(TODAY)
    old.refresh_from_db()
    feeling = question_id("kinderen", "gevoel")
    assert old.kept_counts["respondents"] == 12
    assert old.kept_counts["answers"][feeling] == {"1": 3, "2": 3, "3": 2, "4": 2, "5": 2}
    assert set(old.kept_counts["groups"]) == {question_id("kinderen", "leeftijd"), question_id("kinderen", "school")}


def test_a_dry_run_lists_what_would_go_and_deletes_nothing(run):
    closed(run, datetime.date(2026, 1, 10))
    out = StringIO()
    call_command("purge_responses", "--dry-run", "--date", TODAY.isoformat(), stdout=out)
    output = out.getvalue()
    assert "would purge: DEMO-KIND" in output
    assert "1 survey run and 94 responses would be purged; nothing was deleted." in output
    run.refresh_from_db()
    assert run.purged_on is None and run.kept_counts is None
    assert run.responses.count() == 94


def test_the_command_purges_and_sums_up(run):
    closed(run, datetime.date(2026, 1, 10))
    out = StringIO()
    call_command("purge_responses", "--date", TODAY.isoformat(), stdout=out)
    assert "purged: DEMO-KIND" in out.getvalue()
    assert "1 survey run purged, 94 responses deleted" in out.getvalue()
    run.refresh_from_db()
    assert run.purged_on == TODAY and not run.responses.exists()


def test_the_command_purges_nothing_today_in_the_demo(run):
    out = StringIO()
    call_command("purge_responses", stdout=out)
    assert "0 survey runs purged, 0 responses deleted" in out.getvalue()
    assert run.responses.count() == 94


def test_the_task_purges_expired_runs(run):
    closed(run, datetime.date(2026, 1, 10))
    result = purge_responses_task.enqueue(TODAY.isoformat())
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == ["DEMO-KIND"]
    run.refresh_from_db()
    assert run.purged_on == TODAY


def test_the_task_uses_today_by_default(run):
    closed(run, timezone.localdate() - datetime.timedelta(days=800))
    result = purge_responses_task.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == ["DEMO-KIND"]
    assert due_runs(timezone.localdate()) == []
