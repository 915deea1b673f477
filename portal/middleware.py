from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

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
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
        return self.get_response(request)
