"""A small questionnaire and run for survey tests, with answers stored through the submission service."""

import datetime
import uuid

from wagtail.models import Locale

from participatie.models import Questionnaire, SegmentOption, SurveyRun
from participatie.questions import run_questions
from participatie.submissions import store_response


def item_id(key):
    """A fixed id for a list item (an option or a face), as the demo gives them."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, key))


def item(key, value):
    return {"type": "item", "value": value, "id": item_id(key)}


QUESTIONS = [
    {"type": "segment", "id": "school", "value": {"text": "Op welke school zit je?", "theme": "school", "kind": "school", "options": []}},
    {"type": "face_scale", "id": "mood", "value": {"text": "Hoe voel je je?", "theme": "wellbeing",
                                                   "labels": ["Niet goed", "Gaat wel", "Goed"]}},
    {"type": "ladder", "id": "life", "value": {"text": "Welk cijfer geef je je leven?", "theme": "wellbeing",
                                               "low_label": "Slechtst", "high_label": "Best"}},
    {"type": "choice", "id": "sport", "value": {"text": "Wat doe je na school?", "theme": "leisure", "multiple": True,
                                                "options": [item("sport", {"label": "Sport", "image": None}),
                                                            item("music", {"label": "Muziek", "image": None})]}},
    {"type": "yes_no", "id": "breakfast", "value": {"text": "Heb je vandaag ontbeten?", "theme": "food"}},
    {"type": "open_text", "id": "wish", "value": {"text": "Wat zou helpen?", "theme": "wishes"}},
]


def make_questionnaire(body=None, title="Testpeiling kinderen", **texts):
    """A published Dutch questionnaire; texts may set intro, consent and thanks."""
    texts = {"intro": "Welkom.", "consent": "Anoniem.", "thanks": "Dank je!", **texts}
    questionnaire = Questionnaire(
        title=title, audience="children", body=body or QUESTIONS, locale=Locale.objects.get(language_code="nl"), **texts,
    )
    questionnaire.save()
    questionnaire.save_revision().publish()
    return questionnaire


def make_run(team, code="TEST-KIND", schools=("Noord", "Zuid", "West"), min_group_size=10, **fields):
    today = datetime.date.today()
    run = SurveyRun.objects.create(
        team=team, questionnaire=make_questionnaire(), title="Testpeiling", audience="children", code=code,
        opens_on=fields.pop("opens_on", today - datetime.timedelta(days=7)),
        closes_on=fields.pop("closes_on", today + datetime.timedelta(days=7)),
        min_group_size=min_group_size, **fields,
    )
    for school in schools:
        SegmentOption.objects.create(run=run, kind="school", label=school)
    return run


def answer(run, values, today=None, key=None):
    """Store one response; values use the question ids of QUESTIONS and school names for the school."""
    questions = run_questions(run, run.questionnaire)
    values = dict(values)
    if "school" in values:
        values["school"] = run.segment_options.get(label=values["school"]).key
    return store_response(run, questions, values, key or uuid.uuid4(), today or datetime.date.today())[0]
