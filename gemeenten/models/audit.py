from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models.team import Team


class TeamEvent(models.Model):
    """The team's audit log: who did what to the team, its members and its surveys, and who exported what.

    Changes to a plan have their own log (PlanChange). Nothing a respondent wrote is ever recorded here.
    """

    class Kind(models.TextChoices):
        TEAM = "team", _("Team and members")
        SURVEY = "survey", _("Surveys")
        EXPORT = "export", _("Exports")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    summary = models.CharField(max_length=300)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["team", "-at"], name="team_event_latest")]
