"""Fixed vocabularies of the surveys: audiences, the step-3 themes questions belong to, and kinds of groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    CHILDREN = "children", _("Children (8 to 12)")
    YOUTH = "youth", _("Young people (12 to 18)")
    PARENTS = "parents", _("Parents and carers")


THEMES = [
    ("wellbeing", _("Wellbeing")),
    ("school", _("School")),
    ("leisure", _("Leisure and sport")),
    ("money", _("Money at home")),
    ("food", _("Food")),
    ("housing", _("Housing")),
    ("help", _("Help and provisions")),
    ("wishes", _("What would help")),
]

SEGMENT_KINDS = [
    ("school", _("School")),
    ("neighbourhood", _("Neighbourhood")),
    ("age", _("Age group")),
    ("other", _("Other group")),
]
