from django.apps import AppConfig
from django.contrib.staticfiles.apps import StaticFilesConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    # With a second AppConfig in this module, Django uses this one only when marked as the default.
    default = True
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import accounts  # noqa: F401  (connects the enrolment signal receiver)
        from portal.page_cache import connect_signals

        connect_signals()


class PortalStaticFilesConfig(StaticFilesConfig):
    """Leaves out what the npm packages ship but pages never load: sources, token data and an icon
    sheet whose image the package does not include (which would break the hashed-name manifest)."""

    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,
        "*.scss", "*.less", "*.json", "*.cjs", "*.mjs", "*.d.ts", "font-family.js", "*.md", "LICENSE",
        "background-image-icon.css", "prince-xml.css", "theme-prince-xml.css",
    ]
