"""The structured parts of a plan: rows that steps 2, 4, 5, 6 and 7 ask for beyond free answers."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models.plan import Plan
from gemeenten.models.team import Sector
from stappen.building_blocks import BUILDING_BLOCKS

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class PlanRow(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["pk"]


class Partner(PlanRow):
    """Step 2: an organisation or network the approach needs."""

    organisation = models.CharField(_("organisation or network"), max_length=160)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    role = models.CharField(_("role in the approach"), max_length=300, blank=True)
    contact = models.CharField(_("contact person"), max_length=160, blank=True)

    class Meta(PlanRow.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.organisation


class Result(PlanRow):
    """Step 4: a result for children and families, with the indicator that shows progress."""

    result = models.CharField(_("result"), max_length=400)
    indicator = models.CharField(_("indicator"), max_length=300)
    baseline = models.CharField(_("baseline"), max_length=60, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("year of the baseline"), null=True, blank=True, validators=YEAR_VALIDATORS)
    target = models.CharField(_("target"), max_length=60, blank=True)
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    source = models.CharField(_("source"), max_length=200, blank=True)
    catalogue_indicator = models.ForeignKey(
        "gemeenten.Indicator", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("indicator from the figures"),
    )
    finding = models.ForeignKey(
        "gemeenten.Finding", on_delete=models.SET_NULL, null=True, blank=True, related_name="results",
        verbose_name=_("concern or opportunity from step 3"),
    )

    class Meta(PlanRow.Meta):
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self):
        return self.result


class Approach(PlanRow):
    """Step 5: an intervention from the portal, or a current local activity, that the team chooses."""

    intervention = models.ForeignKey(
        "voorbeelden.InterventionPage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("intervention from the portal"),
    )
    name = models.CharField(
        _("name"), max_length=160, help_text=_("For a local activity; an intervention keeps the portal's title.")
    )
    description = models.TextField(_("what it does here"), max_length=1000, blank=True)
    result = models.ForeignKey(
        Result, on_delete=models.SET_NULL, null=True, blank=True, related_name="approaches",
        verbose_name=_("result it contributes to"),
    )

    class Meta(PlanRow.Meta):
        verbose_name = _("approach")
        verbose_name_plural = _("approaches")

    def __str__(self):
        return self.name


class Score(models.TextChoices):
    YES = "yes", _("Meets it")
    PARTLY = "partly", _("Partly")
    NO = "no", _("Not yet")


class ApproachScore(models.Model):
    """How an approach scores on one of NJi's building blocks for effectiveness, and why."""

    approach = models.ForeignKey(Approach, on_delete=models.CASCADE, related_name="scores")
    building_block = models.CharField(_("building block"), max_length=30, choices=BUILDING_BLOCKS)
    score = models.CharField(_("score"), max_length=10, choices=Score.choices)
    explanation = models.CharField(_("explanation"), max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["approach", "building_block"], name="one_score_per_block")]


class MonitoringLevel(models.TextChoices):
    PROCESS = "process", _("Process")
    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")
    EFFECT = "effect", _("Effect")


class MonitoringAgreement(PlanRow):
    """Step 6: what the team measures at one level, how, how often, by whom, and when it next looks."""

    level = models.CharField(_("level"), max_length=10, choices=MonitoringLevel.choices)
    what = models.CharField(_("what we measure"), max_length=300)
    how = models.CharField(_("how we measure it"), max_length=300, blank=True)
    how_often = models.CharField(_("how often"), max_length=100, blank=True)
    who = models.CharField(_("who collects it"), max_length=160, blank=True)
    next_moment = models.DateField(_("next moment"), null=True, blank=True)

    class Meta(PlanRow.Meta):
        verbose_name = _("monitoring agreement")
        verbose_name_plural = _("monitoring agreements")
        ordering = ["level", "pk"]

    def __str__(self):
        return self.what


class ContactAgreement(PlanRow):
    """Step 7: how and when the partners keep each other informed."""

    what = models.CharField(_("what"), max_length=300)
    when = models.CharField(_("when"), max_length=160, blank=True)
    how = models.CharField(_("how"), max_length=300, blank=True)

    class Meta(PlanRow.Meta):
        verbose_name = _("agreement on keeping in touch")
        verbose_name_plural = _("agreements on keeping in touch")

    def __str__(self):
        return self.what
