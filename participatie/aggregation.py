"""Counting a run's answers, overall and per group of each group question.

The counts are plain JSON, so that a run whose raw responses were purged keeps exactly these:

    {"respondents": N,
     "answers": {question id: {value: count}},
     "answered": {question id: respondents who answered},
     "groups": {group question id: {"sizes": {group: respondents},
                                    "answers": {group: {question id: {value: count}}},
                                    "answered": {group: {question id: respondents}}}}}

A value is a number ("1".."5", "0".."10") or an option key; the group "" holds those who gave no group.

Responses are never changed once stored, and only a purge removes them (which keeps the counts), so
the counts are cached under the run and its number of responses: one cheap count tells whether they
are still right.
"""

import hashlib
from itertools import groupby
from operator import itemgetter

from django.core.cache import cache

from participatie.models import Response, ResponseAnswer, SurveyRun

NO_GROUP = ""


COUNTS_KEPT_FOR = 60 * 60 * 24 * 7


def count_answers(run: SurveyRun, group_question_ids: list[str]) -> dict:
    if run.kept_counts is not None:
        return run.kept_counts
    respondents = Response.objects.filter(run=run).count()
    groups = hashlib.sha256("|".join(group_question_ids).encode()).hexdigest()[:16]
    key = f"survey-counts:{run.pk}:{respondents}:{groups}"
    counts = cache.get(key)
    if counts is None:
        counts = _count(run, respondents, group_question_ids)
        cache.set(key, counts, COUNTS_KEPT_FOR)
    return counts


def _count(run: SurveyRun, respondents: int, group_question_ids: list[str]) -> dict:
    """One pass over the run's closed answers, ordered by response, counted here.

    Grouping in SQL needs each answer's group from a correlated subquery, once per answer row, which took
    seconds for a run of tens of thousands of responses (bench/README.md); one ordered read takes a fraction.
    """
    counts = {
        "respondents": respondents, "answers": {}, "answered": {},
        "groups": {group: {"sizes": {}, "answers": {}, "answered": {}} for group in group_question_ids},
    }
    rows = (
        ResponseAnswer.objects.filter(response__run=run, text="").order_by("response_id")
        .values_list("response_id", "question_id", "number", "option").iterator(chunk_size=20000)
    )
    counted = 0
    for _response, answers in groupby(rows, key=itemgetter(0)):
        _add_response(counts, [(question, option if number is None else str(number)) for _r, question, number, option in answers])
        counted += 1
    # Respondents without a closed answer still count, as having given no group.
    for group in group_question_ids:
        sizes = counts["groups"][group]["sizes"]
        if respondents > counted:
            sizes[NO_GROUP] = sizes.get(NO_GROUP, 0) + respondents - counted
    return counts


def _add_response(counts: dict, answers: list[tuple[str, str]]) -> None:
    groups = {group: NO_GROUP for group in counts["groups"]}
    for question, value in answers:
        if question in groups:
            groups[question] = value or NO_GROUP
    answered = set()
    for question, value in answers:
        _add(counts["answers"].setdefault(question, {}), value)
        first = question not in answered
        answered.add(question)
        if first:
            _add(counts["answered"], question)
        for group, key in groups.items():
            table = counts["groups"][group]
            _add(table["answers"].setdefault(key, {}).setdefault(question, {}), value)
            if first:
                _add(table["answered"].setdefault(key, {}), question)
    for group, key in groups.items():
        _add(counts["groups"][group]["sizes"], key)


def _add(tally: dict, key: str) -> None:
    tally[key] = tally.get(key, 0) + 1
