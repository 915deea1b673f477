"""The forms a team coordinator uses to set up a survey run: the run itself, its groups and its class codes."""

import datetime
import secrets

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from participatie.models import ClassCode, Questionnaire, ResponseAnswer, SegmentOption, SurveyRun
from participatie.models.run import SMALLEST_GROUP
from participatie.themes import SEGMENT_KINDS, Audience

# Capitals and digits that cannot be mistaken for one another when read aloud or typed from a poster:
# no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_PREFIXES = {Audience.CHILDREN: "KIND", Audience.YOUTH: "JONG", Audience.PARENTS: "OUDER"}
CLASS_PREFIX = "KLAS"
MAX_GROUPS = 60

# The kinds of group a run lists itself, one per line: the questionnaire cannot know a municipality's schools.
OWN_GROUP_KINDS = {
    "school": (_("Schools"), _("One school per line, as children and parents know it.")),
    "neighbourhood": (_("Neighbourhoods"), _("One neighbourhood per line.")),
    "age": (_("Age groups"), _("One age group per line.")),
    "other": (_("Groups"), _("One group per line.")),
}


def code_in_use(code: str, exclude_run: SurveyRun | None = None) -> bool:
    """Run codes and class codes share one space, so a code typed at /doe-mee/ means one thing only."""
    runs = SurveyRun.objects.filter(code=code)
    if exclude_run is not None and exclude_run.pk:
        runs = runs.exclude(pk=exclude_run.pk)
    return runs.exists() or ClassCode.objects.filter(code=code).exists()


def generate_code(prefix: str, length: int = 4) -> str:
    """A readable unused code such as KIND-7H3K; longer when the short ones run out."""
    for attempt in range(50):
        size = length + attempt // 10
        code = f"{prefix}-{''.join(secrets.choice(CODE_ALPHABET) for _position in range(size))}"
        if not code_in_use(code):
            return code
    raise RuntimeError("no free survey code found")  # pragma: no cover: 31**8 codes


def run_code_for(audience: str) -> str:
    return generate_code(CODE_PREFIXES.get(audience, "PEIL"))


def normalize_code(value: str) -> str:
    return "".join(value.split()).upper()


def live_questionnaires():
    """The templates a team may start from: published, in the site's default language."""
    return Questionnaire.objects.filter(live=True, locale=Locale.get_default()).order_by("title")


def questionnaire_group_kinds(questionnaire: Questionnaire | None) -> list[str]:
    """The kinds of group whose options the run must list itself: the questionnaire asks for them
    (a school, a neighbourhood) without giving options. Where the questionnaire has its own options,
    such as age bands, the run uses those and answers keep their meaning."""
    if questionnaire is None:
        return []
    kinds = {
        block.value["kind"] for block in questionnaire.body
        if block.block_type == "segment" and not len(block.value["options"])
    }
    return [kind for kind, _label in SEGMENT_KINDS if kind in kinds]


