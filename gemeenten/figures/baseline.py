"""Step 4: a result whose indicator comes from the figures takes its baseline from them."""

from django.utils.translation import gettext as _

from gemeenten.figures.values import format_value, latest_value
from gemeenten.models.figures import Status


def apply_baseline(cleaned: dict, team, indicator) -> None:
    """Fills an empty baseline, its year and the source from the indicator's latest value, where one is known."""
    found = latest_value(team, indicator)
    if found is None:
        return
    value, region_name = found
    text = format_value(value.value, indicator.unit, indicator.decimals)
    if value.status == Status.PROVISIONAL:
        text = _("%(value)s (provisional)") % {"value": text}
    cleaned["baseline"] = text[:60]
    cleaned["baseline_year"] = value.year
    if not cleaned.get("source", "").strip():
        cleaned["source"] = f"{value.source}, {region_name}"[:200]
