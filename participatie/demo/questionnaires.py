"""Loads the demo questionnaires (content/questionnaires.yaml): Dutch sources, published, with real
wagtail-localize translations into every other survey language.

Every question and every option gets an id derived from its key in the YAML, so a reload gives the
same ids, and the translations keep them: answers are stored under these ids. A questionnaire that
exists is left as it is, since editors may have changed it; a missing translation is added.
"""

import uuid
from pathlib import Path

import yaml
from django.db import transaction
from wagtail.models import Locale

from participatie.models import Questionnaire
from participatie.themes import SEGMENT_KINDS, THEMES, Audience
from portal.demo.pages import LoadReport
from portal.demo.stream import ContentError, stable_id
from portal.demo.translate import Glossary, translate

CONTENT_DIR = Path(__file__).parent / "content"
QUESTION_TYPES = {"face_scale", "ladder", "choice", "yes_no", "open_text", "segment"}
THEME_CODES = {code for code, _label in THEMES}
SEGMENT_KIND_CODES = {code for code, _label in SEGMENT_KINDS}


def read_content(name: str):
    return yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))


def questionnaire_key(key: str) -> uuid.UUID:
    """The translation key of the demo questionnaire with this key in the YAML."""
    return uuid.UUID(stable_id("questionnaire", key))


def question_id(questionnaire: str, question: str) -> str:
    """The block id, and so the answers' question id, of a demo question."""
    return stable_id("questionnaire", questionnaire, question)


def option_id(questionnaire: str, question: str, option: str) -> str:
    """The list item id, and so the stored answer, of an option of a demo choice or group question."""
    return stable_id("questionnaire", questionnaire, question, option)


def load_questionnaires(default_locale: Locale, target_locales: list[Locale]) -> LoadReport:
    """Create the missing demo questionnaires in the default language and translate what is untranslated.

    The sources are created and published in one transaction; each translation then commits on its
    own (wagtail-localize publishes it on commit), so a load that stops half-way is completed by the next.
    """
    report = LoadReport()
    builder = QuestionnaireBuilder(default_locale.language_code, [locale.language_code for locale in target_locales])
    with transaction.atomic():
        sources = [_ensure(builder, content, default_locale, report) for content in read_content("questionnaires.yaml")]
    for instance in sources:
        for locale in target_locales:
            if instance.get_translation_or_none(locale) is None:
                translate(instance, locale, builder.glossaries[locale.language_code])
                report.translated.append(f"questionnaire {instance} ({locale.language_code})")
    return report


def _ensure(builder: "QuestionnaireBuilder", content: dict, locale: Locale, report: LoadReport) -> Questionnaire:
    key = content["key"]
    if content["audience"] not in Audience.values:
        raise ContentError(f"{key}: unknown audience {content['audience']!r}")
    # Always built, also for an existing questionnaire: the glossaries need every text.
    fields = {
        "title": builder.text(content["title"]),
        "audience": content["audience"],
        "intro": builder.paragraphs(content["intro"]),
        "consent": builder.paragraphs(content["consent"]),
        "thanks": builder.paragraphs(content["thanks"]),
        "body": builder.body(key, content["questions"]),
    }
    translation_key = questionnaire_key(key)
    existing = Questionnaire.objects.filter(translation_key=translation_key, locale=locale).first()
    if existing is not None:
        return existing
    questionnaire = Questionnaire(translation_key=translation_key, locale=locale, **fields)
    # As the snippet admin does: saved as a draft first, then its first revision is published.
    questionnaire.live = False
    questionnaire.save()
    questionnaire.save_revision().publish()
    questionnaire.refresh_from_db()
    report.created.append(f"questionnaire {questionnaire} ({questionnaire.audience})")
    return questionnaire


