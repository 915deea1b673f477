"""Which indicators a team works with, named in the reader's language."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language

from gemeenten.models import Indicator


def team_indicators(team_id: int, keep: int | None = None):
    """The catalogue (in the source language, which values point to) and the team's own indicators."""
    chosen = Q(pk=keep) if keep else Q(pk__in=[])
    catalogue = Q(team__isnull=True, locale__language_code=settings.LANGUAGE_CODE)
    return Indicator.objects.filter(catalogue | Q(team_id=team_id) | chosen).order_by("scope", "sort_order", "name")


def translated(indicators) -> dict[int, Indicator]:
    """Source indicator pk → the indicator in the active language, where editors translated it.

    Values and results point to the source-language rows, so in the source language nothing is asked;
    in another, one query.
    """
    indicators = list(indicators)
    found = {indicator.pk: indicator for indicator in indicators}
    language = get_language()
    if language == settings.LANGUAGE_CODE or not indicators:
        return found
    keys = {indicator.translation_key: indicator.pk for indicator in indicators}
    for translation in Indicator.objects.filter(translation_key__in=keys, locale__language_code=language):
        found[keys[translation.translation_key]] = translation
    return found


class IndicatorChoiceField(forms.ModelChoiceField):
    """Indicators, labelled in the reader's language (the queryset holds the source-language rows)."""

    def _set_queryset(self, queryset):
        super()._set_queryset(queryset)
        self._names = None

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def label_from_instance(self, obj):
        if self._names is None:
            self._names = {pk: indicator.name for pk, indicator in translated(self.queryset).items()}
        return self._names.get(obj.pk, obj.name)
