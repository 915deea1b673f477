"""A run's questions as the respondent sees them: in their language, with the run's own groups."""

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from participatie.models import Questionnaire, SurveyRun

LADDER = range(0, 11)
QUESTIONS_KEPT_FOR = 60 * 60


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    image: object = None


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: str
    help_text: str
    theme: str
    options: tuple[Option, ...] = ()
    multiple: bool = False
    segment_kind: str = ""
    low_label: str = ""
    high_label: str = ""
    audio_url: str = ""

    @property
    def values(self) -> list:
        """Every value an answer to this question may take, in display order."""
        if self.kind == "face_scale":
            return list(range(1, len(self.options) + 1))
        if self.kind == "ladder":
            return list(LADDER)
        return [option.key for option in self.options]

    def label_for(self, value) -> str:
        if self.kind == "face_scale":
            return self.options[int(value) - 1].label
        if self.kind == "ladder":
            return str(value)
        return next((option.label for option in self.options if option.key == value), "")


def survey_languages(run: SurveyRun) -> list[tuple[str, str]]:
    """The languages this run's questionnaire is published in, Dutch first."""
    live = set(
        Questionnaire.objects.filter(translation_key=run.questionnaire.translation_key, live=True)
        .values_list("locale__language_code", flat=True)
    )
    return [(code, name) for code, name in settings.SURVEY_LANGUAGES if code in live]


def localized_questionnaire(run: SurveyRun, language: str) -> Questionnaire:
    """The live questionnaire in language, or in the run's own language when it has no live translation."""
    translation = Questionnaire.objects.filter(
        translation_key=run.questionnaire.translation_key, locale__language_code=language, live=True
    ).first()
    return translation or run.questionnaire


def run_questions(run: SurveyRun, questionnaire: Questionnaire) -> list[Question]:
    """The questions, made once per version of the questionnaire, the run's groups and the language, then cached:
    every respondent's form and submission needs them, and reading the blocks (with their pictures) is costly."""
    own_groups: dict[str, list[Option]] = {}
    for option in run.segment_options.all():
        own_groups.setdefault(option.kind, []).append(Option(option.key, option.label))
    key = f"run-questions:{questions_version(questionnaire, own_groups)}"
    questions = cache.get(key)
    if questions is None:
        questions = [_question(block, own_groups) for block in questionnaire.body]
        cache.set(key, questions, QUESTIONS_KEPT_FOR)
    return questions


def questions_version(questionnaire: Questionnaire, own_groups: dict) -> str:
    body = json.dumps(questionnaire.body.raw_data, sort_keys=True, default=str)
    inputs = (questionnaire.pk, body, sorted(own_groups.items()), translation.get_language())
    return hashlib.sha256(repr(inputs).encode()).hexdigest()


def _question(block, own_groups) -> Question:
    value = block.value
    audio = value.get("audio")
    common = {
        "id": block.id, "kind": block.block_type, "text": value["text"], "help_text": value.get("help_text") or "",
        "theme": value["theme"], "audio_url": audio.url if audio else "",
    }
    if block.block_type == "face_scale":
        labels = list(value["labels"])
        return Question(**common, options=tuple(Option(str(number), label) for number, label in enumerate(labels, 1)))
    if block.block_type == "ladder":
        return Question(**common, low_label=value["low_label"], high_label=value["high_label"])
    if block.block_type == "choice":
        options = tuple(
            Option(item.id, item.value["label"], item.value.get("image")) for item in value["options"].bound_blocks
        )
        return Question(**common, options=options, multiple=bool(value["multiple"]))
    if block.block_type == "segment":
        options = own_groups.get(value["kind"]) or [Option(item.id, item.value) for item in value["options"].bound_blocks]
        return Question(**common, options=tuple(options), segment_kind=value["kind"])
    if block.block_type == "yes_no":
        return Question(**common, options=(Option("yes", _("Yes")), Option("no", _("No"))))
    return Question(**common)
