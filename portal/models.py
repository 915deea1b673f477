from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class User(AbstractUser):
    """Signs in by e-mail address (django-allauth); the username is kept for Wagtail's admin."""

    email = models.EmailField(_("e-mail address"), unique=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Municipality(models.Model):
    """A Dutch municipality as CBS knows it; loaded from portal/data/municipalities.csv."""

    code = models.CharField(
        _("CBS code"), max_length=6, unique=True, validators=[RegexValidator(r"^GM\d{4}$", _("A code like GM0453."))]
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ChangeMoment(models.Model):
    """When something that cached pages are made of last changed, one row per kind (portal.moments): public
    content, or what respondents' survey pages show. A row rather than a cache entry, so that every process
    sees a change at once."""

    name = models.CharField(max_length=40, primary_key=True)
    changed_at = models.DateTimeField()


class HomePage(Page):
    """The root of each language's tree: introduces the method and points to the steps."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["stappen.StepIndexPage", "voorbeelden.ExampleIndexPage", "voorbeelden.InterventionIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from stappen.models import StepIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["step_index"] = StepIndexPage.objects.child_of(self).live().first()
        return context
