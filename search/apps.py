import logging

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        if settings.SEARCH_ENGINE_PROBLEM:
            logging.getLogger(__name__).error(
                "The search engine cannot be used, so the database ranks every search: %s", settings.SEARCH_ENGINE_PROBLEM)
