from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, Max, OuterRef, Prefetch
from django.utils.translation import gettext_lazy as _


class LinkQuerySet(models.QuerySet):
    def carried(self):
        """Links that at least one page still carries (a page deleted since the last check drops its links)."""
        return self.filter(Exists(LinkOccurrence.objects.filter(link=OuterRef("pk"))))

    def problems(self):
        """Carried links that do not simply work, the newest problem first."""
        return self.carried().exclude(status=Link.Status.OK).order_by("-problem_since", "url")

    def with_carriers(self):
        """Fetches, in a few queries, the pages that carry each link and the snippets the links are kept in."""
        occurrences = LinkOccurrence.objects.select_related("page", "source_type").order_by("page__title", "page_id")
        return self.prefetch_related(Prefetch("occurrences", queryset=occurrences), "occurrences__source")

    def last_checked_at(self):
        return self.aggregate(last=Max("checked_at"))["last"]


class Link(models.Model):
    """One external web address that live pages carry, with what the last check found there."""

    class Status(models.TextChoices):
        OK = "ok", _("Works")
        MOVED = "moved", _("Moved")
        BROKEN = "broken", _("Broken")
        UNREACHABLE = "unreachable", _("Unreachable")

    url = models.URLField(_("web address"), max_length=2000, unique=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = models.URLField(_("now goes to"), max_length=2000, blank=True)
    # Every answer on the way, redirects first: [{"status": 301, "url": "http://…"}, …, {"status": 200, "url": …}].
    hops = models.JSONField(_("answers"), default=list, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    checked_at = models.DateTimeField(_("checked at"))
    # When the link first showed its present problem; empty while it works.
    problem_since = models.DateTimeField(_("problem since"), null=True, blank=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        indexes = [models.Index(fields=["status", "-problem_since"])]

    def __str__(self):
        return self.url


class LinkOccurrence(models.Model):
    """A live page that carries a link, and the object an editor changes it in: the page, or a snippet it shows."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="occurrences")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.CharField(max_length=255)
    source = GenericForeignKey("source_type", "source_id")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "page", "source_type", "source_id"], name="one_occurrence_per_source"),
        ]

    def __str__(self):
        return f"{self.link} on {self.page_id}"

    @property
    def via_snippet(self) -> bool:
        """Whether the address is kept in a snippet the page shows, such as a resource, rather than in the page."""
        return (self.source_type_id, self.source_id) != (self.page.content_type_id, str(self.page_id))
