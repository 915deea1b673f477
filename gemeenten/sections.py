"""The structured sections of a plan: the rows steps 2, 4, 5, 6 and 7 ask for beyond free answers.

A section is known by the slug in its URL. The views and the worksheet page ask here for a section's
rows, forms and the changes to them, so every rule can be tested without HTTP and every change is
recorded with record_change.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.db import models, transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gemeenten import section_forms
from gemeenten.changes import record_change
from gemeenten.figures.indicators import translated
from gemeenten.models import (
    Approach,
    ApproachScore,
    ContactAgreement,
    Finding,
    MonitoringAgreement,
    Partner,
    Plan,
    PracticeSignal,
    Result,
)
from gemeenten.models.structured import MonitoringLevel, Score
from gemeenten.templatetags.workspace_tags import display_name
from stappen.building_blocks import BUILDING_BLOCKS

MATRIX_ANCHOR = "building-blocks"
COUNCIL_ANCHOR = "council-decision"
COUNCIL_STEP = "7"
MONITORING_LEVELS = list(MonitoringLevel.values)
SCORES_STEP = "5"


@dataclass(frozen=True)
class Column:
    """One column of a section's table: a model field, or a value worked out from the row."""

    field: str
    label: object = None
    value: Callable | None = None

    def header(self, model) -> str:
        if self.label is not None:
            return str(self.label)
        return capfirst(model._meta.get_field(self.field).verbose_name)

    def cell(self, row):
        if self.value is not None:
            return self.value(row)
        model_field = row._meta.get_field(self.field)
        if model_field.choices:
            return getattr(row, f"get_{self.field}_display")()
        value = getattr(row, self.field)
        if isinstance(value, datetime.date):
            return date_format(value)
        return "" if value is None else value


def _with_year(value_field, year_field):
    def value(row):
        amount, year = getattr(row, value_field), getattr(row, year_field)
        if amount and year:
            return f"{amount} ({year})"
        return amount or (str(year) if year else "")

    return value


def _name_indicators(findings) -> None:
    names = translated({finding.indicator for finding in findings if finding.indicator_id})
    for finding in findings:
        finding.indicator_name = names[finding.indicator_id].name if finding.indicator_id else ""


def _finding_indicator(finding) -> str:
    return finding.indicator_name


def _finding_results(finding) -> str:
    return "; ".join(Truncator(result.result).chars(80) for result in finding.results.all())


def _approach_kind(approach) -> str:
    return _("From the portal") if approach.intervention_id else _("Local activity")


def _approach_result(approach) -> str:
    return Truncator(approach.result.result).chars(120) if approach.result_id else ""


@dataclass(frozen=True)
class Section:
    slug: str
    step_code: str
    model: type[models.Model]
    form_class: type[forms.ModelForm]
    title: object
    intro: object
    columns: tuple[Column, ...]
    related: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()
    order: Callable | None = None  # a sort key, where the database's order is not the method's
    prepare: Callable | None = None  # adds what the columns show to all rows at once, in a fixed number of queries
    before_questions: bool = False  # shown above the step's questions rather than below them

    @property
    def anchor(self) -> str:
        return f"section-{self.slug}"

    def headers(self) -> list[str]:
        return [column.header(self.model) for column in self.columns]

    def rows(self, plan) -> list:
        """The plan's rows of this section, in the method's order; a fixed number of queries."""
        rows = list(
            self.model.objects.filter(plan=plan)
            .select_related("updated_by", *self.related)
            .prefetch_related(*self.prefetch)
        )
        if self.prepare:
            self.prepare(rows)
        return sorted(rows, key=self.order) if self.order else rows

    def form(self, plan, data=None, instance=None, initial=None):
        instance = instance if instance is not None else self.model(plan=plan)
        return self.form_class(data, instance=instance, plan=plan, prefix=self.slug, initial=initial)

    def worksheet_url(self, plan, anchor=None) -> str:
        url = reverse("gemeenten:worksheet", args=[plan.team_id, plan.cycle, self.step_code])
        return f"{url}#{anchor or self.anchor}"


