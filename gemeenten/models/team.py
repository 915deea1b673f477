from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Municipality


class Sector(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    EDUCATION = "education", _("Education")
    SOCIAL_PARTNER = "social_partner", _("Social partner")
    YOUTH = "youth", _("Youth")
    PARENT = "parent", _("Parent")


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    MEMBER = "member", _("Member")
    READER = "reader", _("Reader")


class Team(models.Model):
    """The working group of one municipality, or of a region's municipalities, that works through the plan."""

    name = models.CharField(_("name"), max_length=120)
    municipalities = models.ManyToManyField(Municipality, verbose_name=_("municipalities"), related_name="teams")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    is_demo = models.BooleanField(
        _("demo team"), default=False,
        help_text=_("Made up for the demonstration: every page that shows its figures or texts says so."),
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def current_plan(self):
        return self.plans.order_by("-cycle").first()

    def coordinators(self):
        """The people to ask for a change of role."""
        return [membership.user for membership in self.memberships.filter(role=Role.COORDINATOR).select_related("user")]


class Membership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="one_membership_per_team")]
        ordering = ["user__first_name", "user__last_name", "user__email"]

    def __str__(self):
        return f"{self.user} – {self.team}"


class Invitation(models.Model):
    """An invitation by e-mail; the link carries a signed, expiring token for this row and works once."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.team}"
