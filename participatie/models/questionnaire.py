from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin

from participatie.blocks import QuestionnaireStreamBlock
from participatie.themes import Audience


class Questionnaire(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A questionnaire template that editors maintain and translate; survey runs of teams use its live version."""

    title = models.CharField(_("title"), max_length=120)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    intro = models.TextField(_("welcome text"), max_length=800, help_text=_("What the survey is about, in words the audience knows."))
    consent = models.TextField(
        _("what happens with the answers"), max_length=1200,
        help_text=_("Anonymous, voluntary, questions may be skipped, who sees the results and for how long answers are kept."),
    )
    thanks = models.TextField(_("thank-you text"), max_length=600)
    body = StreamField(QuestionnaireStreamBlock(), verbose_name=_("questions"))

    panels = [
        FieldPanel("title"),
        FieldPanel("audience"),
        FieldPanel("intro"),
        FieldPanel("consent"),
        FieldPanel("body"),
        FieldPanel("thanks"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self):
        return self.title