SECTIONS = {
    section.slug: section
    for section in [
        Section(
            slug="partners",
            step_code="2",
            model=Partner,
            form_class=section_forms.PartnerForm,
            title=gettext_lazy("Partners and networks"),
            intro=gettext_lazy(
                "The organisations and networks the approach needs: their sector, their role and whom to contact."
            ),
            columns=(Column("organisation"), Column("sector"), Column("role"), Column("contact")),
        ),
        Section(
            slug="signalen",
            step_code="3",
            model=PracticeSignal,
            form_class=section_forms.PracticeSignalForm,
            title=gettext_lazy("Observations from the field"),
            intro=gettext_lazy(
                "What professionals, partners, young people and parents see happening to families in poverty, "
                "beside the figures. Each member can add what they notice."
            ),
            columns=(Column("signal"), Column("seen_by")),
            before_questions=True,
        ),
        Section(
            slug="zorgen-en-kansen",
            step_code="3",
            model=Finding,
            form_class=section_forms.FindingForm,
            title=gettext_lazy("Concerns and opportunities"),
            intro=gettext_lazy(
                "The main concerns about families in poverty and the main opportunities for children and young "
                "people, as you see them together. Step 4 starts its list of results from these."
            ),
            columns=(
                Column("kind"),
                Column("text"),
                Column("indicator", gettext_lazy("Figure that shows it"), _finding_indicator),
                Column("results", gettext_lazy("Result in step 4"), _finding_results),
            ),
            related=("indicator",),
            prefetch=("results",),
            prepare=_name_indicators,
        ),
        Section(
            slug="resultaten",
            step_code="4",
            model=Result,
            form_class=section_forms.ResultForm,
            title=gettext_lazy("Results and indicators"),
            intro=gettext_lazy(
                "The results you want to reach for children and families, each with an indicator, "
                "a baseline, a target and the source of the figures."
            ),
            columns=(
                Column("result"),
                Column("indicator"),
                Column("baseline", gettext_lazy("Baseline (year)"), _with_year("baseline", "baseline_year")),
                Column("target", gettext_lazy("Target (year)"), _with_year("target", "target_year")),
                Column("source"),
            ),
        ),
        Section(
            slug="aanpakken",
            step_code="5",
            model=Approach,
            form_class=section_forms.ApproachForm,
            title=gettext_lazy("Chosen approaches"),
            intro=gettext_lazy(
                "The interventions from the portal and the current local activities you choose. "
                "Score each one on the seven building blocks for effectiveness."
            ),
            columns=(
                Column("name", gettext_lazy("Approach")),
                Column("intervention", gettext_lazy("Kind"), _approach_kind),
                Column("result", gettext_lazy("Result it contributes to"), _approach_result),
                Column("description"),
            ),
            related=("intervention", "result"),
            prefetch=("scores",),
        ),
        Section(
            slug="monitoring",
            step_code="6",
            model=MonitoringAgreement,
            form_class=section_forms.MonitoringAgreementForm,
            title=gettext_lazy("Monitoring agreements"),
            intro=gettext_lazy(
                "Per level (process, output, outcome and effect): what you measure, how, how often, "
                "who collects it and when you next look at it together."
            ),
            # From process to effect, as the method builds them up, rather than alphabetically.
            order=lambda row: (MONITORING_LEVELS.index(row.level), row.pk),
            columns=(
                Column("level"),
                Column("what"),
                Column("how"),
                Column("how_often"),
                Column("who"),
                Column("next_moment"),
            ),
        ),
        Section(
            slug="contactafspraken",
            step_code="7",
            model=ContactAgreement,
            form_class=section_forms.ContactAgreementForm,
            title=gettext_lazy("Agreements on keeping in touch"),
            intro=gettext_lazy("How and when the partners keep each other informed once the plan is running."),
            columns=(Column("what"), Column("when"), Column("how")),
        ),
    ]
}


