"""Forms of the analysis: a local figure, an indicator of the team's own, and a discussion of the figures."""

import re

from django import forms
from django.utils.formats import get_format
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from gemeenten.figures.indicators import IndicatorChoiceField, team_indicators
from gemeenten.figures.values import team_regions
from gemeenten.models import Indicator, IndicatorValue
from gemeenten.models.figures import Origin, Scope, Unit
from gemeenten.section_forms import DesignSystemFormMixin

YEAR_MIN, YEAR_MAX = 1990, 2100


class GroupedDecimalField(forms.DecimalField):
    """Also takes a number written with the language's thousands separator, as the figures are shown: "1.200" in
    Dutch is 1200. Django drops that separator only with USE_THOUSAND_SEPARATOR, and would read 1,2."""

    def to_python(self, value):
        if isinstance(value, str) and self.localize:
            thousands, decimal = get_format("THOUSAND_SEPARATOR"), get_format("DECIMAL_SEPARATOR")
            grouped = rf"-?\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+(?:{re.escape(decimal)}\d+)?"
            if thousands and thousands != decimal and re.fullmatch(grouped, value.strip()):
                value = value.strip().replace(thousands, "")
        return super().to_python(value)


class LocalValueForm(DesignSystemFormMixin, forms.ModelForm):
    """A figure the team enters itself: for one of its municipalities, an indicator and a year, with its source."""

    indicator = IndicatorChoiceField(queryset=None, label=_("Indicator"), empty_label=None)
    region = forms.ChoiceField(label=_("Municipality"))
    year = forms.IntegerField(
        label=_("Year"), min_value=YEAR_MIN, max_value=YEAR_MAX, widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter a year as four digits, for example 2025."),
            "min_value": format_lazy(_("Enter a year between {min} and {max}."), min=YEAR_MIN, max=YEAR_MAX),
            "max_value": format_lazy(_("Enter a year between {min} and {max}."), min=YEAR_MIN, max=YEAR_MAX),
        },
    )
    value = GroupedDecimalField(
        label=_("Value"), max_digits=14, decimal_places=3, localize=True,
        help_text=_("A number only, for example 412 or 23,5. Percentages without the percent sign."),
        error_messages={"invalid": _("Enter a number, for example 412 or 23,5.")},
    )

    class Meta:
        model = IndicatorValue
        fields = ["indicator", "region", "year", "value", "source"]
        help_texts = {"source": _("Where the figure comes from, for example 'own registration, Werk en Inkomen'.")}

    def __init__(self, *args, team, **kwargs):
        self.team = team
        super().__init__(*args, **kwargs)
        self.fields["source"].required = True
        self.fields["indicator"].queryset = team_indicators(team.pk)
        regions = team_regions(team)
        self.fields["region"].choices = regions
        if len(regions) == 1:
            self.fields["region"].initial = regions[0][0]
            self.fields["region"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        indicator, value = cleaned.get("indicator"), cleaned.get("value")
        if indicator and value is not None:
            if value < 0:
                self.add_error("value", _("A figure cannot be below zero."))
            elif indicator.unit == Unit.PERCENT and value > 100:
                self.add_error("value", _("A percentage lies between 0 and 100."))
        if indicator and cleaned.get("region") and cleaned.get("year"):
            taken = IndicatorValue.objects.filter(
                team=self.team, indicator=indicator, region=cleaned["region"], year=cleaned["year"]
            ).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("year", _("The team already entered this figure for this year. Change that figure instead."))
        return cleaned

    def save(self, commit=True):
        self.instance.team = self.team
        self.instance.origin = Origin.TEAM
        return super().save(commit)


class IndicatorForm(DesignSystemFormMixin, forms.ModelForm):
    """An indicator the team adds for itself, beside the catalogue's."""

    class Meta:
        model = Indicator
        fields = ["name", "unit", "direction", "definition", "source"]
        widgets = {"definition": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "name": _("For example 'Children with a school meal at primary schools'."),
            "definition": _("What exactly is counted, so that next year's figure is counted the same way."),
        }

    def __init__(self, *args, team, **kwargs):
        self.team = team
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Indicator.objects.filter(team=self.team, name__iexact=name).exists():
            raise forms.ValidationError(_("The team already has an indicator with this name."))
        return name

    def save(self, commit=True):
        indicator = self.instance
        indicator.team, indicator.scope, indicator.locale = self.team, Scope.LOCAL, Locale.get_default()
        indicator.decimals = 0 if indicator.unit == Unit.NUMBER else 1
        base = f"team-{self.team.pk}-{slugify(indicator.name) or 'indicator'}"[:50]
        code, number = base, 1
        while Indicator.objects.filter(code=code, locale=indicator.locale).exists():
            number += 1
            code = f"{base}-{number}"
        indicator.code = code
        return super().save(commit)


class FigureReviewForm(forms.Form):
    """The learning-cycle questions, asked again when new figures have arrived."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for index, question in enumerate(questions):
            self.fields[f"answer-{index}"] = forms.CharField(
                label=question.question, required=False, max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea utrecht-textarea--html-textarea"}),
            )

    def clean(self):
        cleaned = super().clean()
        if not any(str(cleaned.get(name, "")).strip() for name in self.fields):
            raise forms.ValidationError(_("Answer at least one question, so the team can see later what you concluded."))
        return cleaned

    def answers(self) -> list[tuple[str, str]]:
        return [(question.question, self.cleaned_data[f"answer-{index}"]) for index, question in enumerate(self.questions)]
