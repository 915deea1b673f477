from django.core.management.base import BaseCommand, CommandError

from links.checking import check_links
from links.models import Link
from links.probing import TIMEOUT, WORKERS


class Command(BaseCommand):
    help = (
        "Check every external link on the site's live pages (URL fields, links in rich text and blocks, and the "
        "resources step pages show): each address is asked once, with HEAD and, when that fails, GET, following "
        "redirects. Editors see broken and moved links under Reports in the admin. Schedule it daily: with cron, "
        "for example '15 4 * * * cd /srv/portal && .venv/bin/python manage.py check_links', or with a "
        "django-tasks worker (TASKS_BACKEND), enqueue links.tasks.check_links_task once a day instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=TIMEOUT,
                            help=f"Seconds to wait for a connection and for an answer (default {TIMEOUT:g}).")
        parser.add_argument("--workers", type=int, default=WORKERS,
                            help=f"Addresses asked at the same time (default {WORKERS}).")

    def handle(self, *args, **options):
        if options["timeout"] <= 0 or options["workers"] < 1:
            raise CommandError("--timeout must be above 0 and --workers at least 1.")
        counts = check_links(timeout=options["timeout"], workers=options["workers"])
        if options["verbosity"] > 0:
            summary = ", ".join(f"{counts[status]} {status.value}" for status in Link.Status)
            self.stdout.write(f"{sum(counts.values())} links checked: {summary}.")
