from django.core.management.base import BaseCommand

from gemeenten.figures.catalogue import load_catalogue


class Command(BaseCommand):
    help = "Writes the shipped indicator catalogue (Dutch and English); indicators that exist are left as they are."

    def handle(self, *args, **options):
        created = load_catalogue()
        if options["verbosity"] > 0:
            self.stdout.write(f"{len(created)} indicators created")
