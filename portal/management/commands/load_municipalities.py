from django.core.management.base import BaseCommand

from portal.municipalities import load_municipalities


class Command(BaseCommand):
    help = "Load the Dutch municipalities (CBS code and name) from portal/data/municipalities.csv. Safe to run again."

    def handle(self, *args, **options):
        created, updated = load_municipalities()
        if options["verbosity"] > 0:
            self.stdout.write(f"{created} municipalities created, {updated} renamed")
