"""The figures of one team as tables and charts: per indicator, its years, its regions and what is new.

Everything is read in a fixed number of queries, whatever the number of indicators or years. The result
is kept in the cache under a version of everything it is made of (see `_version`), so that it is made
again as soon as a value or an indicator changes, and otherwise not at all.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gemeenten.figures.charts import ChartPoint, ChartSeries, bars_chart, trend_chart
from gemeenten.figures.indicators import team_indicators, translated
from gemeenten.figures.values import format_value, team_regions, visible_values
from gemeenten.models import Indicator
from gemeenten.models.figures import NATIONAL, Direction, Origin, Scope, Status

YEARS_SHOWN = 10
FIGURES_KEPT_FOR = 60 * 60 * 24


class ShownValue(NamedTuple):
    """What the figures read of an IndicatorValue: a tuple, since thousands are read for one page."""

    indicator_id: int
    region: str
    region_name: str
    year: int
    value: Decimal | None
    status: str
    origin: str
    source: str
    team_id: int | None
    loaded_at: datetime


@dataclass(frozen=True)
class Cell:
    year: int
    value: Decimal | None
    status: str
    new: bool
    text: str

    @property
    def provisional(self) -> bool:
        return self.status == Status.PROVISIONAL


@dataclass
class Row:
    """One region's values of an indicator, one cell per year of the figure (None where nothing is known)."""

    region: str
    label: str
    comparison: bool
    cells: list[Cell | None]


@dataclass(frozen=True)
class Change:
    """A value that arrived since the team last discussed the figures, beside the year before."""

    label: str
    year: int
    text: str
    previous_year: int | None
    previous_text: str
    verdict: str  # "better", "worse", "same" or "" when the indicator has no better direction

    @property
    def verdict_label(self) -> str:
        return {"better": _("better"), "worse": _("worse"), "same": _("unchanged")}.get(self.verdict, "")


@dataclass
class IndicatorFigure:
    indicator_pk: int  # the source-language indicator that values and results point to
    indicator: Indicator  # in the reader's language
    years: list[int]
    rows: list[Row]
    sources: list[str]
    demo: bool
    chart: SafeString
    districts: list[tuple[str, Cell]] = field(default_factory=list)
    district_year: int | None = None
    district_chart: SafeString | None = None
    changes: list[Change] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"figure-{self.indicator.code}"

    @property
    def new(self) -> bool:
        return bool(self.changes)

    @property
    def version(self) -> str:
        """A hash of everything the figure shows: a key for caching its rendering."""
        indicator = self.indicator
        shown = (indicator.code, indicator.name, indicator.definition, indicator.unit, indicator.decimals,
                 indicator.direction, self.years, self.rows, self.sources, self.demo, self.chart, self.districts,
                 self.district_year, self.district_chart, self.changes)
        return hashlib.sha256(repr(shown).encode()).hexdigest()


@dataclass
class TeamFigures:
    national: list[IndicatorFigure]
    local: list[IndicatorFigure]
    missing_local: list[Indicator]  # local indicators of the catalogue that have no figure yet
    regions: list[tuple[str, str]]  # the team's municipalities: (CBS code, name)
    version: str = ""  # changes whenever anything shown here does: a key for caching their rendering

    @property
    def all(self) -> list[IndicatorFigure]:
        return self.national + self.local

    @property
    def demo(self) -> bool:
        return any(figure.demo for figure in self.all)


def team_figures(team, new_since: datetime | None = None) -> TeamFigures:
    """The team's figures per indicator; values loaded after `new_since` count as new."""
    regions = team_regions(team)
    version = _version(team.pk, regions, new_since)
    figures = cache.get(f"team-figures:{version}")
    if figures is None:
        figures = _team_figures(team, regions, new_since)
        figures.version = version
        cache.set(f"team-figures:{version}", figures, FIGURES_KEPT_FOR)
    return figures


def _version(team_id: int, regions: list[tuple[str, str]], new_since: datetime | None) -> str:
    """A hash of what the figures are made of: a value or an indicator added, changed or removed changes it.

    Every change of a value or an indicator sets its `loaded_at` or `updated_at` (the CBS import too), and
    a removal lowers the count.
    """
    values = visible_values(team_id, [code for code, _name in regions]).aggregate(count=Count("pk"), latest=Max("loaded_at"))
    indicators = Indicator.objects.filter(Q(team__isnull=True) | Q(team_id=team_id)).aggregate(
        count=Count("pk"), latest=Max("updated_at"))
    inputs = (team_id, regions, new_since, get_language(), values, indicators)
    return hashlib.sha256(repr(inputs).encode()).hexdigest()


