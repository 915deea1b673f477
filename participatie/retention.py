"""After a run's retention period its raw responses go; the counts its results are made of stay.

A run is due once its purge_after date (closing date plus the run's retention months) has come.
Purging stores count_answers of the run in run.kept_counts, deletes its responses (their answers,
open ones included, go with them) and its tally, and sets purged_on, all in one transaction. run_results
then reads the kept counts, so every aggregated figure stays as it was; the open answers are gone.
"""

import datetime

from django.db import transaction

from participatie.aggregation import count_answers
from participatie.models import Response, RunTally, SurveyRun


def due_runs(today: datetime.date) -> list[SurveyRun]:
    """The runs not yet purged whose retention period has ended on or before today, oldest first."""
    # purge_after lies at least a month after closing, so only runs that closed before today qualify.
    runs = (
        SurveyRun.objects.filter(purged_on__isnull=True, closes_on__lt=today)
        .select_related("questionnaire", "team")
        .order_by("closes_on", "pk")
    )
    return [run for run in runs if run.purge_after <= today]


def purge_expired(today: datetime.date) -> list[SurveyRun]:
    """Purge every due run; returns the purged runs (kept_counts["respondents"]: how many responses went)."""
    purged = []
    for run in due_runs(today):
        with transaction.atomic():
            # Locked and checked again: a second purge running at the same time leaves this run alone.
            run = SurveyRun.objects.select_for_update().select_related("questionnaire", "team").get(pk=run.pk)
            if run.purged_on is not None:
                continue
            counts = count_answers(run)
            Response.objects.filter(run=run).delete()
            RunTally.objects.filter(run=run).delete()
            run.kept_counts = counts
            run.purged_on = today
            run.save(update_fields=["kept_counts", "purged_on"])
        purged.append(run)
    return purged

