"""One plain description of a plan that both the PDF and the Word export lay out.

Everything language-dependent is resolved here, once, under the language the export is asked in:
the method's questions come from the step pages in that language, the labels through gettext, and
dates are formatted. The renderers only decide where things go on the page.

The number of queries is fixed: the method's pages, then one query per kind of row, whatever the
number of answers, partners or scores.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gemeenten.method import method_steps, step_questions
from gemeenten.models import (
    Answer,
    Approach,
    ContactAgreement,
    Membership,
    MonitoringAgreement,
    Partner,
    Result,
    StepState,
)
from gemeenten.models.structured import MonitoringLevel, Score
from gemeenten.models.team import Sector
from gemeenten.overview import StepOverview
from stappen.building_blocks import BUILDING_BLOCKS


@dataclass(frozen=True)
class Labels:
    """The export's own words, translated once so both renderers say the same."""

    site: str
    plan: str
    municipalities: str
    cycle: str
    council_decision: str
    council_decision_date: str
    members: str
    name: str
    organisation: str
    sector: str
    contents: str
    status: str
    looking_back: str
    removed_heading: str
    removed_mark: str
    no_answer: str
    nothing_recorded: str
    approach: str
    not_scored: str
    matrix_intro: str
    exported_on: str
    page: str
    of: str


def export_labels() -> Labels:
    return Labels(
        site=_("Reducing the effects of poverty together"),
        plan=_("Plan for %(cycle)s"),
        municipalities=capfirst(_("municipalities")),
        cycle=_("Cycle"),
        council_decision=_("Council's decision"),
        council_decision_date=_("Date of the council's decision"),
        members=_("Who worked on this plan"),
        name=capfirst(_("name")),
        organisation=capfirst(_("organisation")),
        sector=capfirst(_("sector")),
        contents=_("Contents"),
        status=_("Status"),
        looking_back=_("Looking back on the previous cycle"),
        removed_heading=_("Answers to questions no longer in the method"),
        removed_mark=_("question no longer in the method"),
        no_answer=_("No answer yet."),
        nothing_recorded=_("Nothing recorded yet."),
        approach=capfirst(_("approach")),
        not_scored=_("Not scored yet"),
        matrix_intro=_("How each approach scores on the building blocks for an effective approach, and why."),
        exported_on=_("Exported on %(date)s"),
        page=_("Page"),
        of=_("of"),
    )


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]

    @property
    def has_header(self) -> bool:
        """Answers to removed questions no longer know their column names; such tables get no header row."""
        return any(self.columns)


@dataclass(frozen=True)
class AnswerEntry:
    question: str
    kind: str  # "text", "list" or "table"
    paragraphs: list[list[str]] = field(default_factory=list)  # text: paragraphs, each a list of lines
    items: list[str] = field(default_factory=list)
    table: Table | None = None
    removed: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.paragraphs or self.items or (self.table and self.table.rows))


@dataclass(frozen=True)
class Section:
    """One kind of structured row a step asks for (partners, results, ...), as a table."""

    key: str
    title: str
    table: Table


@dataclass(frozen=True)
class ScoreCell:
    score: str  # "yes", "partly", "no", or "" when the team has not scored this building block
    label: str
    explanation: str


@dataclass(frozen=True)
class MatrixRow:
    approach: str
    cells: list[ScoreCell]


@dataclass(frozen=True)
class Matrix:
    title: str
    building_blocks: list[str]
    rows: list[MatrixRow]


@dataclass(frozen=True)
class StepEntry:
    code: str
    label: str
    title: str
    status: str
    status_label: str
    review: list[AnswerEntry]
    answers: list[AnswerEntry]
    removed: list[AnswerEntry]
    sections: list[Section]
    matrix: Matrix | None


@dataclass(frozen=True)
class Member:
    name: str
    organisation: str
    sector: str


@dataclass(frozen=True)
class PlanDocument:
    language: str
    labels: Labels
    title: str
    subtitle: str
    team: str
    municipalities: list[str]
    cycle: int
    council_status: str
    council_date: str
    members: list[Member]
    steps: list[StepEntry]
    exported_on: str


def plan_document(plan) -> PlanDocument:
    """The whole plan in the active language; call it under translation.override to pick another."""
    labels = export_labels()
    team = plan.team
    answers = {answer.question_id: answer for answer in Answer.objects.filter(plan=plan)}
    states = {state.step_code: state for state in StepState.objects.filter(plan=plan)}
    sections = _sections(plan)
    follow_up = plan.previous_id is not None
    steps = []
    for step in method_steps():
        questions = step_questions(step, follow_up_cycle=follow_up)
        asked = {question.id for question in questions.all()}
        overview = StepOverview(step, states.get(step.code))
        steps.append(
            StepEntry(
                code=step.code,
                label=step.label,
                title=step.title,
                status=overview.status,
                status_label=str(overview.status_label),
                review=[_answer_entry(q.question, q.answer_kind, q.columns, answers.get(q.id)) for q in questions.review],
                answers=[_answer_entry(q.question, q.answer_kind, q.columns, answers.get(q.id)) for q in questions.questions],
                removed=[
                    _answer_entry(answer.question_text, answer.answer_kind, (), answer, removed=True)
                    for answer in answers.values()
                    if answer.step_code == step.code and answer.question_id not in asked and answer.value
                ],
                sections=sections["sections"].get(step.code, []),
                matrix=sections["matrix"] if step.code == "5" else None,
            )
        )
    municipalities = [municipality.name for municipality in team.municipalities.all()]
    return PlanDocument(
        language=get_language(),
        labels=labels,
        title=team.name,
        subtitle=labels.plan % {"cycle": plan.cycle},
        team=team.name,
        municipalities=municipalities,
        cycle=plan.cycle,
        council_status=plan.get_council_decision_status_display(),
        council_date=_date(plan.council_decision_date),
        members=_members(team),
        steps=steps,
        exported_on=labels.exported_on % {"date": _date(timezone.localdate())},
    )


