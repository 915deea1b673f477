from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.accounts import needs_second_factor


class AdminSecondFactorMiddleware:
    """Sends editors and administrators without an enrolled second factor to TOTP enrolment
    before any page of the Wagtail admin."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        if (
            settings.PORTAL_ADMIN_REQUIRES_MFA
            and request.path.startswith(self.admin_prefix)
            and needs_second_factor(request.user)
        ):
            messages.info(
                request,
                _("Editors and administrators protect their account with a second factor. "
                  "Set up an authenticator app to continue to the admin."),
            )
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
        return self.get_response(request)


class RejectNulBytesMiddleware:
    """A NUL byte in the path can never name a page, and PostgreSQL refuses it in queries: answer 400 at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise SuspiciousOperation("NUL byte in the request path")
        return self.get_response(request)