class QuestionnaireBuilder:
    """Turns the YAML into a questionnaire's fields in the source language, and records every text with
    its translations in one glossary per target language."""

    def __init__(self, source: str, targets: list[str]):
        self.source = source
        self.languages = {source, *targets}
        self.glossaries = {code: Glossary() for code in targets}

    def text(self, value) -> str:
        return self._add({code: " ".join(text.split()) for code, text in self._checked(value).items()})

    def optional_text(self, value) -> str:
        return self.text(value) if value else ""

    def paragraphs(self, value) -> str:
        """Paragraphs separated by a blank line; a line break inside a paragraph is a space."""
        texts = {}
        for code, text in self._checked(value).items():
            texts[code] = "\n\n".join(" ".join(part.split()) for part in text.strip().split("\n\n") if part.strip())
        counts = {code: text.count("\n\n") for code, text in texts.items()}
        if len(set(counts.values())) != 1:
            raise ContentError(f"Paragraph counts differ between languages: {texts[self.source][:60]!r} {counts}")
        return self._add(texts)

    def _checked(self, value) -> dict:
        if not isinstance(value, dict) or not self.languages <= set(value) or not all(value.get(code) for code in self.languages):
            raise ContentError(f"Expected a text in {sorted(self.languages)}, got {value!r}")
        return {code: str(value[code]) for code in self.languages}

    def _add(self, texts: dict) -> str:
        source = texts[self.source]
        for code, glossary in self.glossaries.items():
            glossary.add(source, texts[code])
        return source

    def body(self, questionnaire: str, questions: list) -> list:
        keys = [question["key"] for question in questions]
        if len(set(keys)) != len(keys):
            raise ContentError(f"{questionnaire}: question keys repeat in {keys}")
        return [self.question(questionnaire, question) for question in questions]

    def question(self, questionnaire: str, content: dict) -> dict:
        key, kind = content["key"], content["type"]
        where = f"{questionnaire}/{key}"
        if kind not in QUESTION_TYPES:
            raise ContentError(f"{where}: unknown question type {kind!r}")
        if content.get("theme") not in THEME_CODES:
            raise ContentError(f"{where}: the theme must be one of {sorted(THEME_CODES)}")
        value = {
            "text": self.text(content["text"]),
            "help_text": self.optional_text(content.get("help_text")),
            "theme": content["theme"],
            "audio": None,
        }
        if kind == "face_scale":
            labels = content["labels"]
            if len(labels) not in (3, 5):
                raise ContentError(f"{where}: a face scale has three or five labels")
            value["labels"] = [
                self._item(option_id(questionnaire, key, f"face-{number}"), self.text(label))
                for number, label in enumerate(labels, 1)
            ]
        elif kind == "ladder":
            value["low_label"] = self.text(content["low_label"])
            value["high_label"] = self.text(content["high_label"])
        elif kind == "choice":
            value["multiple"] = bool(content.get("multiple", False))
            value["options"] = [
                self._item(option_id(questionnaire, key, option["key"]), {"label": self.text(option["text"]), "image": None})
                for option in self._options(where, content)
            ]
        elif kind == "segment":
            if content.get("kind") not in SEGMENT_KIND_CODES:
                raise ContentError(f"{where}: a group question needs a kind from {sorted(SEGMENT_KIND_CODES)}")
            value["kind"] = content["kind"]
            value["options"] = [
                self._item(option_id(questionnaire, key, option["key"]), self.text(option["text"]))
                for option in self._options(where, content, required=False)
            ]
        return {"type": kind, "value": value, "id": question_id(questionnaire, key)}

    @staticmethod
    def _options(where: str, content: dict, required: bool = True) -> list:
        options = content.get("options") or []
        keys = [str(option["key"]) for option in options]
        if len(set(keys)) != len(keys) or (required and len(options) < 2):
            raise ContentError(f"{where}: options need distinct keys, and a choice at least two")
        return [{**option, "key": str(option["key"])} for option in options]

    @staticmethod
    def _item(item_id: str, value) -> dict:
        return {"type": "item", "value": value, "id": item_id}