def date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RunForm(forms.ModelForm):
    """Create or change a run. Once a run has opened, what respondents saw stays as it was: the
    questionnaire, the audience and the code are fixed, and groups that have answers stay."""

    min_group_size = forms.IntegerField(
        label=_("Smallest group shown"), min_value=SMALLEST_GROUP, max_value=100, initial=10,
        help_text=_("No figure is shown for fewer respondents than this, in total or per group. At least 5; 10 is advised."),
        error_messages={"min_value": _("At least 5: smaller groups could be recognised."), "max_value": _("At most 100.")},
    )
    retention_months = forms.IntegerField(
        label=_("Keep answers for (months after closing)"), min_value=1, max_value=60, initial=12,
        help_text=_("After this many months the individual answers are deleted; the totals stay."),
        error_messages={"min_value": _("At least 1 month."), "max_value": _("At most 60 months (5 years).")},
    )

    class Meta:
        model = SurveyRun
        fields = ["questionnaire", "title", "audience", "code", "opens_on", "closes_on", "min_group_size",
                  "retention_months", "team_response"]
        widgets = {
            "opens_on": date_widget(),
            "closes_on": date_widget(),
            "team_response": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "title": _("For example: Children's survey Velsen, spring 2027. Respondents see this title."),
            "code": _("Respondents type this code or scan the QR code. Capital letters, digits and hyphens; "
                      "you may choose your own."),
        }

    def __init__(self, *args, questionnaire: Questionnaire | None = None, today: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        run = self.instance
        self.is_new = run.pk is None
        self.has_opened = not self.is_new and (run.opens_on <= self.today or run.purged_on is not None or run.responses.exists())
        choices = live_questionnaires()
        if not self.is_new:
            choices = (choices | Questionnaire.objects.filter(pk=run.questionnaire_id)).distinct()
        field = self.fields["questionnaire"]
        field.queryset = choices
        field.empty_label = None
        field.label_from_instance = lambda q: f"{q.title} ({q.get_audience_display()})"
        if self.is_new:
            del self.fields["team_response"]
            self.fields["code"].required = False
            self.fields["code"].help_text = _("Leave as suggested or type your own: capital letters, digits and hyphens.")
        else:
            self.fields["team_response"].help_text = _(
                "What the team will do with what it heard. It is shown on the public results page."
            )
        if self.has_opened:
            for name in ("questionnaire", "audience", "code"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Fixed once the survey has opened.")
        self.questionnaire = self._chosen_questionnaire(questionnaire)
        self.group_fields = []
        existing = self._existing_groups()
        for kind in questionnaire_group_kinds(self.questionnaire):
            label, help_text = OWN_GROUP_KINDS[kind]
            name = f"groups_{kind}"
            self.fields[name] = forms.CharField(
                label=label, help_text=help_text,
                widget=forms.Textarea(attrs={"rows": 6}), initial="\n".join(existing.get(kind, [])),
                max_length=MAX_GROUPS * 122,
                error_messages={"required": _("The questionnaire asks for this: list at least one.")},
            )
            self.group_fields.append((kind, name))

    def _chosen_questionnaire(self, given):
        if self.has_opened:
            return self.instance.questionnaire
        raw = self.data.get(self.add_prefix("questionnaire")) if self.is_bound else None
        if raw:
            try:
                return self.fields["questionnaire"].queryset.filter(pk=int(raw)).first() or given
            except (TypeError, ValueError):
                return given
        if given is not None:
            return given
        return self.instance.questionnaire if not self.is_new else None

    def _existing_groups(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        if not self.is_new:
            for option in self.instance.segment_options.all():
                groups.setdefault(option.kind, []).append(option.label)
        return groups

    def clean_code(self):
        code = normalize_code(self.cleaned_data.get("code") or "")
        if self.fields["code"].disabled:
            return self.instance.code
        if not code:
            audience = self.data.get(self.add_prefix("audience")) or getattr(self.questionnaire, "audience", "")
            return run_code_for(audience)
        if code_in_use(code, exclude_run=self.instance):
            raise forms.ValidationError(_("This code is already in use. Choose another one or use the suggested code."))
        return code

    def _clean_groups(self, kind, name):
        labels, seen = [], set()
        for line in self.cleaned_data.get(name, "").splitlines():
            label = " ".join(line.split())
            if not label or label.casefold() in seen:
                continue
            if len(label) > 120:
                self.add_error(name, _("“%(label)s…” is longer than 120 characters.") % {"label": label[:40]})
                return None
            seen.add(label.casefold())
            labels.append(label)
        if len(labels) > MAX_GROUPS:
            self.add_error(name, _("At most %(count)s lines.") % {"count": MAX_GROUPS})
            return None
        if not labels:
            self.add_error(name, _("The questionnaire asks for this: list at least one."))
            return None
        return labels

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The closing date must be on or after the opening date."))
        elif closes and closes < self.today and (self.is_new or "closes_on" in self.changed_data):
            self.add_error("closes_on", _("The closing date has passed. Choose today or a later date."))
        self.groups = {}
        for kind, name in self.group_fields:
            if name in cleaned:
                labels = self._clean_groups(kind, name)
                if labels is not None:
                    self.groups[kind] = labels
        if not self.is_new:
            self._check_removed_groups()
        return cleaned

    def _check_removed_groups(self):
        for kind, name in self.group_fields:
            if kind not in self.groups:
                continue
            keep = {label.casefold() for label in self.groups[kind]}
            for option in self.instance.segment_options.filter(kind=kind):
                if option.label.casefold() not in keep and group_has_answers(self.instance, option):
                    self.add_error(name, _("“%(label)s” already has answers and cannot be removed or renamed.") % {
                        "label": option.label,
                    })

    @transaction.atomic
    def save_run(self, team, user) -> SurveyRun:
        run = self.save(commit=False)
        if self.is_new:
            run.team = team
            run.created_by = user
        run.save()
        for kind, labels in self.groups.items():
            sync_groups(run, kind, labels)
        return run


def group_has_answers(run: SurveyRun, option: SegmentOption) -> bool:
    if run.kept_counts:
        return any(option.key in groups.get("sizes", {}) for groups in run.kept_counts.get("groups", {}).values())
    return ResponseAnswer.objects.filter(response__run=run, option=option.key).exists()


def sync_groups(run: SurveyRun, kind: str, labels: list[str]) -> None:
    """Make the run's groups of this kind the labels given; a group keeps its key while its name stays."""
    existing = {option.label.casefold(): option for option in run.segment_options.filter(kind=kind)}
    wanted = {label.casefold(): label for label in labels}
    for folded, option in existing.items():
        if folded not in wanted:
            option.delete()
        elif option.label != wanted[folded]:
            option.label = wanted[folded]
            option.save(update_fields=["label"])
    SegmentOption.objects.bulk_create(
        [SegmentOption(run=run, kind=kind, label=label) for folded, label in wanted.items() if folded not in existing]
    )


class QuestionnaireChoiceForm(forms.Form):
    """The first step of a new run: which template it starts from."""

    vragenlijst = forms.ModelChoiceField(
        queryset=Questionnaire.objects.none(), label=_("Questionnaire"), empty_label=None, widget=forms.RadioSelect,
        help_text=_("The questions, their translations and the audience come from the questionnaire."),
        error_messages={"invalid_choice": _("Choose one of the questionnaires.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["vragenlijst"]
        field.queryset = live_questionnaires()
        field.label_from_instance = lambda q: f"{q.title} ({q.get_audience_display()})"


class ClassCodeForm(forms.ModelForm):
    class Meta:
        model = ClassCode
        fields = ["label", "max_responses"]

    max_responses = forms.IntegerField(
        label=_("At most this many answers"), min_value=1, max_value=200, initial=30,
        help_text=_("The number of pupils in the class: the code stops working after this many answers."),
        error_messages={"min_value": _("At least 1."), "max_value": _("At most 200.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="class", **kwargs)

    def save_for(self, run: SurveyRun) -> ClassCode:
        class_code = self.save(commit=False)
        class_code.run = run
        class_code.code = generate_code(CLASS_PREFIX)
        class_code.save()
        return class_code
