"""Forms for the structured sections of a plan; gemeenten.sections decides which form a section uses."""

from django import forms
from django.utils.text import Truncator, capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from gemeenten.figures.baseline import apply_baseline
from gemeenten.figures.indicators import IndicatorChoiceField, team_indicators, translated
from gemeenten.models import Approach, ContactAgreement, Finding, MonitoringAgreement, Partner, Plan, PracticeSignal, Result
from gemeenten.models.plan import CouncilStatus
from gemeenten.models.structured import Score
from stappen.building_blocks import BUILDING_BLOCKS
from voorbeelden.models import InterventionPage

YEAR_MIN, YEAR_MAX = 2000, 2100
NOT_SCORED = ""
DECIDED = {CouncilStatus.ADOPTED, CouncilStatus.AMENDED, CouncilStatus.REJECTED}


def date_input():
    # The ISO format is what <input type="date"> sends and expects, whatever the page's language.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def year_field(model, name) -> forms.IntegerField:
    out_of_range = format_lazy(_("Enter a year between {min} and {max}."), min=YEAR_MIN, max=YEAR_MAX)
    return forms.IntegerField(
        label=capfirst(model._meta.get_field(name).verbose_name),
        required=False,
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter a year as four digits, for example 2026."),
            "min_value": out_of_range,
            "max_value": out_of_range,
        },
    )


class DesignSystemFormMixin:
    """Gives every widget its NL Design System class, and the invalid variant when the field has an error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Textarea):
                css = "utrecht-textarea utrecht-textarea--html-textarea"
            elif isinstance(widget, forms.Select):
                css = "utrecht-select utrecht-select--html-select"
            else:
                css = "utrecht-textbox utrecht-textbox--html-input"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                base = widget.attrs.get("class", "").split(" ")[0]
                if base and f"{base}--invalid" not in widget.attrs["class"]:
                    widget.attrs["class"] += f" {base}--invalid"


class PlanRowForm(DesignSystemFormMixin, forms.ModelForm):
    """A row of one plan; `plan` limits choices to that plan's own rows."""

    def __init__(self, *args, plan: Plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)


class PartnerForm(PlanRowForm):
    class Meta:
        model = Partner
        fields = ["organisation", "sector", "role", "contact"]
        help_texts = {
            "role": _("What this partner does in the approach, or what you ask of them."),
            "contact": _("A name, or a role such as 'team leader youth work'. No e-mail addresses or phone numbers."),
        }


class PracticeSignalForm(PlanRowForm):
    class Meta:
        model = PracticeSignal
        fields = ["signal", "seen_by"]
        widgets = {"signal": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "signal": _("What professionals, partners, young people or parents notice about families in poverty, "
                        "beside the figures. No names or other details that make someone recognisable."),
            "seen_by": _("Who noticed it, for example 'primary schools' or 'debt counselling'."),
        }


