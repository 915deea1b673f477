from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from voorbeelden.facets import FACETS


class FacetedPageForm(WagtailAdminPageForm):
    """Shows each multi-valued facet as checkboxes and stores the choice as the page's facet values."""

    facet_names: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.facet_names:
            self.initial.setdefault(name, self.instance.facet_codes(name))

    def save(self, commit=True):
        page = super().save(commit=False)
        make = page.facet_values.model
        page.facet_values = [
            make(facet=name, value=value) for name in self.facet_names for value in self.cleaned_data.get(name, [])
        ]
        if commit:
            page.save()
        return page


def faceted_page_form(facet_names):
    fields = {
        name: forms.MultipleChoiceField(
            label=FACETS[name].label,
            choices=FACETS[name].choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
        for name in facet_names
    }
    return type("FacetedPageForm", (FacetedPageForm,), {**fields, "facet_names": tuple(facet_names)})
