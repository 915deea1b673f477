"""The fixed vocabularies municipalities filter examples and interventions on.

Codes are stable (stored and used in URLs); labels are translated with gettext.
"""

import re

from django.utils.translation import gettext_lazy as _

STEPS = [
    ("1", _("Step 1")),
    ("2", _("Step 2")),
    ("3", _("Step 3")),
    ("4", _("Step 4")),
    ("5", _("Step 5")),
    ("6", _("Step 6")),
    ("7", _("Step 7")),
    ("c", _("Continuous step")),
]

EXAMPLE_KINDS = [
    ("policy_plan", _("Policy plan")),
    ("poverty_monitor", _("Poverty monitor")),
    ("approach", _("Approach")),
    ("participation", _("Participation of youth and parents")),
]

TARGET_GROUPS = [
    ("children", _("Children")),
    ("youth", _("Youth")),
    ("parents", _("Parents")),
    ("professionals", _("Professionals")),
]

AGE_BANDS = [
    ("0-4", _("0 to 4 years")),
    ("4-12", _("4 to 12 years")),
    ("12-18", _("12 to 18 years")),
    ("18-23", _("18 to 23 years")),
]

LIFE_DOMAINS = [
    ("family", _("Family")),
    ("school", _("School")),
    ("leisure", _("Leisure")),
    ("neighbourhood", _("Neighbourhood")),
    ("online", _("Online")),
]

THEMES = [
    ("money_and_debts", _("Money and debts")),
    ("basic_needs", _("Basic needs")),
    ("sport_and_culture", _("Sport and culture")),
    ("school_costs", _("School costs and learning")),
    ("housing", _("Housing")),
    ("health_and_wellbeing", _("Health and wellbeing")),
    ("parenting_support", _("Support for parents")),
    ("signalling", _("Spotting poverty early")),
]

# The levels of the Dutch recognition system for interventions (Erkenningscommissie Interventies), and two values
# for what has no level: an intervention no database entry assesses, and a provision that is no intervention at all.
EVIDENCE_LEVELS = [
    ("not_assessed", _("Not assessed")),
    ("not_applicable", _("Not applicable: provision")),
    ("well_described", _("Well described")),
    ("well_founded", _("Well founded")),
    ("first_indications", _("Effective according to first indications")),
    ("good_indications", _("Effective according to good indications")),
    ("strong_indications", _("Effective according to strong indications")),
]
UNASSESSED_LEVELS = frozenset({"not_assessed", "not_applicable"})


class Facet:
    """A facet municipalities filter on: multi-valued ones live in FacetValue, single-valued ones in a field."""

    def __init__(self, name, label, choices, field=None):
        self.name = name
        self.label = label
        self.choices = choices
        self.field = field
        self.labels = dict(choices)

    def __repr__(self):
        return f"Facet({self.name})"

    def is_valid(self, value) -> bool:
        return value in self.labels

    def labels_for(self, values) -> dict:
        return {value: self.labels[value] for value in values if value in self.labels}


class MunicipalityFacet(Facet):
    """Municipalities come from the reference table, not from a fixed list."""

    def __init__(self):
        super().__init__("municipality", _("Municipality"), [], field="municipality__code")

    def is_valid(self, value) -> bool:
        return re.fullmatch(r"GM\d{4}", value) is not None

    def labels_for(self, values) -> dict:
        from portal.models import Municipality

        return dict(Municipality.objects.filter(code__in=list(values)).values_list("code", "name"))


FACETS = {
    facet.name: facet
    for facet in [
        Facet("steps", _("Step"), STEPS),
        Facet("target_groups", _("Target group"), TARGET_GROUPS),
        Facet("age_bands", _("Age"), AGE_BANDS),
        Facet("life_domains", _("Life domain"), LIFE_DOMAINS),
        Facet("themes", _("Theme"), THEMES),
        Facet("kind", _("Kind of example"), EXAMPLE_KINDS, field="kind"),
        Facet("evidence_level", _("Evidence"), EVIDENCE_LEVELS, field="evidence_level"),
        MunicipalityFacet(),
    ]
}
