"""Creating demo objects once and translating them: shared by every app's demo loader."""

from dataclasses import dataclass, field

from portal.demo.translate import translate


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    translated: list[str] = field(default_factory=list)

    def extend(self, other: "LoadReport") -> None:
        self.created += other.created
        self.translated += other.translated


def ensure(model, factory_class, report, translation_key, locale, **fields):
    """The object with this translation key in this locale; created with the factory if missing.

    An existing object is left as it is, since editors may have changed it.
    """
    existing = model.objects.filter(translation_key=translation_key, locale=locale).first()
    if existing is not None:
        return existing
    instance = factory_class(translation_key=translation_key, locale=locale, **fields)
    report.created.append(str(instance))
    return instance


def translate_missing(objects, target_locales, glossary, report):
    """Translate, in order, every object that has no real translation yet (none, or only an alias)."""
    for instance in objects:
        for locale in target_locales:
            existing = instance.get_translation_or_none(locale)
            if existing is None or getattr(existing, "alias_of_id", None):
                translate(instance, locale, glossary)
                report.translated.append(f"{instance} ({locale.language_code})")
