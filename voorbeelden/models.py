from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from voorbeelden.blocks import PracticeBodyBlock
from voorbeelden.facets import EVIDENCE_LEVELS, EXAMPLE_KINDS, FACETS, UNASSESSED_LEVELS
from voorbeelden.forms import faceted_page_form


class FacetValue(models.Model):
    """One value of a multi-valued facet (step, target group, ...) on a page; saved with the page's revisions."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=30)
    value = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]

    def __str__(self):
        return f"{self.facet}={self.value}"


class FacetedPage(Page):
    """A page municipalities filter on; `facet_names` are its multi-valued facets."""

    facet_names: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def facet_codes(self, name) -> list[str]:
        return [item.value for item in self.facet_values.all() if item.facet == name]

    def facet_labels(self, name) -> list[str]:
        labels = FACETS[name].labels
        return [labels[code] for code in self.facet_codes(name) if code in labels]

    def facet_rows(self):
        """(facet label, value labels) for each facet this page carries, for its fact list."""
        return [(FACETS[name].label, self.facet_labels(name)) for name in self.facet_names]


class PracticeIndexPage(Page):
    """An overview that lists its children and lets visitors filter them on facets."""

    intro = models.TextField(_("introduction"), max_length=1000, blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    max_count_per_parent = 1
    filter_facets: tuple[str, ...] = ()
    per_page = 12

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from voorbeelden.listing import listing_context  # the listing queries these models

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request, self.children(), self.filter_facets, self.per_page))
        return context


class ExampleIndexPage(PracticeIndexPage):
    template = "voorbeelden/practice_index_page.html"
    subpage_types = ["voorbeelden.ExamplePage"]
    filter_facets = ("steps", "kind", "municipality")

    class Meta:
        verbose_name = _("index of practice examples")

    def children(self):
        return ExamplePage.objects.child_of(self).live().select_related("municipality").order_by("title")


class InterventionIndexPage(PracticeIndexPage):
    template = "voorbeelden/practice_index_page.html"
    subpage_types = ["voorbeelden.InterventionPage"]
    filter_facets = ("target_groups", "age_bands", "life_domains", "themes", "evidence_level", "steps")

    class Meta:
        verbose_name = _("index of interventions")

    def children(self):
        return InterventionPage.objects.child_of(self).live().order_by("title")


class ExamplePage(FacetedPage):
    card_template = "voorbeelden/includes/example_card.html"

    municipality = models.ForeignKey(
        "portal.Municipality", verbose_name=_("municipality"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind of example"), max_length=30, choices=EXAMPLE_KINDS)
    summary = models.TextField(_("summary"), max_length=400)
    url = models.URLField(_("source"), max_length=500, blank=True)
    body = StreamField(PracticeBodyBlock(), verbose_name=_("content"), blank=True)

    facet_names = ("steps",)
    base_form_class = faceted_page_form(facet_names)
    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("municipality"), FieldPanel("kind"), FieldPanel("steps")], heading=_("Facets")),
        FieldPanel("summary"),
        FieldPanel("url"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("municipality", [index.SearchField("name", boost=3), index.AutocompleteField("name")]),
        index.FilterField("kind"),
        index.FilterField("municipality_id"),
    ]
    parent_page_types = ["voorbeelden.ExampleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice example")
        verbose_name_plural = _("practice examples")


# The recognition record of an intervention: its level and what shows it.
RECOGNITION_FIELDS = ("evidence_level", "evidence_assessed_on", "evidence_target_group", "database_url")


class InterventionPage(FacetedPage):
    """An intervention or provision, with its recognition record: the evidence level, the date and target group of
    the assessment and the link to the entry in a national database that states them."""

    card_template = "voorbeelden/includes/intervention_card.html"

    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    summary = models.TextField(_("summary"), max_length=400)
    evidence_level = models.CharField(
        _("evidence level"), max_length=30, choices=EVIDENCE_LEVELS, default="not_assessed",
        help_text=_(
            "Only a level that the intervention's entry in a national database states; 'not assessed' when no entry "
            "states one, 'not applicable: provision' for a provision or statutory service that is not an intervention."
        ),
    )
    evidence_assessed_on = models.DateField(
        _("date of the assessment"), null=True, blank=True,
        help_text=_("The date the database entry gives for the assessment. Only for an assessed level."),
    )
    evidence_target_group = models.CharField(
        _("target group of the assessment"), max_length=200, blank=True,
        help_text=_(
            "The target group the level was given for, as the database entry names it. Only for an assessed level."
        ),
    )
    url = models.URLField(_("website"), max_length=500, blank=True)
    database_url = models.URLField(
        _("entry in a national database"), max_length=500, blank=True,
        help_text=_(
            "The intervention's page in the Databank Effectieve Jeugdinterventies or at Loket Gezond Leven; "
            "required for an assessed level."
        ),
    )
    body = StreamField(PracticeBodyBlock(), verbose_name=_("content"), blank=True)

    facet_names = ("steps", "target_groups", "age_bands", "life_domains", "themes")
    base_form_class = faceted_page_form(facet_names)
    content_panels = Page.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel(name) for name in ("target_groups", "age_bands", "life_domains", "themes", "steps")],
            heading=_("Facets"),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in RECOGNITION_FIELDS],
            heading=_("Recognition"),
        ),
        FieldPanel("url"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("organisation"),
        index.SearchField("body"),
        index.FilterField("evidence_level"),
    ]
    parent_page_types = ["voorbeelden.InterventionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")

    @property
    def evidence_is_assessed(self) -> bool:
        return self.evidence_level not in UNASSESSED_LEVELS

    def clean(self):
        super().clean()
        errors = self._recognition_errors()
        if errors:
            raise ValidationError(errors)

    def _recognition_errors(self) -> dict:
        """A level stands only with the date, target group and entry that show it; without a level, no date or
        target group that would seem to claim one."""
        if not self.evidence_is_assessed:
            stray = _(
                "Only an assessed level has this. Empty the field, or choose the level the database entry states."
            )
            return {name: stray for name in ("evidence_assessed_on", "evidence_target_group") if getattr(self, name)}
        errors = {}
        if not self.evidence_assessed_on:
            errors["evidence_assessed_on"] = _(
                "An assessed level needs the date of the assessment, as the database entry gives it."
            )
        elif self.evidence_assessed_on > timezone.localdate():
            errors["evidence_assessed_on"] = _("The date of the assessment cannot be in the future.")
        if not self.evidence_target_group.strip():
            errors["evidence_target_group"] = _("An assessed level needs the target group it was given for.")
        if not self.database_url:
            errors["database_url"] = _("An assessed level needs the link to its entry in the national database.")
        return errors
