"""What a respondent's pages are made of (the run, its class code, the questionnaire in the visitor's language, the
questions and the run's languages), read once per change and then kept in the cache.

Every respondent of a run asks for the same: in a survey week, tens of thousands open the form, send it and see
the thank-you page. The context is kept under the moment anything of the surveys last changed
(`portal.moments.SURVEYS`), which saving or deleting a run, its groups or class codes, a questionnaire, an image
or a document moves on; so a change shows at once, in every process. A class code's count of answers is not part
of it: it changes with every response and is always read from the database.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache

from participatie.models import ClassCode, Questionnaire, SurveyRun
from participatie.questions import Question, localized_questionnaire, run_questions
from participatie.views.languages import run_languages
from portal import moments

KEPT_FOR = 60 * 60


@dataclass
class SurveyContext:
    run: SurveyRun
    klass: ClassCode | None
    questionnaire: Questionnaire
    questions: list[Question]
    languages: list[tuple[str, str]]
    key: str = ""  # where it is kept
    # Pages that are the same for every respondent, made once (views.respond): the form with no answers yet (its
    # tokens left as slots) and the thank-you page.
    pages: dict[str, str] = field(default_factory=dict)

    @property
    def review_screen(self) -> int:
        return len(self.questions) + 1


def _key(code: str, class_code: str | None, language: str) -> str:
    address = f"{moments.current(moments.SURVEYS)}|{code}|{class_code or ''}|{language}"
    return f"survey-context:{hashlib.sha256(address.encode()).hexdigest()}"


def survey_context(code: str, class_code: str | None, language: str) -> SurveyContext | None:
    """The context of the run (and class code) with these codes in this language, or None when there is none."""
    key = _key(code, class_code, language)
    context = cache.get(key)
    if context is None:
        context = _read(code, class_code, language)
        if context is None:
            return None  # unknown codes are not kept: anyone could fill the cache with them
        context.key = key
        cache.set(key, context, KEPT_FOR)
    return context


def keep_page(context: SurveyContext, name: str, html: str) -> None:
    context.pages[name] = html
    cache.set(context.key, context, KEPT_FOR)


def _read(code, class_code, language) -> SurveyContext | None:
    run = SurveyRun.objects.select_related("questionnaire__locale", "team").filter(code=code).first()
    if run is None:
        return None
    klass = None
    if class_code is not None:
        klass = run.class_codes.filter(code=class_code).first()
        if klass is None:
            return None
    questionnaire = localized_questionnaire(run, language)
    return SurveyContext(run, klass, questionnaire, run_questions(run, questionnaire), run_languages(run))


def connect_signals() -> None:
    """Groups made with bulk_create send no signal; they are made only together with saving their run."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage

    from participatie.models import SegmentOption

    shown = (SurveyRun, SegmentOption, ClassCode, Questionnaire, AbstractImage, AbstractDocument)

    def changed(sender, instance, **_kwargs):
        if isinstance(instance, shown):
            moments.move_on(moments.SURVEYS)

    post_save.connect(changed, dispatch_uid="survey-context-saved", weak=False)
    post_delete.connect(changed, dispatch_uid="survey-context-deleted", weak=False)
