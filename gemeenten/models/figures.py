"""Indicators and their values: the figures a team's step-3 analysis is built from.

The catalogue is maintained by editors (a translatable snippet); a team may add indicators of its
own. A value belongs to a region (the Netherlands, a municipality or a district) and a year. Values
without a team are public (CBS, or demo figures); a team's own figures carry the team, and only that
team sees them.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

NATIONAL = "NL01"


class Unit(models.TextChoices):
    PERCENT = "percent", _("Percentage")
    NUMBER = "number", _("Number")
    PER_1000 = "per_1000", _("Per 1,000 residents")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")
    NEUTRAL = "neutral", _("Neither higher nor lower is better")


class Scope(models.TextChoices):
    NATIONAL = "national", _("National figure (CBS)")
    LOCAL = "local", _("Local figure")


class Indicator(TranslatableMixin, models.Model):
    code = models.SlugField(
        _("code"), max_length=60, help_text=_("A stable key, for example 'kinderen-laag-inkomen-pct'. The CBS import finds indicators by it.")
    )
    name = models.CharField(_("name"), max_length=160)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    decimals = models.PositiveSmallIntegerField(_("decimals shown"), default=1, validators=[MaxValueValidator(3)])
    direction = models.CharField(_("which way is better"), max_length=10, choices=Direction.choices, default=Direction.NEUTRAL)
    scope = models.CharField(_("kind of figure"), max_length=10, choices=Scope.choices, default=Scope.LOCAL)
    source = models.CharField(_("source"), max_length=200, blank=True)
    definition = models.TextField(_("definition"), max_length=1000, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)
    team = models.ForeignKey(
        "gemeenten.Team", on_delete=models.CASCADE, null=True, blank=True, related_name="indicators",
        help_text=_("Set when a team added the indicator for itself; empty for the catalogue."),
    )
    # Tells the analysis' cache that a name, unit or definition changed (gemeenten.figures.series).
    updated_at = models.DateTimeField(auto_now=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="one_indicator_per_code_and_locale"),
        ]

    def __str__(self):
        return self.name

    @property
    def comparable(self) -> bool:
        """Relative figures can be set beside the national one; absolute numbers cannot."""
        return self.unit != Unit.NUMBER


class Status(models.TextChoices):
    FINAL = "final", _("Final")
    PROVISIONAL = "provisional", _("Provisional")
    SECRET = "secret", _("Secret")


class Origin(models.TextChoices):
    CBS = "cbs", _("CBS StatLine")
    TEAM = "team", _("Entered by the team")
    DEMO = "demo", _("Demo figure")


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    region = models.CharField(_("region"), max_length=10, help_text=_("NL01, a municipality's GM code or a district's WK code."))
    region_name = models.CharField(_("name of the district"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)])
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=3, null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.FINAL)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    source = models.CharField(_("source"), max_length=200)
    team = models.ForeignKey("gemeenten.Team", on_delete=models.CASCADE, null=True, blank=True, related_name="indicator_values")
    loaded_at = models.DateTimeField(_("loaded or entered at"), auto_now=True, db_index=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        ordering = ["indicator", "region", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "region", "year"], condition=Q(team__isnull=True), name="one_public_value"
            ),
            models.UniqueConstraint(
                fields=["team", "indicator", "region", "year"], condition=Q(team__isnull=False), name="one_team_value"
            ),
        ]
        indexes = [models.Index(fields=["region", "indicator", "year"], name="value_region_lookup")]

    def __str__(self):
        return f"{self.indicator_id} {self.region} {self.year}: {self.value}"
