from django.core.management.base import BaseCommand

from participatie.aggregation import count_new_responses


class Command(BaseCommand):
    help = (
        "Add the survey responses that arrived since the last count to their runs' tallies, so that results "
        "pages only count what came in since. Pages bring a tally up to date themselves too; running this "
        "every few minutes while surveys are open keeps them from meeting a large backlog. With cron, for example "
        "'*/5 * * * * cd /srv/portal && .venv/bin/python manage.py count_responses --verbosity 0', "
        "or enqueue participatie.tasks.count_responses_task on a django-tasks worker (TASKS_BACKEND)."
    )

    def handle(self, *args, **options):
        updated = count_new_responses()
        if options["verbosity"] > 0:
            for run, added in updated:
                self.stdout.write(f"{run.code} '{run.title}': {added} new responses counted")
            total = sum(added for _run, added in updated)
            runs = "survey run" if len(updated) == 1 else "survey runs"
            self.stdout.write(f"{total} new responses counted in {len(updated)} {runs}.")
