"""Changes to a team's own figures and indicators, each recorded in the plan's change log."""

from django.db import transaction
from django.utils.translation import gettext as _

from gemeenten.analysis import ANALYSIS_STEP
from gemeenten.changes import record_change
from gemeenten.figures.indicators import translated
from gemeenten.models import IndicatorValue


def value_label(value: IndicatorValue) -> str:
    indicator = translated([value.indicator])[value.indicator_id]
    return f"{indicator.name}, {value.year}"


def find_team_value(team, value_id: int) -> IndicatorValue | None:
    """One of the team's own figures; public figures and other teams' figures are never found here."""
    return IndicatorValue.objects.filter(team=team, pk=value_id).select_related("indicator").first()


@transaction.atomic
def save_value(plan, form, user, summary: str) -> IndicatorValue:
    value = form.save(commit=False)
    value.entered_by = user
    value.save()
    record_change(plan, ANALYSIS_STEP, user, summary % {"figure": value_label(value)})
    return value


@transaction.atomic
def delete_value(plan, value: IndicatorValue, user) -> str:
    label = value_label(value)
    value.delete()
    record_change(plan, ANALYSIS_STEP, user, _("Local figures: removed “%(figure)s”") % {"figure": label})
    return label


@transaction.atomic
def save_indicator(plan, form, user):
    indicator = form.save()
    record_change(plan, ANALYSIS_STEP, user, _("Added the indicator “%(name)s”") % {"name": indicator.name})
    return indicator