class FindingForm(PlanRowForm):
    indicator = IndicatorChoiceField(
        queryset=None, required=False, label=_("Figure that shows it"), empty_label=_("No figure"),
        help_text=_("Optional. When this becomes a result in step 4, the figure's latest value becomes its baseline."),
    )

    class Meta:
        model = Finding
        fields = ["kind", "text", "indicator"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = team_indicators(self.plan.team_id, keep=self.instance.indicator_id)


class ResultForm(PlanRowForm):
    baseline_year = year_field(Result, "baseline_year")
    target_year = year_field(Result, "target_year")
    catalogue_indicator = IndicatorChoiceField(
        queryset=None, required=False, label=_("Indicator from the figures"), empty_label=_("None: describe it below"),
        help_text=_("Choose one of the figures of step 3, and its latest value becomes the baseline "
                    "when you leave the baseline empty. Step 6 then shows its trend against the target."),
    )
    finding = forms.ModelChoiceField(queryset=Finding.objects.none(), required=False, widget=forms.HiddenInput)

    class Meta:
        model = Result
        fields = ["result", "catalogue_indicator", "indicator", "baseline", "baseline_year", "target", "target_year",
                  "source", "finding"]
        widgets = {"result": forms.Textarea(attrs={"rows": 2}), "indicator": forms.Textarea(attrs={"rows": 2})}
        labels = {"indicator": _("Indicator in your own words")}
        help_texts = {
            "result": _("What changes for children and families, in their words where you can."),
            "indicator": _("What you count or ask to see whether the result comes closer. "
                           "Left empty, it takes the name of the indicator chosen above."),
            "baseline": _("Where you start, for example '23%' or '140 families'."),
            "source": _("Where the figures come from, for example a youth monitor or your own registration."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].required = False
        self.fields["catalogue_indicator"].queryset = team_indicators(
            self.plan.team_id, keep=self.instance.catalogue_indicator_id
        )
        self.fields["finding"].queryset = Finding.objects.filter(plan=self.plan)

    def clean(self):
        cleaned = super().clean()
        baseline_year, target_year = cleaned.get("baseline_year"), cleaned.get("target_year")
        if baseline_year and target_year and target_year < baseline_year:
            self.add_error("target_year", _("The target year cannot be earlier than the year of the baseline."))
        chosen = cleaned.get("catalogue_indicator")
        if not cleaned.get("indicator", "").strip():
            if chosen:
                cleaned["indicator"] = translated([chosen])[chosen.pk].name
            elif "indicator" not in self.errors:
                self.add_error("indicator", _("Describe the indicator, or choose one from the figures above."))
        if chosen and not cleaned.get("baseline", "").strip():
            apply_baseline(cleaned, self.plan.team, chosen)
        return cleaned


class InterventionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class ResultChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return Truncator(obj.result).chars(90)


class ApproachForm(PlanRowForm):
    """An intervention from the portal, or a local activity by name: exactly one of the two."""

    intervention = InterventionChoiceField(
        InterventionPage.objects.none(),
        label=_("Intervention from the portal"),
        required=False,
        empty_label=_("None: it is a local activity"),
        help_text=_("Choose an intervention described on this portal, or leave this empty and enter a local activity's name."),
    )
    result = ResultChoiceField(
        Result.objects.none(), label=_("Result it contributes to"), required=False, empty_label=_("Not linked to a result")
    )

    class Meta:
        model = Approach
        fields = ["intervention", "name", "description", "result"]
        labels = {"name": _("Name of the local activity")}
        help_texts = {"name": _("Only for a current local activity; an intervention from the portal keeps its own title.")}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
        current = self.instance.intervention_id
        interventions = InterventionPage.objects.live().filter(locale=Locale.get_active())
        if current:
            # An intervention chosen in the other language stays valid when the approach is changed.
            interventions = interventions | InterventionPage.objects.filter(pk=current)
            self.initial["name"] = ""
        self.fields["intervention"].queryset = interventions.order_by("title")
        self.fields["result"].queryset = Result.objects.filter(plan=self.plan)

    def clean(self):
        cleaned = super().clean()
        if "intervention" in self.errors or "name" in self.errors:
            return cleaned
        intervention, name = cleaned.get("intervention"), cleaned.get("name", "").strip()
        if intervention and name:
            self.add_error(
                "name",
                _("Leave the name empty when you choose an intervention from the portal; the approach keeps the portal's title."),
            )
        elif intervention:
            cleaned["name"] = intervention.title[: Approach._meta.get_field("name").max_length]
        elif not name:
            self.add_error(
                "name", _("Enter the name of a local activity, or choose an intervention from the portal above.")
            )
        return cleaned


class MonitoringAgreementForm(PlanRowForm):
    class Meta:
        model = MonitoringAgreement
        fields = ["level", "what", "how", "how_often", "who", "next_moment"]
        widgets = {"next_moment": date_input()}
        help_texts = {
            "level": _("Process: how the work goes. Output: what it delivers. Outcome: what changes for families. "
                       "Effect: what changes in poverty's effects on children."),
            "how_often": _("For example 'every quarter' or 'once a year'."),
        }


class ContactAgreementForm(PlanRowForm):
    class Meta:
        model = ContactAgreement
        fields = ["what", "when", "how"]
        help_texts = {
            "what": _("What the partners keep each other informed about."),
            "when": _("For example 'every two months' or 'after each council meeting'."),
            "how": _("For example a meeting, a newsletter or a shared channel."),
        }


class BlockFields:
    """The two fields of one building block, for the template to put in one fieldset."""

    def __init__(self, key, label, score, explanation):
        self.key, self.label, self.score, self.explanation = key, label, score, explanation


class ApproachScoresForm(DesignSystemFormMixin, forms.Form):
    """The score and explanation of one approach on each of the seven building blocks."""

    def __init__(self, *args, approach: Approach, **kwargs):
        self.approach = approach
        super().__init__(*args, **kwargs)
        # Declared after super().__init__ so the design system classes are added below by hand.
        existing = {score.building_block: score for score in approach.scores.all()}
        for key, _label in BUILDING_BLOCKS:
            score = existing.get(key)
            self.fields[f"{key}-score"] = forms.ChoiceField(
                label=_("Score"),
                choices=[(NOT_SCORED, _("Not scored"))] + list(Score.choices),
                required=False,
                initial=score.score if score else NOT_SCORED,
                widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
            )
            self.fields[f"{key}-explanation"] = forms.CharField(
                label=_("Explanation"),
                max_length=500,
                required=False,
                initial=score.explanation if score else "",
                help_text=_("Why this score, in a sentence or two."),
                widget=forms.Textarea(attrs={"rows": 2, "class": "utrecht-textarea utrecht-textarea--html-textarea"}),
            )

    def blocks(self) -> list[BlockFields]:
        return [
            BlockFields(key, label, self[f"{key}-score"], self[f"{key}-explanation"]) for key, label in BUILDING_BLOCKS
        ]

    def clean(self):
        cleaned = super().clean()
        for key, _label in BUILDING_BLOCKS:
            if cleaned.get(f"{key}-explanation", "").strip() and not cleaned.get(f"{key}-score"):
                self.add_error(
                    f"{key}-score", _("Choose a score for this building block, or leave its explanation empty.")
                )
        return cleaned

    def chosen(self) -> dict[str, tuple[str, str]]:
        """Block key → (score, explanation) for every block that has a score."""
        return {
            key: (self.cleaned_data[f"{key}-score"], self.cleaned_data[f"{key}-explanation"].strip())
            for key, _label in BUILDING_BLOCKS
            if self.cleaned_data.get(f"{key}-score")
        }


class CouncilDecisionForm(DesignSystemFormMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["council_decision_status", "council_decision_date"]
        widgets = {"council_decision_date": date_input()}
        help_texts = {"council_decision_date": _("The date of the council meeting that decided on the plan.")}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("council_decision_status") in DECIDED and not cleaned.get("council_decision_date"):
            self.add_error("council_decision_date", _("Enter the date on which the council decided."))
        return cleaned
