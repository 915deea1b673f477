from django.db import models
from django.utils.translation import gettext_lazy as _


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
