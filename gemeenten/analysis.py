"""Step 3's analysis for a plan: national and local figures, the voices from the team's surveys, and the learning cycle.

A new figure is one loaded or entered after the team last recorded a discussion of the figures, in
this cycle or an earlier one. While there are new figures, the analysis asks the learning-cycle questions.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from gemeenten.changes import record_change
from gemeenten.figures.indicators import translated
from gemeenten.figures.series import TeamFigures, team_figures
from gemeenten.figures.values import format_value
from gemeenten.method import MethodStep, method_steps
from gemeenten.models import FigureReview, IndicatorValue
from participatie.results import RunResults, team_results
from stappen.building_blocks import LEARNING_CYCLE
from stappen.worksheet import WorksheetQuestion, learning_cycle_questions

ANALYSIS_STEP = "3"


@dataclass(frozen=True)
class OwnValue:
    """A figure the team entered, as the list of its own figures shows it."""

    value: IndicatorValue
    name: str
    text: str
    region_name: str


@dataclass
class Analysis:
    figures: TeamFigures
    voices: list[RunResults]
    last_review: FigureReview | None
    reviews: list[FigureReview]
    learning_questions: list[WorksheetQuestion]
    own_values: list[OwnValue]

    @property
    def new_figures(self):
        return [figure for figure in self.figures.all if figure.new]


def plan_analysis(plan, steps: list[MethodStep] | None = None) -> Analysis:
    """`steps`: the method's steps where the caller already read them, for the learning-cycle questions."""
    reviews = list(FigureReview.objects.filter(plan__team=plan.team).select_related("reviewed_by", "plan"))
    last = reviews[0] if reviews else None
    figures = team_figures(plan.team, new_since=last.reviewed_at if last else None)
    return Analysis(
        figures=figures,
        voices=team_results(plan.team_id),
        last_review=last,
        reviews=[review for review in reviews if review.plan_id == plan.pk],
        learning_questions=learning_questions(steps),
        own_values=own_values(plan.team, figures.regions),
    )


def own_values(team, regions: list[tuple[str, str]]) -> list[OwnValue]:
    values = list(IndicatorValue.objects.filter(team=team).select_related("indicator").order_by("indicator__name", "-year"))
    names = translated({value.indicator for value in values})
    regions = dict(regions)
    several = len(regions) > 1
    return [
        OwnValue(
            value, names[value.indicator_id].name,
            format_value(value.value, value.indicator.unit, value.indicator.decimals),
            regions.get(value.region, value.region) if several else "",
        )
        for value in values
    ]


def learning_questions(steps: list[MethodStep] | None = None) -> list[WorksheetQuestion]:
    """The four learning-cycle questions as the method words them; the phases alone where no step page has them."""
    for step in method_steps() if steps is None else steps:
        if step.page is not None:
            questions = learning_cycle_questions(step.page.body)
            if questions:
                return questions
    return [
        WorksheetQuestion(id=f"learning-{key}", question=str(label), help_text="", answer_kind="text", columns=(),
                          asked_first=False)
        for key, label in LEARNING_CYCLE
    ]


@transaction.atomic
def record_review(plan, user, answers: list[tuple[str, str]]) -> FigureReview:
    """The team has discussed the figures as they stand now; what is new after this counts as new again."""
    review = FigureReview.objects.create(
        plan=plan, reviewed_by=user,
        answers=[{"question": question, "answer": answer} for question, answer in answers if answer.strip()],
    )
    record_change(plan, ANALYSIS_STEP, user, _("Recorded a discussion of the figures"))
    return review
