import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

ENTRY_SEPARATORS = re.compile(r"[,\n;]")


class SearchTerm(models.Model):
    """How often a query was searched on a day, and how often it found nothing; no visitor is recorded."""

    query = models.CharField(_("search term"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    without_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [models.UniqueConstraint(fields=["query", "language", "day"], name="one_row_per_term_day")]

    def __str__(self):
        return self.query


def entries_of(words: str) -> list[str]:
    """The entries of a group as typed: separated by commas, semicolons or new lines, in lower case, spaces tidied."""
    text = (words or "").strip().strip(",;").strip()
    return [" ".join(entry.split()).lower() for entry in ENTRY_SEPARATORS.split(text)] if text else []


class SynonymGroup(TranslatableMixin, models.Model):
    """Words that mean the same to the people who search; a search for one also looks for the others."""

    words = models.TextField(
        _("words"),
        help_text=_("Two or more words or short phrases that mean the same, separated by commas or on separate lines, "
                    "for example: kleren, kleding. A word can be in one group only."),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["words"]

    def __str__(self):
        return ", ".join(self.entries)

    @property
    def entries(self) -> list[str]:
        return [entry for entry in entries_of(self.words) if entry]

    def clean(self):
        super().clean()
        entries = entries_of(self.words)
        if any(not entry for entry in entries):
            raise ValidationError({"words": _("There is an empty word between two commas or lines. Remove it.")})
        if len(entries) < 2:
            raise ValidationError({"words": _("Give at least two words: a group says which words mean the same.")})
        doubled = sorted({entry for entry in entries if entries.count(entry) > 1})
        if doubled:
            raise ValidationError({"words": _("“%(word)s” is in this group more than once.") % {"word": doubled[0]}})
        self._refuse_words_of_other_groups(entries)
        self.words = ", ".join(entries)

    def _refuse_words_of_other_groups(self, entries):
        others = SynonymGroup.objects.exclude(pk=self.pk)
        if self.locale_id:
            others = others.filter(locale_id=self.locale_id)
        for other in others:
            shared = [entry for entry in entries if entry in other.entries]
            if shared:
                raise ValidationError({"words": _("“%(word)s” is already in the group “%(group)s”. A word can be in one "
                                                  "group only: add the other words to that group instead.")
                                       % {"word": shared[0], "group": other}})
