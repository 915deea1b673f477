"""Step 6: the trend of each result's indicator against its target."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from gemeenten.figures.charts import trend_chart
from gemeenten.figures.series import IndicatorFigure, TeamFigures, chart_series, team_figures
from gemeenten.models import Result

TRENDS_STEP = "6"
NUMBER = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:[.,]\d+)?")


def target_number(text: str) -> Decimal | None:
    """The first number in a target such as '7,5%', '12.5 %' or '1.200 families'."""
    found = NUMBER.search(text or "")
    if found is None:
        return None
    number = found.group()
    if re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?", number):
        number = number.replace(".", "")  # Dutch thousands separators
    try:
        return Decimal(number.replace(",", "."))
    except InvalidOperation:
        return None


@dataclass(frozen=True)
class ResultTrend:
    result: Result
    figure: IndicatorFigure
    target: Decimal | None
    chart: SafeString


def result_trends(plan, figures: TeamFigures | None = None) -> list[ResultTrend]:
    """The plan's results whose indicator comes from the figures and has values, each with a chart and its target.

    `figures`: the team's figures where the caller already has them.
    """
    results = list(Result.objects.filter(plan=plan, catalogue_indicator__isnull=False))
    if not results:
        return []
    figures = {figure.indicator_pk: figure for figure in (figures or team_figures(plan.team)).all}
    trends = []
    for result in results:
        figure = figures.get(result.catalogue_indicator_id)
        if figure is None:
            continue
        target = target_number(result.target)
        label = _("target %(year)s") % {"year": result.target_year} if result.target_year else _("target")
        chart = trend_chart(
            chart_id=f"trend-{result.pk}", title=figure.indicator.name, series=chart_series(figure.rows),
            unit=figure.indicator.unit, decimals=figure.indicator.decimals, target=target, target_label=label,
        )
        trends.append(ResultTrend(result, figure, target, chart))
    return trends
