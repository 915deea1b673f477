"""Background tasks of the surveys, for a django-tasks worker (TASKS_BACKEND) or run at once."""

import datetime

from django.utils import timezone
from django_tasks import task

from participatie.retention import purge_expired


@task()
def purge_responses_task(today: str | None = None) -> list[str]:
    """Purge the responses of every run past its retention period; returns the codes of the purged runs.

    Meant to be enqueued once a day by a scheduler; `today` (YYYY-MM-DD) defaults to the local date.
    """
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    return [run.code for run in purge_expired(day)]
