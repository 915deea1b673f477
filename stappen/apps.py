from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StappenConfig(AppConfig):
    name = "stappen"
    verbose_name = _("Seven-step method")
