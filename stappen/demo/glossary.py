"""Loads the demo glossary (content/glossary.yaml): Dutch terms, published, with real wagtail-localize translations.

A term that exists is left as it is, since editors may have changed it; a missing translation is added.
"""

import uuid
from pathlib import Path

import yaml
from django.db import transaction
from wagtail.models import Locale

from portal.demo.pages import LoadReport
from portal.demo.stream import ContentError, stable_id
from portal.demo.translate import Glossary, translate
from stappen.glossary import GlossaryTerm

CONTENT = Path(__file__).parent / "content" / "glossary.yaml"
FIELDS = ("term", "variants", "explanation")


def load_glossary(default_locale: Locale, target_locales: list[Locale]) -> LoadReport:
    """The sources are created and published in one transaction; each translation then commits on its own."""
    report = LoadReport()
    entries = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    with transaction.atomic():
        terms = [_ensure(entry, default_locale, report) for entry in entries]
    for entry, term in zip(entries, terms):
        for locale in target_locales:
            if term.get_translation_or_none(locale) is None:
                translate(term, locale, _strings(entry, default_locale.language_code, locale.language_code))
                report.translated.append(f"glossary term {term} ({locale.language_code})")
    return report


def _ensure(entry: dict, locale: Locale, report: LoadReport) -> GlossaryTerm:
    translation_key = uuid.UUID(stable_id("glossary", entry["key"]))
    existing = GlossaryTerm.objects.filter(translation_key=translation_key, locale=locale).first()
    if existing is not None:
        return existing
    term = GlossaryTerm(translation_key=translation_key, locale=locale, **_texts(entry, locale.language_code))
    term.full_clean()
    # As the snippet admin does: saved as a draft first, then its first revision is published.
    term.live = False
    term.save()
    term.save_revision().publish()
    report.created.append(f"glossary term {term}")
    return term


def _texts(entry: dict, language: str) -> dict:
    try:
        return {field: entry[field][language] for field in FIELDS}
    except KeyError as missing:
        raise ContentError(f"glossary term {entry.get('key')!r}: no {language} text for {missing}") from None


def _strings(entry: dict, source: str, target: str) -> Glossary:
    """Each of the term's texts in the source language with its translation."""
    strings = Glossary()
    targets = _texts(entry, target)
    for field, text in _texts(entry, source).items():
        if bool(text) != bool(targets[field]):
            raise ContentError(f"glossary term {entry['key']!r}: {field} is empty in one language only")
        if text:
            strings.add(text, targets[field])
    return strings
