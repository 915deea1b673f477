from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoorbeeldenConfig(AppConfig):
    name = "voorbeelden"
    verbose_name = _("Practice examples and interventions")
