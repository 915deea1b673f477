from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, RevisionMixin, TranslatableMixin
from wagtail.search import index

from stappen.blocks import StepBodyBlock
from stappen.forms import StepPageForm
from stappen.glossary import GlossaryTerm
from stappen.worksheet import worksheet_questions

__all__ = ["ContinuousStepPage", "GlossaryTerm", "MethodPage", "Resource", "StepIndexPage", "StepPage"]


class Resource(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A guide, report, data source or database that the method points to."""

    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        REPORT = "report", _("Report")
        DATA = "data", _("Figures and dashboards")
        DATABASE = "database", _("Database of interventions")
        WEBSITE = "website", _("Website")
        EXAMPLE = "example", _("Practice example")

    class Language(models.TextChoices):
        DUTCH = "nl", _("Dutch")
        ENGLISH = "en", _("English")

    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("web address"), max_length=500)
    organisation = models.CharField(_("organisation"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(
        _("language of the resource"), max_length=5, choices=Language.choices, default=Language.DUTCH
    )
    summary = models.TextField(_("summary"), max_length=600, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("organisation"),
        FieldPanel("kind"),
        FieldPanel("language"),
        FieldPanel("summary"),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.SearchField("organisation"),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["title"]

    def __str__(self):
        return f"{self.title} ({self.organisation})"


class StepIndexPage(Page):
    """The method's overview at /stappenplan/: the seven steps and the continuous step."""

    intro = models.TextField(_("introduction"), max_length=1000, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["stappen.StepPage", "stappen.ContinuousStepPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("step index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = StepPage.objects.child_of(self).live().order_by("number")
        context["continuous_step"] = ContinuousStepPage.objects.child_of(self).live().first()
        return context


class MethodPage(Page):
    """What the numbered steps and the continuous step share: an introduction and a worksheet body."""

    intro = models.TextField(_("introduction"), max_length=1000)
    body = StreamField(StepBodyBlock(), verbose_name=_("content"), blank=True)

    search_fields = Page.search_fields + [index.SearchField("intro", boost=2), index.SearchField("body")]
    parent_page_types = ["stappen.StepIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def worksheet_questions(self):
        return worksheet_questions(self.body)


class StepPage(MethodPage):
    number = models.PositiveSmallIntegerField(
        _("step number"), validators=[MinValueValidator(1), MaxValueValidator(7)]
    )

    content_panels = Page.content_panels + [FieldPanel("number"), FieldPanel("intro"), FieldPanel("body")]

    base_form_class = StepPageForm
    search_fields = MethodPage.search_fields + [index.FilterField("number")]

    @property
    def step_code(self) -> str:
        """How practice examples and interventions refer to this step."""
        return str(self.number)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        steps = StepPage.objects.sibling_of(self).live().order_by("number")
        context["previous_step"] = steps.filter(number__lt=self.number).last()
        context["next_step"] = steps.filter(number__gt=self.number).first()
        return context


class ContinuousStepPage(MethodPage):
    """The step that runs through all seven: involving children, youth and parents."""

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    max_count_per_parent = 1
    step_code = "c"

    class Meta:
        verbose_name = _("continuous step")
