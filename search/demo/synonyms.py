"""Demo synonym groups: words people search with, next to the words the content uses."""

from portal.demo.pages import LoadReport
from portal.demo.stream import stable_id
from search.models import SynonymGroup

GROUPS = [
    {"nl": "schulden, schuldhulp", "en": "debts, debt help"},
    {"nl": "eten, voedsel", "en": "food, groceries"},
    {"nl": "kleren, kleding", "en": "clothes, clothing"},
    {"nl": "minima, laag inkomen", "en": "low income, minimum income"},
    {"nl": "kindregeling, kindpakket", "en": "child scheme, child package"},
]


def load_synonyms(locales) -> LoadReport:
    """Each group in every language that has its words; a group that exists is left as editors keep it."""
    report = LoadReport()
    for number, group in enumerate(GROUPS):
        key = stable_id("synonyms", number)
        for locale in locales:
            words = group.get(locale.language_code)
            if words and not SynonymGroup.objects.filter(translation_key=key, locale=locale).exists():
                report.created.append(str(SynonymGroup.objects.create(translation_key=key, locale=locale, words=words)))
    return report
