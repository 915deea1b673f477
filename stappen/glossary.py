"""The glossary: words of the method a municipal reader may not know, explained where they appear on public pages
(`stappen.explanations`)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin


def tidy(word: str) -> str:
    """A form as it is compared: in lower case, with single spaces."""
    return " ".join(word.split()).casefold()


class GlossaryTerm(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A term and its short explanation; pages explain only its published version, in their own language."""

    term = models.CharField(_("term"), max_length=80, help_text=_("The word or short phrase as pages use it, for example: opgave."))
    variants = models.CharField(
        _("other forms"), max_length=300, blank=True,
        help_text=_("Other forms that get the same explanation, separated by commas, for example: opgaven. "
                    "Pages explain a form only as a whole word."),
    )
    explanation = models.TextField(
        _("explanation"), max_length=300,
        help_text=_("One or two short sentences in plain language that say what the term means here."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="glossary_term")

    panels = [FieldPanel("term"), FieldPanel("variants"), FieldPanel("explanation")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def revisions(self):
        return self._revisions

    @property
    def forms(self) -> list[str]:
        """The term and its other forms, tidied."""
        return [tidy(self.term), *(tidy(variant) for variant in self.variants.split(",") if variant.strip())]

    def clean(self):
        super().clean()
        if "," in self.term:
            raise ValidationError({"term": _("A term is one word or phrase: put other forms under “other forms”.")})
        variants = self.variants.strip().strip(",").split(",") if self.variants.strip() else []
        if any(not variant.strip() for variant in variants):
            raise ValidationError({"variants": _("There is an empty form between two commas. Remove it.")})
        forms = self.forms
        doubled = sorted({form for form in forms if forms.count(form) > 1})
        if doubled:
            raise ValidationError({"variants": _("“%(form)s” is given more than once.") % {"form": doubled[0]}})
        self._refuse_forms_of_other_terms(forms)
        self.term = " ".join(self.term.split())
        self.variants = ", ".join(" ".join(variant.split()) for variant in variants)

    def _refuse_forms_of_other_terms(self, forms):
        # One form, one explanation: a page could not tell which of two terms a word stands for.
        others = GlossaryTerm.objects.exclude(pk=self.pk)
        if self.locale_id:
            others = others.filter(locale_id=self.locale_id)
        for other in others:
            shared = [form for form in forms if form in other.forms]
            if shared:
                field = "term" if shared[0] == forms[0] else "variants"
                raise ValidationError({field: _("“%(form)s” is already explained under “%(term)s”. A form can belong "
                                               "to one term only.") % {"form": shared[0], "term": other}})
