"""The indicator catalogue as shipped (indicators.yaml): loading it, and which CBS measure fills which indicator."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from gemeenten.models import Indicator

CATALOGUE = Path(__file__).with_name("indicators.yaml")
FIELDS = ("scope", "unit", "decimals", "direction", "source")


@cache
def _catalogue() -> dict:
    return yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class CbsTable:
    identifier: str
    measures: dict[str, str]  # CBS measure key → indicator code


def cbs_tables() -> dict[str, CbsTable]:
    return {key: CbsTable(key, dict(table["measures"])) for key, table in _catalogue()["tables"].items()}


@transaction.atomic
def load_catalogue() -> list[str]:
    """Writes the shipped indicators in every portal language; returns the codes it created.

    An indicator that exists keeps what editors changed; only missing indicators and translations are added.
    """
    source = Locale.get_default()
    others = Locale.objects.filter(language_code__in=[code for code, _name in settings.PORTAL_LANGUAGES]).exclude(pk=source.pk)
    created = []
    for order, entry in enumerate(_catalogue()["indicators"], start=1):
        fields = {name: entry[name] for name in FIELDS}
        indicator = Indicator.objects.filter(code=entry["code"], locale=source).first()
        if indicator is None:
            indicator = Indicator.objects.create(
                code=entry["code"], locale=source, sort_order=order * 10,
                name=entry["name"][source.language_code], definition=entry["definition"][source.language_code], **fields,
            )
            created.append(entry["code"])
        for locale in others:
            if entry["name"].get(locale.language_code) and not Indicator.objects.filter(
                translation_key=indicator.translation_key, locale=locale
            ).exists():
                translation = indicator.copy_for_translation(locale)
                translation.name = entry["name"][locale.language_code]
                translation.definition = entry["definition"][locale.language_code]
                translation.save()
    return created
