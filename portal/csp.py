"""The Content-Security-Policy of each response: strict everywhere, loosened only where the Wagtail admin needs it."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.urls import reverse


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            # Wagtail's admin writes small inline scripts and styles (date choosers, inline panels) and shows
            # page previews in a frame of its own. Only editors with a second factor reach it.
            parts.replace = {
                **(parts.replace or {}),
                "script-src": [SELF, UNSAFE_INLINE], "style-src": [SELF, UNSAFE_INLINE], "frame-ancestors": [SELF],
            }
        return parts