def _team_figures(team, regions: list[tuple[str, str]], new_since: datetime | None) -> TeamFigures:
    indicators = list(team_indicators(team.pk))
    names = translated(indicators)
    values = {}
    rows = visible_values(team.pk, [code for code, _name in regions]).order_by("year").values_list(*ShownValue._fields)
    for value in map(ShownValue._make, rows):
        # The team's own figure for a region and year comes before a public one.
        key = (value.indicator_id, value.region, value.year)
        if key not in values or value.team_id:
            values[key] = value
    by_indicator = {}
    for (indicator_id, _region, _year), value in values.items():
        by_indicator.setdefault(indicator_id, []).append(value)
    figures = TeamFigures([], [], [], regions)
    for indicator in indicators:
        shown = names[indicator.pk]
        found = by_indicator.get(indicator.pk)
        if not found:
            if indicator.scope == Scope.LOCAL and indicator.team_id is None:
                figures.missing_local.append(shown)
            continue
        figure = _figure(indicator.pk, shown, found, regions, new_since)
        if not figure.rows and not figure.districts:
            # Only a national value of an absolute number: there is nothing of the team's to show.
            if indicator.scope == Scope.LOCAL and indicator.team_id is None:
                figures.missing_local.append(shown)
            continue
        (figures.national if indicator.scope == Scope.NATIONAL else figures.local).append(figure)
    return figures


def _cell(value, indicator, new_since) -> Cell:
    if value.status == Status.SECRET or value.value is None:
        text = _("secret") if value.status == Status.SECRET else ""
    else:
        text = format_value(value.value, indicator.unit, indicator.decimals)
        if value.status == Status.PROVISIONAL:
            text += "*"
    new = new_since is not None and value.loaded_at > new_since
    return Cell(value.year, value.value if value.status != Status.SECRET else None, value.status, new, text)


def chart_series(rows: list[Row]) -> list[ChartSeries]:
    return [
        ChartSeries(row.label, [ChartPoint(cell.year, cell.value, cell.provisional, cell.new) for cell in row.cells if cell],
                    comparison=row.comparison)
        for row in rows
    ]


def _figure(indicator_pk, indicator, values, regions, new_since) -> IndicatorFigure:
    municipal = {code: name for code, name in regions}
    years = sorted({value.year for value in values if value.region in municipal})[-YEARS_SHOWN:]
    if not years:
        years = sorted({value.year for value in values})[-YEARS_SHOWN:]
    found = {(value.region, value.year): value for value in values}

    def cell(region, year) -> Cell | None:
        # Only the cells shown are written out: a figure may hold many more years and districts.
        value = found.get((region, year))
        return _cell(value, indicator, new_since) if value is not None else None

    rows = [Row(code, name, False, [cell(code, year) for year in years]) for code, name in regions]
    rows = [row for row in rows if any(row.cells)]
    if indicator.comparable:
        national = Row(NATIONAL, _("the Netherlands"), True, [cell(NATIONAL, year) for year in years])
        if any(national.cells):
            rows.append(national)
    chart = trend_chart(chart_id=f"chart-{indicator.code}", title=indicator.name, series=chart_series(rows),
                        unit=indicator.unit, decimals=indicator.decimals)
    figure = IndicatorFigure(
        indicator_pk=indicator_pk, indicator=indicator, years=years, rows=rows,
        sources=sorted({value.source for value in values if value.source}),
        demo=any(value.origin == Origin.DEMO for value in values), chart=chart,
        changes=_changes(indicator, rows, years),
    )
    _add_districts(figure, values, cell)
    return figure


def _add_districts(figure, values, cell) -> None:
    districts = {value.region: value.region_name or value.region for value in values if value.region.startswith("WK")}
    if not districts:
        return
    year = max(value.year for value in values if value.region in districts)
    figure.district_year = year
    shown = [(name, cell(code, year)) for code, name in sorted(districts.items(), key=lambda item: item[1])]
    figure.districts = [(name, district) for name, district in shown if district is not None]
    indicator = figure.indicator
    figure.district_chart = bars_chart(
        chart_id=f"chart-{indicator.code}-districts",
        title=_("%(indicator)s per district, %(year)s") % {"indicator": indicator.name, "year": year},
        bars=[(name, cell.value) for name, cell in figure.districts], unit=indicator.unit, decimals=indicator.decimals,
    )


def _changes(indicator, rows, years) -> list[Change]:
    changes = []
    for row in rows:
        for index, cell in enumerate(row.cells):
            if cell is None or not cell.new:
                continue
            previous = next((earlier for earlier in reversed(row.cells[:index]) if earlier and earlier.value is not None), None)
            changes.append(Change(
                row.label, cell.year, cell.text or _("secret"), previous.year if previous else None,
                previous.text if previous else "", _verdict(indicator.direction, previous, cell),
            ))
    return changes


def _verdict(direction, previous, cell) -> str:
    if previous is None or cell.value is None or direction == Direction.NEUTRAL:
        return ""
    if cell.value == previous.value:
        return "same"
    went_up = cell.value > previous.value
    return "better" if went_up == (direction == Direction.HIGHER) else "worse"
