from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models.team import Team

STEP_CODES = ["1", "2", "3", "4", "5", "6", "7", "c"]


class CouncilStatus(models.TextChoices):
    NOT_YET = "not_yet", _("Not yet submitted")
    SUBMITTED = "submitted", _("Submitted to the council")
    ADOPTED = "adopted", _("Adopted")
    AMENDED = "amended", _("Adopted with amendments")
    REJECTED = "rejected", _("Not adopted")


class Plan(models.Model):
    """A team's plan for one cycle; once the next cycle starts, it is kept read-only."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="plans")
    cycle = models.PositiveSmallIntegerField(
        _("cycle"), validators=[MinValueValidator(2000), MaxValueValidator(2100)], help_text=_("The year the plan is for.")
    )
    previous = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next", verbose_name=_("previous cycle")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    archived_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    first_meeting_on = models.DateField(
        _("first meeting"), null=True, blank=True, help_text=_("When the team first meets about this plan.")
    )
    council_decision_date = models.DateField(_("date of the council's decision"), null=True, blank=True)
    council_decision_status = models.CharField(
        _("council's decision"), max_length=20, choices=CouncilStatus.choices, default=CouncilStatus.NOT_YET
    )

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["team", "-cycle"]
        constraints = [models.UniqueConstraint(fields=["team", "cycle"], name="one_plan_per_team_and_cycle")]

    def __str__(self):
        return f"{self.team} {self.cycle}"

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class StepState(models.Model):
    """Where a plan stands on one step: marked done or not, and who changed it last."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="step_states")
    step_code = models.CharField(max_length=1)
    done = models.BooleanField(default=False)
    last_edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    last_edited_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "step_code"], name="one_state_per_plan_step")]


class PlanChange(models.Model):
    """The log that makes every change to a plan attributable: who changed what, and when."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="changes")
    step_code = models.CharField(max_length=1, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    summary = models.CharField(max_length=300)

    class Meta:
        ordering = ["-at", "-pk"]
