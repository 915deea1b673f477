"""Which languages the admin offers for each kind of content, and Dutch originals first in its listings.

Pages and most snippets exist in the portal's languages (Dutch, English) only; an app whose content speaks more
registers a function under TRANSLATION_LANGUAGES_HOOK that takes a model and returns its language codes, or None
for models it does not know (participatie: questionnaires in every survey language).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView

TRANSLATION_LANGUAGES_HOOK = "portal_translation_languages"


def translation_languages(model) -> list[str]:
    if not issubclass(model, Page):
        for languages_of in hooks.get_hooks(TRANSLATION_LANGUAGES_HOOK):
            if (codes := languages_of(model)) is not None:
                return codes
    return [code for code, _name in settings.PORTAL_LANGUAGES]


def language_rank(lookup="locale__language_code"):
    """A number per language in the order of settings.LANGUAGES, Dutch (0) first: to order originals first."""
    return Case(
        *(When(**{lookup: code}, then=Value(rank)) for rank, (code, _name) in enumerate(settings.LANGUAGES)),
        default=Value(len(settings.LANGUAGES)), output_field=IntegerField(),
    )


def originals_first(queryset):
    return queryset.order_by(language_rank(), *(queryset.model._meta.ordering or ["-pk"]))


class OriginalsFirstViewSetMixin:
    """For a snippet viewset of a translatable model: the listing starts with the Dutch originals, each language's
    items in the model's own order (newest first without one). A column an editor sorts by still wins."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return originals_first(self.model._default_manager.all() if queryset is None else queryset)


class TargetLocalesMixin:
    """wagtail-localize's "Translate" form, offering only the languages this kind of content may have."""

    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(
            language_code__in=translation_languages(type(self.object))
        ).order_by(language_rank("language_code"))
        if len(locales.queryset) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        return form

    def get(self, request, *args, **kwargs):
        if not self.get_form().fields["locales"].queryset.exists():
            message = _("“%(title)s” already exists in every language it can have.") % {"title": self.object}
            messages.info(request, message)
            return redirect(self.get_success_url() or self.get_default_success_url())
        return super().get(request, *args, **kwargs)


class PageTranslationView(TargetLocalesMixin, SubmitPageTranslationView):
    pass


class SnippetTranslationView(TargetLocalesMixin, SubmitSnippetTranslationView):
    pass
