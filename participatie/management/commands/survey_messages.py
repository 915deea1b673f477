from django.core.management.base import BaseCommand

from participatie.catalogue import LOCALE, make_catalogues, survey_only_languages


class Command(BaseCommand):
    help = "Refresh the respondent's catalogues in the survey-only languages (portal/locale/)."

    def handle(self, *args, **options):
        make_catalogues()
        self.stdout.write(f"{', '.join(survey_only_languages())} in {LOCALE}")
