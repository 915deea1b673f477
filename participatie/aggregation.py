"""Counting a run's answers in SQL, overall and per group of each group question.

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

from django.core.cache import cache
from django.db.models import Count, OuterRef, Subquery

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
    answers = ResponseAnswer.objects.filter(response__run=run, text="")
    counts = {
        "respondents": respondents,
        "answers": _by_value(answers.values("question_id", "number", "option").annotate(n=Count("id"))),
        "answered": {row["question_id"]: row["n"] for row in
                     answers.values("question_id").annotate(n=Count("response_id", distinct=True))},
        "groups": {},
    }
    for group_question in group_question_ids:
        group_of = Subquery(
            ResponseAnswer.objects.filter(response_id=OuterRef("response_id"), question_id=group_question).values("option")[:1]
        )
        grouped = answers.annotate(group=group_of)
        sizes = (
            Response.objects.filter(run=run)
            .annotate(group=Subquery(ResponseAnswer.objects.filter(response_id=OuterRef("pk"), question_id=group_question).values("option")[:1]))
            .values("group").annotate(n=Count("id"))
        )
        per_group: dict = {}
        for row in grouped.values("group", "question_id", "number", "option").annotate(n=Count("id")):
            per_group.setdefault(row["group"] or NO_GROUP, []).append(row)
        answered: dict = {}
        for row in grouped.values("group", "question_id").annotate(n=Count("response_id", distinct=True)):
            answered.setdefault(row["group"] or NO_GROUP, {})[row["question_id"]] = row["n"]
        counts["groups"][group_question] = {
            "sizes": {row["group"] or NO_GROUP: row["n"] for row in sizes},
            "answers": {group: _by_value(rows) for group, rows in per_group.items()},
            "answered": answered,
        }
    return counts


def _by_value(rows) -> dict:
    result: dict = {}
    for row in rows:
        value = str(row["number"]) if row["number"] is not None else row["option"]
        result.setdefault(row["question_id"], {})[value] = row["n"]
    return result
