import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from participatie.models.questionnaire import Questionnaire
from participatie.themes import SEGMENT_KINDS, Audience

# The smallest group any figure may describe, whatever a team sets.
SMALLEST_GROUP = 5
code_validator = RegexValidator(r"^[A-Z0-9][A-Z0-9-]{3,19}$", _("Use 4 to 20 capital letters, digits and hyphens."))


class SurveyRun(models.Model):
    """One team's survey: a questionnaire put before an audience for a period, reachable by its code."""

    team = models.ForeignKey("gemeenten.Team", on_delete=models.CASCADE, related_name="survey_runs")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="runs", verbose_name=_("questionnaire"))
    title = models.CharField(_("title"), max_length=120)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    code = models.CharField(_("access code"), max_length=20, unique=True, validators=[code_validator])
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    min_group_size = models.PositiveSmallIntegerField(
        _("smallest group shown"), default=10, validators=[MinValueValidator(SMALLEST_GROUP), MaxValueValidator(100)],
        help_text=_("No figure is shown for a group with fewer respondents (at least 5)."),
    )
    retention_months = models.PositiveSmallIntegerField(
        _("keep answers for (months after closing)"), default=12, validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    team_response = models.TextField(
        _("what we do with it"), blank=True, max_length=4000,
        help_text=_("The team's answer to what it heard; shown on the run's public page."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # After the retention date the raw responses go; these counts keep the results.
    purged_on = models.DateField(null=True, blank=True)
    kept_counts = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = _("survey run")
        verbose_name_plural = _("survey runs")
        ordering = ["-opens_on", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")), name="run_closes_after_opening"),
            models.CheckConstraint(condition=models.Q(min_group_size__gte=SMALLEST_GROUP), name="run_min_group_at_least_5"),
        ]

    def __str__(self):
        return self.title

    @property
    def purge_after(self) -> datetime.date:
        month = self.closes_on.month - 1 + self.retention_months
        year, month = self.closes_on.year + month // 12, month % 12 + 1
        # The 31st of a shorter month becomes that month's last day.
        for day in (self.closes_on.day, 30, 29, 28):
            try:
                return datetime.date(year, month, day)
            except ValueError:
                continue

    def status_on(self, today: datetime.date) -> str:
        """upcoming, open, closed, or purged once the answers have gone."""
        if self.purged_on is not None:
            return "purged"
        if today < self.opens_on:
            return "upcoming"
        return "open" if today <= self.closes_on else "closed"

    def is_open(self, today: datetime.date) -> bool:
        return self.status_on(today) == "open"


class SegmentOption(models.Model):
    """A group the run offers in its segment questions of this kind, such as one of its schools."""

    run = models.ForeignKey(SurveyRun, on_delete=models.CASCADE, related_name="segment_options")
    kind = models.CharField(_("kind"), max_length=20, choices=SEGMENT_KINDS)
    label = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["kind", "label"]
        constraints = [models.UniqueConstraint(fields=["run", "kind", "label"], name="segment_option_once")]

    def __str__(self):
        return self.label

    @property
    def key(self) -> str:
        return f"run-{self.pk}"


class ClassCode(models.Model):
    """A code a teacher enters on a shared tablet: the device then takes one child after another, and the
    limits count per class code rather than per network address."""

    run = models.ForeignKey(SurveyRun, on_delete=models.CASCADE, related_name="class_codes")
    code = models.CharField(_("class code"), max_length=20, unique=True, validators=[code_validator])
    label = models.CharField(_("class"), max_length=80, help_text=_("For example: group 7, De Duinroos."))
    max_responses = models.PositiveSmallIntegerField(
        _("at most this many answers"), default=40, validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    responses = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return f"{self.label} ({self.code})"
