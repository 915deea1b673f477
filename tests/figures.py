"""Indicators and values for the analysis tests, stored the way the CBS import and the team's forms store them."""

import itertools
from datetime import timedelta
from decimal import Decimal

from wagtail.models import Locale

from gemeenten.models import Indicator, IndicatorValue
from gemeenten.models.figures import NATIONAL, Origin, Scope, Status, Unit

_numbers = itertools.count(1)


def make_indicator(name=None, *, unit=Unit.PERCENT, scope=Scope.NATIONAL, direction="lower", decimals=None,
                   team=None, code=None, sort_order=1, definition="", source=""):
    """A catalogue indicator in the default language (the one values point to), or a team's own with `team`."""
    number = next(_numbers)
    return Indicator.objects.create(
        code=code or f"test-indicator-{number}", name=name or f"Testindicator {number}", unit=unit,
        decimals=decimals if decimals is not None else (0 if unit == Unit.NUMBER else 1), direction=direction,
        scope=scope, team=team, locale=Locale.get_default(), sort_order=sort_order, definition=definition,
        source=source,
    )


def add_value(indicator, region, year, value, *, status=Status.FINAL, origin=None, team=None, source=None,
              region_name="", loaded_at=None):
    """One value; `value` may be a number, a string or None (secret). Public unless `team` is given."""
    saved = IndicatorValue.objects.create(
        indicator=indicator, region=region, region_name=region_name, year=year,
        value=None if value is None else Decimal(str(value)), status=status,
        origin=origin or (Origin.TEAM if team else Origin.CBS),
        source=source or ("Eigen registratie" if team else "CBS StatLine"), team=team,
    )
    if loaded_at is not None:
        set_loaded_at(saved, loaded_at)
    return saved


def set_loaded_at(value, moment):
    """loaded_at is auto_now: an update bypasses it, as the demo loader does."""
    IndicatorValue.objects.filter(pk=value.pk).update(loaded_at=moment)
    value.loaded_at = moment
    return value


def add_series(indicator, region, values_by_year: dict, **options):
    return [add_value(indicator, region, year, value, **options) for year, value in values_by_year.items()]


def national(indicator, values_by_year: dict, **options):
    return add_series(indicator, NATIONAL, values_by_year, **options)


def before(moment, days=1):
    return moment - timedelta(days=days)


def after(moment, days=1):
    return moment + timedelta(days=days)
