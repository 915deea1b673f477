from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Membership
from gemeenten.models.team import Role
from portal.models import Municipality


class ProfileForm(forms.ModelForm):
    """What a member tells the team about themselves: where they work and for which sector."""

    class Meta:
        model = Membership
        fields = ["organisation", "sector"]
        help_texts = {"organisation": _("For example the municipality, a school or a welfare organisation.")}


class TeamForm(ProfileForm):
    name = forms.CharField(label=_("Name of the team"), max_length=120)
    municipalities = forms.ModelMultipleChoiceField(
        Municipality.objects.all(), label=_("Municipalities"),
        help_text=_("One municipality, or several for a regional team. Hold Ctrl or Cmd to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    cycle = forms.IntegerField(
        label=_("First cycle"), min_value=2000, max_value=2100, help_text=_("The year the plan is for, for example 2027.")
    )

    field_order = ["name", "municipalities", "cycle", "organisation", "sector"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cycle"].initial = timezone.now().year + 1


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class FirstMeetingForm(forms.Form):
    first_meeting_on = forms.DateField(
        label=_("Date of the first meeting"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Choose the date of the first meeting."),
                        "invalid": _("Enter a date, for example 15-01-2027.")},
    )

    def clean_first_meeting_on(self):
        day = self.cleaned_data["first_meeting_on"]
        if not 2000 <= day.year <= 2100:
            raise forms.ValidationError(_("Enter a date between 2000 and 2100."))
        return day
