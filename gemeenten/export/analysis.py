"""Step 3's analysis and step 6's trends in the plan export: each figure as a chart with its table."""

from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gemeenten.analysis import ANALYSIS_STEP, plan_analysis
from gemeenten.export.tables import Table
from gemeenten.figures.charts import bars_chart
from gemeenten.figures.trends import TRENDS_STEP, result_trends
from gemeenten.models.figures import Unit


@dataclass(frozen=True)
class FigureEntry:
    title: str
    chart: SafeString | None
    table: Table
    notes: list[str]


@dataclass(frozen=True)
class FigureGroup:
    title: str
    intro: str
    figures: list[FigureEntry]


def figure_groups(plan, steps) -> dict[str, list[FigureGroup]]:
    """The figures the export shows per step: step 3's analysis and step 6's trends."""
    analysis = plan_analysis(plan, steps)
    return {ANALYSIS_STEP: _analysis_groups(analysis), TRENDS_STEP: _trend_groups(plan, analysis)}


def _analysis_groups(analysis) -> list[FigureGroup]:
    """Step 3: national figures, local figures and one group per survey."""
    groups = [
        FigureGroup(_("National figures"), _("Figures from CBS for the municipality, beside the Netherlands as a whole."),
                    [_indicator_entry(figure) for figure in analysis.figures.national]),
        FigureGroup(_("Local figures"), _("Figures the team collected itself."),
                    [_indicator_entry(figure) for figure in analysis.figures.local]),
    ]
    for results in analysis.voices:
        groups.append(FigureGroup(
            _("What our survey found: %(title)s") % {"title": results.run.title},
            _("%(audience)s, %(count)s respondents. Groups smaller than %(minimum)s are not shown.") % {
                "audience": results.run.get_audience_display(), "count": results.respondents,
                "minimum": results.run.min_group_size,
            },
            [_voice_entry(results.run, result) for theme in results.themes for result in theme.questions
             if result.figures] if results.shown else [],
        ))
    return groups


def _trend_groups(plan, analysis) -> list[FigureGroup]:
    """Step 6: each result's indicator against its target."""
    trends = result_trends(plan, analysis.figures)
    if not trends:
        return []
    return [FigureGroup(_("Results against their targets"), "", [
        FigureEntry(trend.result.result, trend.chart, _figure_table(trend.figure),
                    [_("Target: %(target)s") % {"target": trend.result.target}] if trend.result.target else [])
        for trend in trends
    ])]


def _figure_table(figure) -> Table:
    return Table(
        [_("Region"), *[str(year) for year in figure.years]],
        [[row.label, *[(cell.text or "–") if cell else "–" for cell in row.cells]] for row in figure.rows],
    )


def _indicator_entry(figure) -> FigureEntry:
    notes = [_("Source: %(sources)s") % {"sources": "; ".join(figure.sources)}]
    if figure.demo:
        notes.append(_("Demo figures, made up for the demonstration."))
    if any(cell and cell.provisional for row in figure.rows for cell in row.cells):
        notes.append(_("* provisional figure"))
    return FigureEntry(figure.indicator.name, figure.chart, _figure_table(figure), notes)


def _voice_entry(run, result) -> FigureEntry:
    question = result.question
    rows = [
        [figure.label, str(figure.count) if figure.count is not None else "–",
         f"{figure.percent}%" if figure.percent is not None else _("not shown: too few answers")]
        for figure in result.figures
    ]
    chart = bars_chart(
        chart_id=f"survey-{run.pk}-{question.id}", title=question.text,
        bars=[(figure.label, figure.percent) for figure in result.figures], unit=Unit.PERCENT, decimals=0,
    )
    notes = [ngettext("%(count)s respondent answered this question.", "%(count)s respondents answered this question.",
                      result.answered) % {"count": result.answered}]
    return FigureEntry(question.text, chart, Table([_("Answer"), _("Number"), _("Percentage")], rows), notes)