def find_section(slug: str) -> Section | None:
    return SECTIONS.get(slug)


def find_row(section: Section, plan: Plan, row_id: int):
    """The row with this id, only when it belongs to this plan."""
    return section.model.objects.filter(plan=plan, pk=row_id).select_related(*section.related).first()


def row_label(row) -> str:
    return Truncator(str(row)).chars(80)


# What the worksheet page shows


@dataclass
class SectionRow:
    obj: models.Model
    cells: list[tuple[str, object]]  # (column heading, value): on a phone each value shows its heading

    @property
    def label(self) -> str:
        return row_label(self.obj)


@dataclass
class MatrixCell:
    block: str
    label: str
    score: str
    explanation: str

    @property
    def score_label(self) -> str:
        return str(Score(self.score).label) if self.score else _("Not scored")


@dataclass
class MatrixRow:
    approach: Approach
    cells: list[MatrixCell]


@dataclass
class Matrix:
    blocks: list[tuple[str, str]]
    rows: list[MatrixRow]


@dataclass
class SectionBlock:
    """One section as the worksheet shows it: its rows, an empty form to add one, and its extras."""

    section: Section
    rows: list[SectionRow]
    form: forms.Form
    matrix: Matrix | None = None
    council_form: forms.Form | None = None
    headers: list[str] = field(default_factory=list)
    starting_list: list | None = None  # step 4: concerns and opportunities of step 3 not yet a result


def building_block_matrix(approaches) -> Matrix:
    """Approaches × the seven building blocks; the approaches must come with their scores prefetched."""
    rows = []
    for approach in approaches:
        scores = {score.building_block: score for score in approach.scores.all()}
        cells = []
        for key, label in BUILDING_BLOCKS:
            score = scores.get(key)
            cells.append(MatrixCell(key, str(label), score.score if score else "", score.explanation if score else ""))
        rows.append(MatrixRow(approach, cells))
    return Matrix([(key, str(label)) for key, label in BUILDING_BLOCKS], rows)


def section_block(section: Section, plan: Plan, finding_id: int | None = None) -> SectionBlock:
    objects = section.rows(plan)
    headers = section.headers()
    block = SectionBlock(
        section=section,
        rows=[SectionRow(obj, list(zip(headers, [column.cell(obj) for column in section.columns]))) for obj in objects],
        form=section.form(plan),
        headers=headers,
    )
    if section.model is Result:
        block.starting_list = list(Finding.objects.filter(plan=plan, results__isnull=True).order_by("kind", "pk"))
        chosen = next((finding for finding in block.starting_list if finding.pk == finding_id), None)
        if chosen is not None:
            block.form = section.form(plan, initial={
                "result": chosen.text, "finding": chosen.pk, "catalogue_indicator": chosen.indicator_id,
            })
    if section.model is Approach:
        block.matrix = building_block_matrix(objects)
    if section.step_code == COUNCIL_STEP:
        block.council_form = council_form(plan)
    return block


def sections_for_step(plan: Plan, code: str, finding_id: int | None = None) -> list[SectionBlock]:
    """The structured sections of one step's worksheet page; a fixed number of queries per section.

    `finding_id`: a concern or opportunity of step 3 to start a new result from (step 4).
    """
    return [section_block(section, plan, finding_id) for section in SECTIONS.values() if section.step_code == code]


# Changes, each recorded


def _saved(section: Section, plan: Plan, form, user, summary: str):
    with transaction.atomic():
        row = form.save(commit=False)
        row.updated_by = user
        row.save()
        record_change(plan, section.step_code, user, summary % {"section": section.title, "row": row_label(row)})
    return row


def add_row(section: Section, plan: Plan, data, user):
    """Adds a row from posted data: (form, row), with row None when the form has errors."""
    form = section.form(plan, data)
    if not form.is_valid():
        return form, None
    return form, _saved(section, plan, form, user, _("%(section)s: added “%(row)s”"))


