"""Create wagtail-localize translations from known source and target texts.

The translated object is a real wagtail-localize translation: editors can keep editing it in
the translation editor, and changes to the source sync as usual.
"""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue


class MissingDemoTranslation(Exception):
    pass


class Glossary:
    """Source text to target text, keyed the way wagtail-localize stores its strings."""

    def __init__(self):
        self._strings: dict[str, str] = {}

    def add(self, source: str, target: str) -> None:
        key = StringValue.from_plaintext(source).data
        value = StringValue.from_plaintext(target).data
        if self._strings.setdefault(key, value) != value:
            raise MissingDemoTranslation(f"Two translations for {source!r}: {self._strings[key]!r} and {value!r}")

    def get(self, data: str) -> str | None:
        return self._strings.get(data)


@transaction.atomic
def translate(instance, locale: Locale, glossary: Glossary):
    """Translate instance into locale with the glossary; every string must be in it.

    Runs in a transaction of its own: wagtail-localize publishes on commit, from the page as it was
    when translated, so each page must be published before pages are added below it.
    """
    TranslationCreator(None, [locale]).create_translations(instance, include_related_objects=False)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    missing = []
    for segment in source.stringsegment_set.select_related("string", "context"):
        target = glossary.get(segment.string.data)
        if target is None:
            missing.append(segment.string.data)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": target, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    if missing:
        raise MissingDemoTranslation(f"No {locale.language_code} text for {instance!r}: {missing}")
    Translation.objects.get(source=source, target_locale=locale).save_target(publish=True)
    return instance.get_translation(locale)
