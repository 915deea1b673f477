"""One plain description of a plan that both the PDF and the Word export lay out.

Everything language-dependent is resolved here, once, under the language the export is asked in:
the method's questions come from the step pages in that language, the labels through gettext, and
dates are formatted. The renderers only decide where things go on the page.

The number of queries is fixed: the method's pages, then one query per kind of row, whatever the
number of answers, partners or scores.
"""

import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gemeenten.export.analysis import FigureGroup, figure_groups
from gemeenten.export.tables import Table
from gemeenten.method import method_steps, step_questions
from gemeenten.models import Answer, Approach, Membership, Plan, StepState
from gemeenten.models.team import Sector
from gemeenten.overview import StepOverview
from gemeenten.sections import SECTIONS, building_block_matrix


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
    matrix: str
    not_scored: str
    matrix_intro: str
    exported_on: str
    page_of: str
    demo: str

    def page_number_parts(self) -> list[tuple[str, str]]:
        """The page footer as ("text", words), ("number", "") and ("total", "") parts, in the translation's order,
        so each renderer can put its own page counters where the placeholders are."""
        parts = []
        for index, piece in enumerate(re.split(r"%\((number|total)\)s", self.page_of)):
            if index % 2:
                parts.append((piece, ""))
            elif piece:
                parts.append(("text", piece))
        return parts


def export_labels() -> Labels:
    return Labels(
        site=_("Reducing the effects of poverty together"),
        plan=_("Plan for %(cycle)s"),
        municipalities=capfirst(_("municipalities")),
        cycle=_plan_field("cycle"),
        council_decision=_plan_field("council_decision_status"),
        council_decision_date=_plan_field("council_decision_date"),
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
        matrix=_("Building blocks for effectiveness"),
        not_scored=_("Not scored yet"),
        matrix_intro=_("How each approach scores on the building blocks for an effective approach, and why."),
        exported_on=_("Exported on %(date)s"),
        page_of=_("Page %(number)s of %(total)s"),
        demo=_("Demo: this team is made up to show how the portal works. Its plan, figures and answers are not the "
               "work of the real municipality."),
    )


def _plan_field(name) -> str:
    return capfirst(Plan._meta.get_field(name).verbose_name)


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
    figure_groups: list[FigureGroup] = field(default_factory=list)


@dataclass(frozen=True)
class Member:
    name: str
    organisation: str
    sector: str


@dataclass(frozen=True)
class PlanDocument:
    language: str
    labels: Labels
    team: str
    subtitle: str
    municipalities: list[str]
    cycle: int
    council_status: str
    council_date: str
    members: list[Member]
    steps: list[StepEntry]
    exported_on: str
    demo_note: str  # empty unless the team is a made-up demo team


def plan_document(plan) -> PlanDocument:
    """The whole plan in the active language; call it under translation.override to pick another."""
    labels = export_labels()
    team = plan.team
    answers = {answer.question_id: answer for answer in Answer.objects.filter(plan=plan)}
    states = {state.step_code: state for state in StepState.objects.filter(plan=plan)}
    sections, matrix = _sections(plan, labels)
    follow_up = plan.previous_id is not None
    steps_read = method_steps()
    method = [(step, step_questions(step, follow_up_cycle=follow_up)) for step in steps_read]
    figures = figure_groups(plan, steps_read)
    # A question editors moved to another step is still asked; only a question gone from every step is removed.
    asked = {question.id for _step, questions in method for question in questions.all()}
    steps = []
    for step, questions in method:
        overview = StepOverview(step, states.get(step.code))
        steps.append(
            StepEntry(
                code=step.code,
                label=step.label,
                title=step.title,
                status=overview.status,
                status_label=str(overview.status_label),
                review=[_question_entry(question, answers) for question in questions.review],
                answers=[_question_entry(question, answers) for question in questions.questions],
                removed=[
                    _answer_entry(answer.question_text, answer.answer_kind, (), answer, removed=True)
                    for answer in answers.values()
                    if answer.step_code == step.code and answer.question_id not in asked and answer.value
                ],
                sections=sections.get(step.code, []),
                matrix=matrix if step.code == "5" else None,
                figure_groups=figures.get(step.code, []),
            )
        )
    municipalities = [municipality.name for municipality in team.municipalities.all()]
    return PlanDocument(
        language=get_language(),
        labels=labels,
        team=team.name,
        subtitle=labels.plan % {"cycle": plan.cycle},
        municipalities=municipalities,
        cycle=plan.cycle,
        council_status=plan.get_council_decision_status_display(),
        council_date=_date(plan.council_decision_date),
        members=_members(team),
        steps=steps,
        exported_on=labels.exported_on % {"date": _date(timezone.localdate())},
        demo_note=labels.demo if team.is_demo else "",
    )


def _date(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else ""


def _question_entry(question, answers) -> AnswerEntry:
    return _answer_entry(question.question, question.answer_kind, question.columns, answers.get(question.id))


def _answer_entry(question, kind, columns, answer, removed=False) -> AnswerEntry:
    value = answer.value if answer is not None else None
    if kind == "table":
        rows = [[str(cell) for cell in row] for row in value or [] if isinstance(row, list) and any(row)]
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
            # Never the e-mail address: the document goes to the council and may be published.
            name=membership.user.get_full_name() or membership.organisation or _("Team member"),
            organisation=membership.organisation,
            sector=str(sectors.get(membership.sector, "")),
        )
        for membership in Membership.objects.filter(team=team).select_related("user")
    ]


def _sections(plan, labels: Labels) -> tuple[dict[str, list[Section]], Matrix | None]:
    """The structured rows per step as the worksheet shows them, and step 5's building-block matrix."""
    by_step, matrix = {}, None
    for section in SECTIONS.values():
        rows = section.rows(plan)
        table = Table(section.headers(), [[str(column.cell(row)) for column in section.columns] for row in rows])
        by_step.setdefault(section.step_code, []).append(Section(section.slug, str(section.title), table))
        if section.model is Approach and rows:
            matrix = _matrix(rows, labels)
    return by_step, matrix


def _matrix(approaches, labels: Labels) -> Matrix:
    """The worksheet's building-block matrix, as plain text for the documents."""
    matrix = building_block_matrix(approaches)
    return Matrix(
        title=labels.matrix,
        building_blocks=[label for _key, label in matrix.blocks],
        rows=[
            MatrixRow(row.approach.name, [
                ScoreCell(cell.score, str(cell.score_label) if cell.score else labels.not_scored, cell.explanation)
                for cell in row.cells
            ])
            for row in matrix.rows
        ],
    )
