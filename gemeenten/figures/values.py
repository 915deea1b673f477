"""Reading a team's figures: which regions it looks at, which values it may see, and how a value is written."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from gemeenten.models import IndicatorValue
from gemeenten.models.figures import NATIONAL, Unit


def team_regions(team) -> list[tuple[str, str]]:
    """(CBS code, name) of the team's municipalities, in name order."""
    return list(team.municipalities.order_by("name").values_list("code", "name"))


def visible_values(team_id: int, codes: list[str]):
    """Public values and the team's own, for the team's municipalities, their districts and the Netherlands.

    Another team's own figures never show: that is what keeps a team's local figures its own.
    """
    districts = Q()
    for code in codes:
        districts |= Q(region__startswith=f"WK{code[2:]}")
    regions = Q(region__in=[*codes, NATIONAL]) | districts if codes else Q(region=NATIONAL)
    return IndicatorValue.objects.filter(regions).filter(Q(team__isnull=True) | Q(team_id=team_id))


def format_value(value: Decimal | None, unit: str, decimals: int) -> str:
    """The figure as the active language writes it, with its unit: "8,9 %" in Dutch, "8.9%" in English."""
    if value is None:
        return ""
    # Rounded here: number_format cuts off the decimals it does not show.
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    number = number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    if unit == Unit.PERCENT:
        # Translators: a percentage; Dutch writes a space before the sign.
        return _("%(number)s%%") % {"number": number}
    if unit == Unit.PER_1000:
        # Translators: a number per thousand; Dutch writes a space before the sign.
        return _("%(number)s‰") % {"number": number}
    return number


def latest_value(team, indicator) -> tuple[IndicatorValue, str] | None:
    """The newest known value of an indicator for the team's first municipality that has one, with that municipality's name.

    For the same year, the team's own figure comes before a public one.
    """
    for code, name in team_regions(team):
        value = (
            visible_values(team.pk, [code]).filter(indicator=indicator, region=code, value__isnull=False)
            .order_by("-year", F("team_id").asc(nulls_last=True)).first()
        )
        if value is not None:
            return value, name
    return None
