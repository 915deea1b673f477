"""Reading a respondent's answers from a form and storing them as one response, exactly once."""

import datetime
import time
import uuid
from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from participatie.masking import mask_contact_details
from participatie.models import ClassCode, Response, ResponseAnswer, Review, SurveyRun
from participatie.questions import Question

MAX_OPEN_TEXT = 1000
START_SALT = "participatie.started"


class SubmissionRefused(Exception):
    """The response cannot be stored; the message says why in words for the respondent."""


@dataclass
class ParsedAnswers:
    values: dict  # question id -> int, str, list of str
    errors: dict  # question id -> message


def field_name(question: Question) -> str:
    return f"q-{question.id}"


def parse_answers(questions: list[Question], data) -> ParsedAnswers:
    """Every question may be skipped; what is answered must be one of the question's own values."""
    values, errors = {}, {}
    for question in questions:
        name = field_name(question)
        if question.kind == "open_text":
            text = " ".join(data.get(name, "").split())
            if len(text) > MAX_OPEN_TEXT:
                errors[question.id] = _("Please keep your answer under %(limit)s characters.") % {"limit": MAX_OPEN_TEXT}
            elif text:
                values[question.id] = text
            continue
        allowed = {str(value) for value in question.values}
        chosen = [value for value in (data.getlist(name) if question.multiple else [data.get(name, "")]) if value]
        if any(value not in allowed for value in chosen):
            errors[question.id] = _("Please choose one of the answers.")
        elif chosen and question.multiple:
            values[question.id] = sorted(set(chosen))
        elif chosen:
            values[question.id] = int(chosen[0]) if question.kind in ("face_scale", "ladder") else chosen[0]
    return ParsedAnswers(values, errors)


def start_token() -> str:
    """A signed moment at which the respondent opened the survey; it only proves how long answering took."""
    return signing.dumps(time.time(), salt=START_SALT)


def seconds_since_start(token: str) -> float | None:
    try:
        started = signing.loads(token, salt=START_SALT, max_age=datetime.timedelta(days=1))
    except signing.BadSignature:
        return None
    return time.time() - float(started)


def store_response(run: SurveyRun, questions: list[Question], values: dict, key: uuid.UUID,
                   today: datetime.date, class_code: ClassCode | None = None) -> tuple[Response, bool]:
    """Store the answers as one response; a second submission with the same key returns the first.

    All or nothing: the response, its answers and the class count commit together, in one transaction
    without savepoints (each would be one more round trip to the database).
    """
    try:
        with transaction.atomic():
            response = Response.objects.create(run=run, submitted_on=today, idempotency_key=key)
            if class_code is not None:
                counted = ClassCode.objects.filter(pk=class_code.pk, responses__lt=F("max_responses")).update(
                    responses=F("responses") + 1
                )
                if not counted:
                    raise SubmissionRefused(
                        _("This class code has been used for as many answers as the class has pupils."))
            ResponseAnswer.objects.bulk_create(_answer_rows(response, questions, values))
    except IntegrityError:
        first = Response.objects.filter(run=run, idempotency_key=key).first()
        if first is None:
            raise
        return first, False
    return response, True


def _answer_rows(response, questions, values):
    for question in questions:
        value = values.get(question.id)
        if value is None:
            continue
        if question.kind == "open_text":
            yield ResponseAnswer(response=response, question_id=question.id, text=mask_contact_details(value),
                                 review=Review.PENDING)
        elif question.kind in ("face_scale", "ladder"):
            yield ResponseAnswer(response=response, question_id=question.id, number=value)
        else:
            for option in value if isinstance(value, list) else [value]:
                yield ResponseAnswer(response=response, question_id=question.id, option=option)