def _date(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else ""


def _answer_entry(question, kind, columns, answer, removed=False) -> AnswerEntry:
    value = answer.value if answer is not None else None
    if kind == "table":
        rows = [[str(cell) for cell in row] for row in value or [] if isinstance(row, list)]
        width = max([len(columns)] + [len(row) for row in rows])
        table = Table(
            columns=list(columns) + [""] * (width - len(columns)),
            rows=[row + [""] * (width - len(row)) for row in rows],
        )
        return AnswerEntry(question, kind, table=table, removed=removed)
    text = value if isinstance(value, str) else ""
    if kind == "list":
        items = [line.strip() for line in text.splitlines() if line.strip()]
        return AnswerEntry(question, kind, items=items, removed=removed)
    return AnswerEntry(question, "text", paragraphs=_paragraphs(text), removed=removed)


def _paragraphs(text: str) -> list[list[str]]:
    paragraphs, lines = [], []
    for line in text.splitlines():
        if line.strip():
            lines.append(line.rstrip())
        elif lines:
            paragraphs.append(lines)
            lines = []
    if lines:
        paragraphs.append(lines)
    return paragraphs


def _members(team) -> list[Member]:
    sectors = dict(Sector.choices)
    return [
        Member(
            name=membership.user.get_full_name() or membership.user.email,
            organisation=membership.organisation,
            sector=str(sectors.get(membership.sector, "")),
        )
        for membership in Membership.objects.filter(team=team).select_related("user")
    ]


def _header(model, *names) -> list[str]:
    return [capfirst(model._meta.get_field(name).verbose_name) for name in names]


def _with_year(value, year) -> str:
    return f"{value} ({year})" if value and year else value or (str(year) if year else "")


def _sections(plan) -> dict:
    """The structured rows per step, and step 5's building-block matrix; one query per kind of row."""
    sectors = dict(Sector.choices)
    partners = Section("partners", capfirst(Partner._meta.verbose_name_plural), Table(
        _header(Partner, "organisation", "sector", "role", "contact"),
        [[row.organisation, str(sectors.get(row.sector, "")), row.role, row.contact]
         for row in Partner.objects.filter(plan=plan)],
    ))
    results = Section("results", capfirst(Result._meta.verbose_name_plural), Table(
        _header(Result, "result", "indicator", "baseline", "target", "source"),
        [[row.result, row.indicator, _with_year(row.baseline, row.baseline_year),
          _with_year(row.target, row.target_year), row.source]
         for row in Result.objects.filter(plan=plan)],
    ))
    approach_rows = list(Approach.objects.filter(plan=plan).select_related("result").prefetch_related("scores"))
    approaches = Section("approaches", capfirst(Approach._meta.verbose_name_plural), Table(
        _header(Approach, "name", "description", "result"),
        [[row.name, row.description, row.result.result if row.result else ""] for row in approach_rows],
    ))
    levels = {value: (index, label) for index, (value, label) in enumerate(MonitoringLevel.choices)}
    monitoring_rows = sorted(MonitoringAgreement.objects.filter(plan=plan), key=lambda row: (levels.get(row.level, (99,))[0], row.pk))
    monitoring = Section("monitoring", capfirst(MonitoringAgreement._meta.verbose_name_plural), Table(
        _header(MonitoringAgreement, "level", "what", "how", "how_often", "who", "next_moment"),
        [[str(levels.get(row.level, (0, row.level))[1]), row.what, row.how, row.how_often, row.who, _date(row.next_moment)]
         for row in monitoring_rows],
    ))
    contact = Section("contact", capfirst(ContactAgreement._meta.verbose_name_plural), Table(
        _header(ContactAgreement, "what", "when", "how"),
        [[row.what, row.when, row.how] for row in ContactAgreement.objects.filter(plan=plan)],
    ))
    return {
        "sections": {"2": [partners], "4": [results], "5": [approaches], "6": [monitoring], "7": [contact]},
        "matrix": _matrix(approach_rows) if approach_rows else None,
    }


def _matrix(approaches) -> Matrix:
    score_labels = {value: str(label) for value, label in Score.choices}
    not_scored = _("Not scored yet")
    rows = []
    for approach in approaches:
        scores = {score.building_block: score for score in approach.scores.all()}
        cells = []
        for key, _label in BUILDING_BLOCKS:
            score = scores.get(key)
            if score is None:
                cells.append(ScoreCell("", not_scored, ""))
            else:
                cells.append(ScoreCell(score.score, score_labels.get(score.score, score.score), score.explanation))
        rows.append(MatrixRow(approach.name, cells))
    return Matrix(
        title=_("Building blocks for effectiveness"),
        building_blocks=[str(label) for _key, label in BUILDING_BLOCKS],
        rows=rows,
    )
