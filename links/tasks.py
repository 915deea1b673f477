"""Background task of the link check, for a django-tasks worker (TASKS_BACKEND) or run at once."""

from django_tasks import task

from links.checking import check_links


@task()
def check_links_task() -> dict[str, int]:
    """Check every external link on the live pages; returns how many links have each status.

    Meant to be enqueued once a day by a scheduler.
    """
    return dict(check_links())
