"""Which questions each step of the workspace asks, read from the method's pages in the member's language."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.models import Locale

from gemeenten.models.plan import STEP_CODES
from stappen.models import ContinuousStepPage, StepPage
from stappen.worksheet import WorksheetQuestion, learning_cycle_questions, worksheet_questions

INVOLVEMENT_PREFIX = "involvement-"


@dataclass(frozen=True)
class MethodStep:
    code: str
    page: StepPage | ContinuousStepPage | None

    @property
    def title(self) -> str:
        if self.page is not None:
            return self.page.title
        return _("Step %(code)s") % {"code": self.code}

    @property
    def label(self) -> str:
        return _("Continuous step") if self.code == "c" else _("Step %(number)s") % {"number": self.code}


def method_steps() -> list[MethodStep]:
    """The seven steps and the continuous step, in the active language where a live translation exists."""
    source = Locale.get_default()
    pages = {}
    for model in (StepPage, ContinuousStepPage):
        for page in model.objects.live().filter(locale=source):
            pages[page.step_code] = page.localized
    return [MethodStep(code, pages.get(code)) for code in STEP_CODES]


def involvement_question(code: str) -> WorksheetQuestion:
    """Asked on a numbered step whose page has no question marked as its involvement question."""
    return WorksheetQuestion(
        id=f"{INVOLVEMENT_PREFIX}{code}",
        question=_("How do we involve children, young people and parents in this step?"),
        help_text=_("Who takes part, in what way, and how do we let them know what we did with their input?"),
        answer_kind="text",
        columns=(),
        asked_first=True,
        purpose="involvement",
    )


@dataclass(frozen=True)
class StepQuestions:
    review: list[WorksheetQuestion]
    questions: list[WorksheetQuestion]

    def all(self) -> list[WorksheetQuestion]:
        return self.review + self.questions


def step_questions(step: MethodStep, follow_up_cycle: bool) -> StepQuestions:
    """The questions of one step; the learning-cycle questions only when a team goes round again."""
    body = step.page.body if step.page is not None else []
    # Questions marked for a structured section are answered in that section's table instead.
    questions = [question for question in worksheet_questions(body) if question.purpose in ("", "involvement")]
    if step.code != "c" and not any(question.purpose == "involvement" for question in questions):
        questions = [involvement_question(step.code)] + questions
    review = learning_cycle_questions(body) if follow_up_cycle else []
    return StepQuestions(review=review, questions=questions)


def find_step(code: str) -> MethodStep | None:
    return next((step for step in method_steps() if step.code == code), None)


def find_question(question_id: str, follow_up_cycle: bool, step_code: str = "") -> tuple[str, WorksheetQuestion] | None:
    """The step and question with this id, as the method asks it now; a known step is searched first."""
    steps = method_steps()
    steps.sort(key=lambda step: step.code != step_code)
    for step in steps:
        for question in step_questions(step, follow_up_cycle).all():
            if question.id == question_id:
                return step.code, question
    return None
