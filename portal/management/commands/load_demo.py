import factory.random
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.demo.site import ensure_locales
from portal.demo.users import ensure_demo_users
from stappen.demo.method import load_method


class Command(BaseCommand):
    help = "Load the demo content and accounts. Safe to run again: what exists is kept, nothing is doubled."

    def handle(self, *args, **options):
        factory.random.reseed_random("nji-armoede-demo")
        with transaction.atomic():
            locales = ensure_locales()
            users = ensure_demo_users()
        default = locales.pop(settings.LANGUAGE_CODE)
        report = load_method(default, list(locales.values()))
        if options["verbosity"] > 1:
            for line in report.created:
                self.stdout.write(f"created: {line}")
            for line in report.translated:
                self.stdout.write(f"translated: {line}")
        if options["verbosity"] > 0:
            self.stdout.write(f"{len(report.created)} created, {len(report.translated)} translated, {len(users)} demo accounts")
        call_command("update_index", verbosity=0)
