import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from participatie.retention import due_runs, purge_expired


class Command(BaseCommand):
    help = (
        "Delete the responses of every survey run whose retention period has passed (its closing date plus "
        "the run's months to keep answers), open answers included. The run keeps its aggregated counts, so "
        "its results stay as they were. Safe to run again: a purged run is never touched twice. "
        "Schedule it daily: with cron, for example "
        "'30 3 * * * cd /srv/portal && .venv/bin/python manage.py purge_responses', "
        "or with a systemd timer that starts a service running the same command; "
        "with a django-tasks worker (TASKS_BACKEND), enqueue participatie.tasks.purge_responses_task once a day instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the runs that would be purged; delete nothing.")
        parser.add_argument(
            "--date", metavar="YYYY-MM-DD",
            help="Purge as on this day instead of today (the runs whose retention period ended on or before it).",
        )

    def handle(self, *args, **options):
        today = self._day(options["date"])
        verbose = options["verbosity"] > 0
        if options["dry_run"]:
            runs = due_runs(today)
            total = 0
            for run in runs:
                count = run.responses.count()
                total += count
                if verbose:
                    self.stdout.write(f"would purge: {self._describe(run)}, {count} responses")
            if verbose:
                self.stdout.write(f"Dry run: {_runs(len(runs))} and {total} responses would be purged; nothing was deleted.")
            return
        runs = purge_expired(today)
        total = sum(run.kept_counts["respondents"] for run in runs)
        if verbose:
            for run in runs:
                self.stdout.write(f"purged: {self._describe(run)}, {run.kept_counts['respondents']} responses")
            self.stdout.write(f"{_runs(len(runs))} purged, {total} responses deleted; their aggregated results are kept.")

    @staticmethod
    def _day(value: str | None) -> datetime.date:
        if not value:
            return timezone.localdate()
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error

    @staticmethod
    def _describe(run) -> str:
        return f"{run.code} '{run.title}' of {run.team} (closed {run.closes_on}, kept until {run.purge_after})"


def _runs(count: int) -> str:
    return f"{count} survey run" if count == 1 else f"{count} survey runs"
