"""The Velsen demo team's running children's survey, with drawn answers (content/run.yaml).

The run stays open: it opens some weeks before the day of loading and closes some weeks after; a
later load moves a closing date that has passed. Its responses go through store_response, like a
respondent's, and are drawn with a fixed seed, so the figures are the same on every site. They are
added once: a run that has responses, or whose responses were purged, gets none.
"""

import datetime
import random
import uuid

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from gemeenten.models import Team
from participatie.demo.questionnaires import option_id, question_id, questionnaire_key, read_content
from participatie.models import ClassCode, Questionnaire, ResponseAnswer, Review, SegmentOption, SurveyRun
from participatie.questions import run_questions
from participatie.submissions import store_response
from portal.demo.pages import LoadReport
from portal.demo.stream import ContentError
from portal.models import User

SEED = "participatie-demo-kinderen"
RESPONSE_NAMESPACE = uuid.UUID("6a1f3c52-0d8e-5b7a-9c44-2e5b8f0a7d13")
# How hard things are, on average, for the children who answered from each school: it tilts the drawn
# answers, so that the schools differ a little as real ones would. No school given: the middle.
STRAIN = {"De Duinroos": 0.2, "Het Kompas": 0.35, "De Zeester": 0.6, "De Vuurtoren": 0.45, None: 0.4}
SKIP = 0.03  # the chance that a child skips a closed question


def load_demo_run(today: datetime.date | None = None) -> LoadReport:
    """Create the demo run if its team and questionnaire exist; needs the demo teams (load_workspace)."""
    report = LoadReport()
    content = read_content("run.yaml")
    team = Team.objects.filter(name=content["team"]).first()
    questionnaire = Questionnaire.objects.filter(
        translation_key=questionnaire_key(content["questionnaire"]), locale=Locale.get_default()
    ).first()
    if team is None or questionnaire is None:
        return report
    today = today or timezone.localdate()
    with transaction.atomic():
        run = _ensure_run(content, team, questionnaire, today, report)
        _ensure_groups(run, content, report)
        if run.purged_on is None and not run.responses.exists():
            count = _add_responses(run, content, today)
            report.created.append(f"{count} demo responses to survey run {run.code}")
    return report


def _ensure_run(content, team, questionnaire, today, report) -> SurveyRun:
    closes_on = today + datetime.timedelta(weeks=content["closes_in_weeks"])
    run = SurveyRun.objects.filter(code=content["code"]).first()
    if run is not None:
        if run.closes_on < today and run.purged_on is None:
            run.closes_on = closes_on
            run.save(update_fields=["closes_on"])
        return run
    run = SurveyRun(
        team=team,
        questionnaire=questionnaire,
        title=content["title"],
        audience=questionnaire.audience,
        code=content["code"],
        opens_on=today - datetime.timedelta(weeks=content["opened_weeks_ago"]),
        closes_on=closes_on,
        min_group_size=content["min_group_size"],
        retention_months=content["retention_months"],
        team_response=_paragraphs(content["team_response"]),
        created_by=User.objects.filter(email=content["created_by"]).first(),
    )
    run.full_clean()
    run.save()
    report.created.append(f"survey run {run.code} ({run.title})")
    return run


def _ensure_groups(run, content, report):
    for entry in content["respondents"]:
        if entry["school"]:
            _option, created = SegmentOption.objects.get_or_create(run=run, kind="school", label=entry["school"])
            if created:
                report.created.append(f"school {entry['school']} in survey run {run.code}")
    spec = content["class_code"]
    _class, created = ClassCode.objects.get_or_create(
        code=spec["code"], defaults={"run": run, "label": spec["label"], "max_responses": spec["max_responses"]}
    )
    if created:
        report.created.append(f"class code {spec['code']} ({spec['label']})")


