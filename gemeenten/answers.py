"""Reading, saving and restoring worksheet answers without ever losing what someone wrote.

A save names the version of the answer its author started from. When somebody else saved in the
meantime, the new text is not written over theirs: it is kept as a held-back version, and its
author chooses between the two.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gemeenten.changes import record_change
from gemeenten.models import Answer, AnswerVersion, Plan
from stappen.worksheet import WorksheetQuestion

MAX_TEXT = 5000
MAX_CELL = 500
MAX_ROWS = 50


def empty_value(kind: str):
    return [] if kind == "table" else ""


# Control characters other than tab and newline are not valid in XML (and so in a Word export);
# they come along when text is pasted from word processors.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n")).strip()


def read_value(question: WorksheetQuestion, data, prefix: str) -> tuple[object, str]:
    """The answer submitted under `prefix`, and an error message when it cannot be accepted."""
    if question.answer_kind != "table":
        text = clean_text(data.get(prefix, ""))
        if len(text) > MAX_TEXT:
            return text, _("Keep the answer under %(max)s characters; it now has %(count)s.") % {
                "max": MAX_TEXT, "count": len(text),
            }
        return text, ""
    rows = []
    # Read past the limit, so that a row beyond it is refused with a message rather than ignored.
    for row in range(MAX_ROWS * 2):
        cells = [clean_text(data.get(f"{prefix}-{row}-{column}", "")) for column in range(len(question.columns))]
        if any(cells):
            rows.append(cells)
    if len(rows) > MAX_ROWS:
        return rows, _("A table can have at most %(max)s rows.") % {"max": MAX_ROWS}
    if any(len(cell) > MAX_CELL for row in rows for cell in row):
        return rows, _("Keep each cell under %(max)s characters.") % {"max": MAX_CELL}
    return rows, ""


def value_digest(value) -> str:
    """A fingerprint of an answer as the page showed it, to tell untouched fields from edited ones."""
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode()).hexdigest()[:32]


@dataclass
class SaveOutcome:
    status: str  # "saved", "unchanged" or "conflict"
    answer: Answer
    version: AnswerVersion | None = None


def _create(plan, step_code, question) -> Answer | None:
    try:
        with transaction.atomic():
            return Answer.objects.create(
                plan=plan, step_code=step_code, question_id=question.id, question_text=question.question[:400],
                answer_kind=question.answer_kind, value=empty_value(question.answer_kind),
            )
    except IntegrityError:
        return None


@transaction.atomic
def save_answer(plan, step_code, question, value, based_on: int, user, kind=AnswerVersion.Kind.SAVED) -> SaveOutcome:
    # Locks the plan row (on PostgreSQL) so that starting the next cycle waits for this save, or this
    # save sees that the plan has been closed.
    if Plan.objects.select_for_update().values_list("archived_at", flat=True).get(pk=plan.pk) is not None:
        raise PermissionDenied
    answer = Answer.objects.filter(plan=plan, question_id=question.id).first()
    if answer is None:
        answer = _create(plan, step_code, question) or Answer.objects.get(plan=plan, question_id=question.id)
    if value == answer.value:
        return SaveOutcome("unchanged", answer)
    now = timezone.now()
    # Compare-and-set: the row only changes when nobody saved since the author's version.
    written = Answer.objects.filter(pk=answer.pk, version=based_on).update(
        value=value, version=F("version") + 1, updated_by=user, updated_at=now,
        question_text=question.question[:400], answer_kind=question.answer_kind, step_code=step_code,
    )
    if not written:
        held_back = AnswerVersion.objects.create(
            answer=answer, value=value, kind=AnswerVersion.Kind.CONFLICT, based_on=based_on, author=user
        )
        answer.refresh_from_db()
        return SaveOutcome("conflict", answer, held_back)
    answer.refresh_from_db()
    version = AnswerVersion.objects.create(answer=answer, value=value, kind=kind, based_on=based_on, author=user)
    record_change(plan, step_code, user, _("Answered “%(question)s”") % {"question": question.question[:200]})
    return SaveOutcome("saved", answer, version)


@dataclass
class FormOutcome:
    saved: int = 0
    conflicts: list[SaveOutcome] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    values: dict[str, object] = field(default_factory=dict)

    def message(self) -> str:
        parts = []
        if self.saved:
            parts.append(ngettext("%(count)s answer saved.", "%(count)s answers saved.", self.saved) % {"count": self.saved})
        if not self.saved and not self.conflicts and not self.errors:
            parts.append(_("All answers are saved."))
        return " ".join(parts)


def save_form(plan, step_code, questions, data, user) -> FormOutcome:
    """Saves every changed answer of a submitted worksheet; invalid ones are returned with their text."""
    outcome = FormOutcome()
    for question in questions:
        prefix = f"q-{question.id}"
        if f"{prefix}-base" not in data:
            continue
        value, error = read_value(question, data, prefix)
        if not error and value_digest(value) == data.get(f"{prefix}-digest"):
            continue  # untouched since the page was loaded: whatever others saved meanwhile stands
        outcome.values[question.id] = value
        if error:
            outcome.errors[question.id] = error
            continue
        result = save_answer(plan, step_code, question, value, parse_version(data.get(f"{prefix}-base")), user)
        if result.status == "saved":
            outcome.saved += 1
        elif result.status == "conflict":
            outcome.conflicts.append(result)
    return outcome


MAX_ID = 2**31 - 1


def parse_version(text) -> int:
    """A version or row number from a form; anything else is 0, and nothing overflows a database integer."""
    try:
        return min(max(int(text), 0), MAX_ID)
    except (TypeError, ValueError):
        return 0


def restore(answer: Answer, version: AnswerVersion, question: WorksheetQuestion, shown: int, user) -> SaveOutcome:
    """Makes an earlier version current again, if the answer is still the one the history page showed."""
    return save_answer(
        answer.plan, answer.step_code, question, version.value, shown, user, kind=AnswerVersion.Kind.RESTORED
    )


def resolve(held_back: AnswerVersion, keep_mine: bool, question: WorksheetQuestion, user) -> SaveOutcome | None:
    """The author of a held-back version chooses: their own text becomes current, or the other one stays."""
    outcome = None
    if keep_mine:
        answer = held_back.answer
        outcome = save_answer(answer.plan, answer.step_code, question, held_back.value, answer.version, user)
    AnswerVersion.objects.filter(pk=held_back.pk).update(resolved=True)
    return outcome


def question_from_answer(answer: Answer) -> WorksheetQuestion:
    """A stand-in for a question editors removed, so its answer can still be shown and restored."""
    columns = ()
    if answer.answer_kind == "table" and answer.value:
        columns = tuple("" for _cell in answer.value[0])
    return WorksheetQuestion(answer.question_id, answer.question_text, "", answer.answer_kind, columns, False)
