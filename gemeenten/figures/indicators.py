"""Which indicators a team works with, named in the reader's language."""

from django import forms
from django.db.models import Q
from wagtail.models import Locale

from gemeenten.models import Indicator


def team_indicators(team_id: int, keep: int | None = None):
    """The catalogue (in the source language, which values point to) and the team's own indicators."""
    chosen = Q(pk=keep) if keep else Q(pk__in=[])
    return Indicator.objects.filter(
        (Q(team__isnull=True) & Q(locale=Locale.get_default())) | Q(team_id=team_id) | chosen
    ).order_by("scope", "sort_order", "name")


def translated(indicators) -> dict[int, Indicator]:
    """Source indicator pk → the indicator in the active language, where editors translated it; one query."""
    indicators = list(indicators)
    found = {indicator.pk: indicator for indicator in indicators}
    locale = Locale.get_active()
    keys = {indicator.translation_key: indicator.pk for indicator in indicators if indicator.locale_id != locale.pk}
    if keys:
        for translation in Indicator.objects.filter(translation_key__in=keys, locale=locale):
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
