"""Background tasks of the surveys, for a django-tasks worker (TASKS_BACKEND) or run at once."""

import datetime

from django.utils import timezone
from django_tasks import task

from participatie.aggregation import count_new_responses
from participatie.retention import purge_expired


@task()
def purge_responses_task(today: str | None = None) -> list[str]:
    """Purge the responses of every run past its retention period; returns the codes of the purged runs.

    Meant to be enqueued once a day by a scheduler; `today` (YYYY-MM-DD) defaults to the local date.
    """
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    return [run.code for run in purge_expired(day)]


@task()
def count_responses_task() -> int:
    """Add the responses that arrived since the last count to their runs' tallies; returns how many.

    Meant to be enqueued every few minutes while surveys are open, so that results pages never count a
    large backlog themselves.
    """
    return sum(added for _run, added in count_new_responses())
