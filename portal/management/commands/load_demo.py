import factory.random
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from gemeenten.demo.figures import load_demo_figures
from gemeenten.demo.workspace import load_workspace
from gemeenten.figures.catalogue import load_catalogue
from participatie.demo.questionnaires import load_questionnaires
from participatie.demo.run import load_demo_run
from portal.demo.site import ensure_locales, ensure_survey_locales
from portal.demo.users import ensure_demo_users
from portal.municipalities import load_municipalities
from search.demo.synonyms import load_synonyms
from stappen.demo.method import load_method
from voorbeelden.demo.practice import load_practice


class Command(BaseCommand):
    help = (
        "Load the demo content (the method, examples, interventions, questionnaires) and, in development or "
        "when asked, the demo accounts with two demo teams, their plans, demo figures and a running demo survey. "
        "Safe to run again: what exists is kept, nothing is doubled."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help=(
                "Also create the demo accounts with their published password, and the demo teams they work in "
                "(implied when DEBUG is on)."
            ),
        )

    def handle(self, *args, **options):
        with_accounts = settings.DEBUG or options["demo_accounts"]
        factory.random.reseed_random("nji-armoede-demo")
        load_municipalities()
        with transaction.atomic():
            locales = ensure_locales()
            survey_locales = ensure_survey_locales()
            users = ensure_demo_users() if with_accounts else []
            # The indicator catalogue is reference data, like the municipalities: also outside the demo.
            load_catalogue()
        default = locales.pop(settings.LANGUAGE_CODE)
        targets = list(locales.values())
        report = load_method(default, targets)
        report.extend(load_practice(default, targets))
        report.extend(load_synonyms([default, *targets]))
        # Questionnaires are translated into every survey language, also those the pages do not speak.
        report.extend(load_questionnaires(default, targets + list(survey_locales.values())))
        if with_accounts:
            # The demo teams are coordinated by demo accounts and link to the method's pages.
            report.extend(load_workspace(users))
            # Made-up figures for Velsen, labelled as demo figures, and the team's discussion of them.
            report.extend(load_demo_figures())
            # The Velsen team's running children's survey, with its demo responses.
            report.extend(load_demo_run())
        if options["verbosity"] > 1:
            for line in report.created:
                self.stdout.write(f"created: {line}")
            for line in report.translated:
                self.stdout.write(f"translated: {line}")
        if options["verbosity"] > 0:
            self.stdout.write(f"{len(report.created)} created, {len(report.translated)} translated, {len(users)} demo accounts")
        call_command("update_index", verbosity=0)
