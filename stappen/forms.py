from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class StepPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("number")
        if number is None or self.parent_page is None:
            return cleaned_data
        same_number = type(self.instance).objects.child_of(self.parent_page).filter(number=number)
        if self.instance.pk:
            same_number = same_number.exclude(pk=self.instance.pk)
        if same_number.exists():
            self.add_error("number", _("Another step in this language already has this number."))
        return cleaned_data