def row_stamp(row) -> str:
    """When the row was last saved, as the edit form carries it to notice changes made meanwhile."""
    return row.updated_at.isoformat() if row.updated_at else ""


def update_row(section: Section, plan: Plan, row, data, user):
    """Saves changes to a row: (form, changed); the form has errors when it could not be saved.

    When someone else saved the row after the form was opened, nothing is written: the form comes
    back with the typed values and a message, and saving it again keeps them.
    """
    stamp = row_stamp(row)
    form = section.form(plan, data, instance=row)
    if not form.is_valid() or not form.has_changed():
        return form, False
    if data.get("seen") != stamp:
        theirs = section.model.objects.select_related("updated_by").get(pk=row.pk)
        form.add_error(None, _(
            "%(name)s changed this row after you opened it; it now reads “%(row)s”. Your changes are still "
            "in the form. Save again to keep them, or cancel to keep theirs."
        ) % {"name": display_name(theirs.updated_by), "row": row_label(theirs)})
        return form, False
    _saved(section, plan, form, user, _("%(section)s: changed “%(row)s”"))
    return form, True


def delete_row(section: Section, plan: Plan, row, user) -> None:
    label = row_label(row)
    with transaction.atomic():
        row.delete()
        record_change(plan, section.step_code, user, _("%(section)s: removed “%(row)s”") % {
            "section": section.title, "row": label,
        })


def scores_form(approach: Approach, data=None) -> section_forms.ApproachScoresForm:
    return section_forms.ApproachScoresForm(data, approach=approach, prefix="scores")


@transaction.atomic
def save_scores(plan: Plan, approach: Approach, form: section_forms.ApproachScoresForm, user) -> bool:
    """Writes the scores of a valid form; a block set to 'not scored' loses its score. True when anything changed."""
    chosen = form.chosen()
    # Locking the approach (on PostgreSQL) lets two members scoring it at once take turns.
    Approach.objects.select_for_update().filter(pk=approach.pk).first()
    existing = {score.building_block: score for score in approach.scores.all()}
    changed = False
    for key, score in existing.items():
        if key not in chosen:
            score.delete()
            changed = True
    for key, (value, explanation) in chosen.items():
        score = existing.get(key)
        if score is None:
            ApproachScore.objects.create(approach=approach, building_block=key, score=value, explanation=explanation)
            changed = True
        elif (score.score, score.explanation) != (value, explanation):
            score.score, score.explanation = value, explanation
            score.save(update_fields=["score", "explanation"])
            changed = True
    if changed:
        approach.updated_by = user
        approach.save(update_fields=["updated_by", "updated_at"])
        record_change(plan, SCORES_STEP, user, _("Scored “%(approach)s” on the building blocks") % {
            "approach": row_label(approach),
        })
    return changed


def council_form(plan: Plan, data=None) -> section_forms.CouncilDecisionForm:
    return section_forms.CouncilDecisionForm(data, instance=plan, prefix="council")


def save_council_decision(plan: Plan, form: section_forms.CouncilDecisionForm, user) -> bool:
    """Saves a valid council-decision form; True when anything changed."""
    if not form.has_changed():
        return False
    with transaction.atomic():
        # Only these fields: a whole-row save could reopen a plan closed by a new cycle meanwhile.
        plan = form.save(commit=False)
        plan.save(update_fields=["council_decision_status", "council_decision_date"])
        record_change(plan, COUNCIL_STEP, user, _("Recorded the council's decision: %(status)s") % {
            "status": plan.get_council_decision_status_display(),
        })
    return True


def council_url(plan: Plan) -> str:
    return reverse("gemeenten:worksheet", args=[plan.team_id, plan.cycle, COUNCIL_STEP]) + f"#{COUNCIL_ANCHOR}"


def matrix_url(plan: Plan) -> str:
    return reverse("gemeenten:worksheet", args=[plan.team_id, plan.cycle, SCORES_STEP]) + f"#{MATRIX_ANCHOR}"
