"""The Content-Security-Policy of each response: strict everywhere, loosened only where the Wagtail admin needs it."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.urls import reverse


def is_admin_preview(request) -> bool:
    """Wagtail renders every preview (the editor's side panel in each of its sizes, a snippet's or a translation's
    preview) by sending a made-up request for the object's own public address through the middleware, marked
    `is_dummy`. Only the admin's preview views make such requests, for editors who may change the object."""
    return getattr(request, "is_dummy", False)


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
        elif is_admin_preview(request):
            # The previewed page keeps the public policy, so the editor sees what visitors will see; only the
            # admin, on this same origin, may show it in its frame.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