def _add_responses(run, content, today) -> int:
    # Made-up demo answers, reproducible on purpose.
    rng = random.Random(SEED)  # nosec B311
    questions = run_questions(run, run.questionnaire)
    schools = {option.label: option.key for option in run.segment_options.filter(kind="school")}
    children = [entry["school"] for entry in content["respondents"] for _ in range(entry["count"])]
    rng.shuffle(children)
    open_answers = content["open_answers"]
    writers = dict(zip(rng.sample(range(len(children)), len(open_answers)), open_answers, strict=True))
    days = max((min(today, run.closes_on) - run.opens_on).days, 0)
    reviewer = User.objects.filter(email=content["reviewer"]).first()
    draw = _Draw(rng)
    for index, school in enumerate(children):
        values = draw.answers(STRAIN[school])
        if school:
            values[question_id("kinderen", "school")] = schools[school]
        if index in writers:
            values[question_id("kinderen", "wens")] = writers[index]["text"]
        key = uuid.uuid5(RESPONSE_NAMESPACE, f"{run.code}/{index}")
        submitted_on = run.opens_on + datetime.timedelta(days=rng.randint(0, days))
        response, _created = store_response(run, questions, values, key, submitted_on)
        if index in writers and writers[index]["shown"]:
            ResponseAnswer.objects.filter(response=response, question_id=question_id("kinderen", "wens")).update(
                review=Review.SHOWN, reviewed_by=reviewer
            )
    return len(children)


class _Draw:
    """One child's answers to the closed questions of the children's questionnaire, tilted by strain (0..1)."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def answers(self, strain: float) -> dict:
        s = strain
        values = {
            "leeftijd": self.option("leeftijd", {"8-9": 25, "10-11": 55, "12": 20}),
            "gevoel": self.weighted([1, 2, 3, 4, 5], [2 + 6 * s, 6 + 10 * s, 22 + 8 * s, 42 - 10 * s, 28 - 14 * s]),
            "ladder": max(0, min(10, round(self.rng.gauss(7.8 - 2 * s, 1.5)))),
            "op-school": self.weighted([1, 2, 3], [12 + 10 * s, 33, 55 - 10 * s]),
            "volwassene": "yes" if self.rng.random() < 0.88 - 0.15 * s else "no",
            "ontbijt": self.option("ontbijt", {"nooit": 72 - 35 * s, "soms": 18 + 14 * s, "vaak": 7 + 12 * s,
                                               "bijna-elke-dag": 3 + 9 * s}),
            "vrije-tijd": self.several("vrije-tijd", {"sport": 0.62 - 0.3 * s, "cultuur": 0.3 - 0.15 * s, "buiten": 0.7,
                                                      "buurthuis": 0.2 + 0.25 * s, "thuis": 0.6, "anders": 0.1},
                                       fallback="buiten"),
            "graag-willen": "yes" if self.rng.random() < 0.25 + 0.5 * s else "no",
            "geldzorgen": self.option("geldzorgen", {"nooit": 55 - 30 * s, "soms": 28 + 14 * s, "vaak": 7 + 14 * s,
                                                     "zeg-ik-niet": 10}),
            "thuis": self.weighted([1, 2, 3], [8 + 10 * s, 27 + 5 * s, 65 - 15 * s]),
            "praten": (
                [option_id("kinderen", "praten", "niemand")] if self.rng.random() < 0.03 else
                self.several("praten", {"ouders": 0.88, "familie": 0.4, "juf": 0.45, "vriend": 0.55}, fallback="vriend")
            ),
        }
        return {question_id("kinderen", key): value for key, value in values.items() if self.rng.random() >= SKIP}

    def weighted(self, values: list, weights: list):
        return self.rng.choices(values, weights=weights)[0]

    def option(self, question: str, weights: dict) -> str:
        return option_id("kinderen", question, self.weighted(list(weights), list(weights.values())))

    def several(self, question: str, chances: dict, fallback: str) -> list[str]:
        chosen = [key for key, chance in chances.items() if self.rng.random() < chance] or [fallback]
        return sorted(option_id("kinderen", question, key) for key in chosen)


def _paragraphs(text: str) -> str:
    paragraphs = [" ".join(part.split()) for part in text.strip().split("\n\n") if part.strip()]
    if not paragraphs:
        raise ContentError("The team's response is empty")
    return "\n\n".join(paragraphs)
