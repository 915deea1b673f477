"""What the worksheet template needs per question: the question, its current answer and what is in the form."""

from dataclasses import dataclass

from gemeenten.answers import empty_value, question_from_answer, value_digest
from gemeenten.models import Answer
from stappen.worksheet import WorksheetQuestion

BLANK_TABLE_ROWS = 2


@dataclass
class WorksheetItem:
    question: WorksheetQuestion
    answer: Answer | None
    value: object
    base: int
    error: str = ""
    earlier: object = None  # an answer given when the question asked for another kind of answer

    @property
    def field_name(self) -> str:
        return f"q-{self.question.id}"

    @property
    def digest(self) -> str:
        """Of the value the form starts with, so an untouched field is recognised when the form comes back."""
        if self.answer is None or self.earlier is not None:
            return value_digest(empty_value(self.question.answer_kind))
        return value_digest(self.answer.value)

    @property
    def rows(self) -> list[list[str]]:
        """The table's filled rows, then a few blank ones to add to."""
        blank = [["" for _column in self.question.columns] for _row in range(BLANK_TABLE_ROWS)]
        return list(self.value or []) + blank


def _fits(question, value) -> bool:
    """Whether a stored answer has the shape the question asks for now (editors may change it)."""
    if question.answer_kind == "table":
        return isinstance(value, list) and all(len(row) == len(question.columns) for row in value)
    return isinstance(value, str)


def worksheet_items(plan, questions, outcome=None) -> list[WorksheetItem]:
    answers = {answer.question_id: answer for answer in Answer.objects.filter(plan=plan, question_id__in=[q.id for q in questions]).select_related("updated_by")}
    items = []
    for question in questions:
        answer = answers.get(question.id)
        value = answer.value if answer else empty_value(question.answer_kind)
        earlier = None
        if answer and not _fits(question, answer.value):
            value, earlier = empty_value(question.answer_kind), answer.value
        error = ""
        if outcome is not None and question.id in outcome.errors:
            value, error = outcome.values[question.id], outcome.errors[question.id]
        items.append(WorksheetItem(question, answer, value, answer.version if answer else 0, error, earlier))
    return items


def removed_question_answers(plan, step_code, questions) -> list[WorksheetItem]:
    """Answers to questions that are no longer on the step's page, kept and shown read-only."""
    current = [question.id for question in questions]
    answers = Answer.objects.filter(plan=plan, step_code=step_code).exclude(question_id__in=current).select_related("updated_by")
    return [
        WorksheetItem(question_from_answer(answer), answer, answer.value, answer.version)
        for answer in answers
        if answer.value
    ]
