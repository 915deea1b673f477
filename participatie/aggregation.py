"""Counting a run's answers, overall and per group of each group question.

The counts are plain JSON, so that a run whose raw responses were purged keeps exactly these:

    {"respondents": N,
     "answers": {question id: {value: count}},
     "answered": {question id: respondents who answered},
     "groups": {group question id: {"sizes": {group: respondents},
                                    "answers": {group: {question id: {value: count}}},
                                    "answered": {group: {question id: respondents}}}}}

A value is a number ("1".."5", "0".."10") or an option key; the group "" holds those who gave no group.

Responses are never changed once stored, so a run's counts are kept in its tally (`RunTally`) and brought
up to date by counting only the responses not yet in it: after a new response, the next view counts that
one, not the whole run. The counting reads without holding a lock; a short transaction then adds it to
the tally and marks those responses counted, unless another request updated the tally meanwhile (then
this one starts again from the newer tally). A purge keeps the counts in `run.kept_counts`.
"""

import hashlib
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from django.db import IntegrityError, transaction

from participatie.models import Questionnaire, Response, ResponseAnswer, RunTally, SurveyRun
from portal.replica import primary_reads

NO_GROUP = ""
IDS_PER_QUERY = 2000
ATTEMPTS = 3


@dataclass(frozen=True)
class Tallied:
    """A run's counts as they stand: how many responded, a version that changes whenever the counts do
    (for caching what is made of them), and the counts themselves, read from the database only when asked for."""

    respondents: int
    version: str
    source: RunTally | dict

    def counts(self) -> dict:
        return self.source if isinstance(self.source, dict) else self.source.counts


def tallied(run: SurveyRun) -> Tallied:
    if run.kept_counts is not None:
        return Tallied(run.kept_counts["respondents"], f"kept-{run.purged_on}", run.kept_counts)
    tally = current_tally(run)
    return Tallied(tally.respondents, f"tally-{tally.version}", tally)


def count_answers(run: SurveyRun) -> dict:
    return tallied(run).counts()


def current_tally(run: SurveyRun) -> RunTally:
    """The run's tally with every stored response counted.

    A new tally, or one for other group questions (an editor changed the questionnaire), counts the whole run.
    """
    with primary_reads():  # counting needs the latest responses and tally, also when a report reads the replica
        return _current_tally(run)


def _current_tally(run: SurveyRun) -> RunTally:
    groups = group_question_ids(run)
    signature = hashlib.sha256("|".join(groups).encode()).hexdigest()[:16]
    for _attempt in range(ATTEMPTS):
        # The counts are read only when there is something to add to them.
        tally = RunTally.objects.filter(run=run).defer("counts").first()
        whole = tally is None or tally.groups != signature
        pending = Response.objects.filter(run=run)
        if not whole:
            pending = pending.filter(counted=False)
        ids = set(pending.values_list("pk", flat=True))
        if not whole and not ids:
            return tally
        counts = _empty(groups) if whole else tally.counts
        _count_into(counts, run, ids, whole)
        stored = _store(run, tally, signature, counts, ids)
        if stored is not None:
            return stored
    # Others kept bringing the tally up to date at the same moment; theirs is as recent as ours.
    return RunTally.objects.get(run=run)


def count_new_responses() -> list[tuple[SurveyRun, int]]:
    """Bring the tally of every run with uncounted responses up to date; returns each run with how many it added.

    Run every few minutes while surveys are open (count_responses), so that no one viewing results waits
    for a large count.
    """
    pending = Response.objects.filter(counted=False).values("run")
    updated = []
    for run in SurveyRun.objects.filter(pk__in=pending, purged_on__isnull=True).select_related("questionnaire").order_by("pk"):
        before = RunTally.objects.filter(run=run).values_list("respondents", flat=True).first() or 0
        updated.append((run, current_tally(run).respondents - before))
    return updated


def group_question_ids(run: SurveyRun) -> list[str]:
    """The ids of the group questions of the run's questionnaire, in every language it is published in.

    Translations share their block ids with the source; the union only matters while a translation
    has not caught up with a change to the source.
    """
    ids: list[str] = []
    versions = Questionnaire.objects.filter(translation_key=run.questionnaire.translation_key).order_by("pk")
    for questionnaire in [run.questionnaire, *versions]:
        for block in questionnaire.body.raw_data:
            if block["type"] == "segment" and block["id"] not in ids:
                ids.append(block["id"])
    return ids


def _empty(groups: list[str]) -> dict:
    return {
        "respondents": 0, "answers": {}, "answered": {},
        "groups": {group: {"sizes": {}, "answers": {}, "answered": {}} for group in groups},
    }


def _count_into(counts: dict, run: SurveyRun, ids: set, whole: bool) -> None:
    """Add the responses `ids` to `counts`, in a pass over their closed answers ordered by response.

    Grouping in SQL needs each answer's group from a correlated subquery, once per answer row, which took
    seconds for a run of tens of thousands of responses (bench/README.md); an ordered read takes a fraction.
    A whole run is read through its responses; a few new ones by their ids.
    """
    if whole:
        parts = [ResponseAnswer.objects.filter(response__run=run, text="")]
    else:
        ordered = sorted(ids)
        parts = [ResponseAnswer.objects.filter(response_id__in=ordered[start:start + IDS_PER_QUERY], text="")
                 for start in range(0, len(ordered), IDS_PER_QUERY)]
    counted = 0
    for answers in parts:
        rows = answers.order_by("response_id").values_list("response_id", "question_id", "number", "option")
        for response, given in groupby(rows.iterator(chunk_size=20000), key=itemgetter(0)):
            # Responses that arrived after the ids were read wait for the next count.
            if response in ids:
                _add_response(counts, [(question, option if number is None else str(number)) for _r, question, number, option in given])
                counted += 1
    counts["respondents"] += len(ids)
    # Respondents without a closed answer still count, as having given no group.
    if len(ids) > counted:
        for table in counts["groups"].values():
            table["sizes"][NO_GROUP] = table["sizes"].get(NO_GROUP, 0) + len(ids) - counted


def _store(run: SurveyRun, read: RunTally | None, signature: str, counts: dict, ids: set) -> RunTally | None:
    """Save the counts and mark their responses, unless the tally changed since it was read (then None)."""
    with transaction.atomic():
        if read is None:
            try:
                with transaction.atomic():
                    tally = RunTally.objects.create(
                        run=run, groups=signature, counts=counts, respondents=counts["respondents"], version=1)
            except IntegrityError:
                return None
        else:
            tally = RunTally.objects.select_for_update().get(run=run)
            if tally.version != read.version:
                return None
            tally.groups, tally.counts, tally.version = signature, counts, tally.version + 1
            tally.respondents = counts["respondents"]
            tally.save()
        uncounted = Response.objects.filter(run=run, counted=False)
        late = set(uncounted.values_list("pk", flat=True)) - ids
        uncounted.exclude(pk__in=late).update(counted=True)
    return tally


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
