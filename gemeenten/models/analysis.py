"""What step 3 adds to the figures: observations from the field, concerns and opportunities, and figure reviews."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models.figures import Indicator
from gemeenten.models.plan import Plan
from gemeenten.models.structured import PlanRow


class PracticeSignal(PlanRow):
    """Step 3: what a member or partner sees in practice, beside the figures."""

    signal = models.TextField(_("signal"), max_length=1000)
    seen_by = models.CharField(_("seen by"), max_length=160, blank=True)

    class Meta(PlanRow.Meta):
        verbose_name = _("observation from the field")
        verbose_name_plural = _("observations from the field")

    def __str__(self):
        return self.signal


class FindingKind(models.TextChoices):
    CONCERN = "concern", _("Concern")
    OPPORTUNITY = "opportunity", _("Opportunity")


class Finding(PlanRow):
    """Step 3: a concern or an opportunity; step 4 starts its list of results from these."""

    kind = models.CharField(_("concern or opportunity"), max_length=12, choices=FindingKind.choices)
    text = models.CharField(_("description"), max_length=400)
    indicator = models.ForeignKey(
        Indicator, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("figure that shows it"),
    )

    class Meta(PlanRow.Meta):
        verbose_name = _("concern or opportunity")
        verbose_name_plural = _("concerns and opportunities")
        ordering = ["kind", "pk"]

    def __str__(self):
        return self.text


class FigureReview(models.Model):
    """The team discussed the figures as they stood at `reviewed_at`, with its answers to the learning-cycle questions.

    Figures loaded or entered after the latest review count as new in the analysis.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="figure_reviews")
    reviewed_at = models.DateTimeField(_("discussed at"), auto_now_add=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    answers = models.JSONField(_("answers"), default=list)  # [{"question": ..., "answer": ...}], as asked then

    class Meta:
        verbose_name = _("discussion of the figures")
        verbose_name_plural = _("discussions of the figures")
        ordering = ["-reviewed_at", "-pk"]
