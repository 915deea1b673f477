"""Counting in SQL and what the results interface shows, with small groups suppressed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participatie.aggregation import count_answers
from participatie.models import Response, ResponseAnswer, Review
from participatie.results import run_results
from tests.surveys import answer, item_id, make_run
from tests.workspace import make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def run():
    _user, team, _plan = make_team()
    return make_run(team)


def fill(run, school, count, mood=3, life=8, sport=("sport",), breakfast="yes"):
    """count responses; a list of ladder values is used in turn."""
    lives = life if isinstance(life, list) else [life]
    for number in range(count):
        values = {"mood": mood, "life": lives[number % len(lives)], "sport": [item_id(s) for s in sport], "breakfast": breakfast}
        if school:
            values["school"] = school
        answer(run, values)


def question_result(results, question_id):
    return next(q for theme in results.themes for q in theme.questions if q.question.id == question_id)


def test_counts_per_value_overall_and_per_group(run):
    fill(run, "Noord", 12, mood=3)
    fill(run, "Zuid", 6, mood=1)
    fill(run, None, 2, mood=2)
    noord, zuid = (run.segment_options.get(label=label).key for label in ("Noord", "Zuid"))
    counts = count_answers(run)
    assert counts["respondents"] == 20
    assert counts["answers"]["mood"] == {"3": 12, "1": 6, "2": 2}
    assert counts["answered"]["sport"] == 20
    groups = counts["groups"]["school"]
    assert groups["sizes"] == {noord: 12, zuid: 6, "": 2}
    assert groups["answers"][zuid]["mood"] == {"1": 6}
    assert groups["answers"][""]["mood"] == {"2": 2}


def test_nothing_is_shown_until_the_minimum_has_answered(run):
    fill(run, "Noord", 9)
    results = run_results(run, "nl")
    assert results.respondents == 9
    assert not results.shown
    assert all(q.answered is None for theme in results.themes for q in theme.questions)


def test_figures_means_and_a_suppressed_group(run):
    spread = [2, 5, 7, 9]  # one answer in each band of the ladder, in turn
    fill(run, "Noord", 20, mood=3, life=spread)
    fill(run, "Zuid", 24, mood=2, life=spread)
    fill(run, "West", 4, mood=1, life=2)
    fill(run, None, 8, mood=2, life=spread)
    results = run_results(run, "nl")
    assert results.shown and results.respondents == 56
    life = question_result(results, "life")
    assert life.answered == 56
    assert [figure.label for figure in life.figures] == ["0–4", "5–6", "7–8", "9–10"]
    assert [figure.count for figure in life.figures] == [17, 13, 13, 13]
    assert life.mean == round((17 * 2 + 13 * 5 + 13 * 7 + 13 * 9) / 56, 1)
    groups = {group.label: group for group in life.breakdowns[0].groups}
    assert groups["Noord"].mean == 5.8 and groups["Zuid"].mean == 5.8
    assert groups["West"].answered is None and groups["West"].mean is None
    # West (4) and "no group" (8) are hidden together: 12 respondents, so no one else has to go;
    # a hidden "no group" is left out rather than listed.
    assert set(groups) == {"Noord", "Zuid", "West"}
    mood = question_result(results, "mood")
    figures = {figure.label: figure for figure in mood.figures}
    assert figures["Niet goed"].count is None, "4 is below 5"
    assert figures["Goed"].count is None, "56 minus 32 would give away the 4 if 20 were shown"
    assert figures["Gaat wel"].count == 32 and figures["Gaat wel"].percent == 57
    assert mood.mean is None, "with hidden cells, a mean would be one more equation to solve them"


def test_a_group_questions_own_figures_hide_what_the_breakdowns_hide(run):
    fill(run, "Noord", 15)
    fill(run, "Zuid", 12)
    fill(run, "West", 7)
    school = question_result(run_results(run, "nl"), "school")
    figures = {figure.label: figure.count for figure in school.figures}
    assert figures == {"Noord": 15, "Zuid": None, "West": None}, "West alone would follow from the total"


def test_multiple_choice_options_are_tables_of_their_own(run):
    fill(run, "Noord", 10, sport=("sport", "music"))
    fill(run, "Zuid", 10, sport=("sport",))
    sport = question_result(run_results(run, "nl"), "sport")
    figures = {figure.label: figure for figure in sport.figures}
    assert figures["Sport"].count is None, "all 20 chose sport: 100 % is never shown"
    assert figures["Muziek"].count == 10 and figures["Muziek"].percent == 50


def test_open_answers_appear_only_once_reviewed_and_never_with_contact_details(run):
    fill(run, "Noord", 10)
    answer(run, {"wish": "Bel me op 06-12345678 of mail kim@example.org"})
    answer(run, {"wish": "Een speeltuin"})
    stored = sorted(Response.objects.filter(run=run).values_list("answers__text", flat=True).exclude(answers__text=""))
    assert stored == ["Bel me op [telefoon] of mail [e-mail]", "Een speeltuin"]
    assert question_result(run_results(run, "nl"), "wish").open_answers == []
    ResponseAnswer.objects.filter(text="Een speeltuin").update(review=Review.SHOWN)
    assert question_result(run_results(run, "nl"), "wish").open_answers == ["Een speeltuin"]


def test_the_results_query_count_does_not_grow_with_responses(run, django_assert_max_num_queries):
    fill(run, "Noord", 30)
    with CaptureQueriesContext(connection) as first:
        run_results(run, "nl")
    fill(run, "Zuid", 300)
    with django_assert_max_num_queries(len(first)):
        run_results(run, "nl")
    with django_assert_max_num_queries(8):
        run_results(run, "nl")  # nothing new to count
