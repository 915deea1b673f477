"""Loading the list of Dutch municipalities from the data file in the repository."""

import csv
from pathlib import Path

from django.db import transaction

from portal.models import Municipality

DATA_FILE = Path(__file__).parent / "data" / "municipalities.csv"


@transaction.atomic
def load_municipalities(path: Path = DATA_FILE) -> tuple[int, int]:
    """Create missing municipalities and update renamed ones; returns (created, updated)."""
    existing = {m.code: m for m in Municipality.objects.all()}
    created, updated = [], []
    with path.open(newline="", encoding="utf-8") as data:
        for row in csv.DictReader(data):
            municipality = existing.get(row["code"])
            if municipality is None:
                created.append(Municipality(code=row["code"], name=row["name"]))
            elif municipality.name != row["name"]:
                municipality.name = row["name"]
                updated.append(municipality)
    for municipality in created:
        municipality.full_clean()
    Municipality.objects.bulk_create(created)
    Municipality.objects.bulk_update(updated, ["name"])
    return len(created), len(updated)
