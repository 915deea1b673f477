from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.accounts import ENROL, second_factor_step


class AdminSecondFactorMiddleware:
    """Editors and administrators reach the Wagtail admin only from a session that passed a second factor:
    without a TOTP device they enrol one, with one they enter a code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PORTAL_ADMIN_REQUIRES_MFA and request.path_info.startswith(reverse("wagtailadmin_home")):
            step = second_factor_step(request)
            if step == ENROL:
                messages.info(
                    request,
                    _("Editors and administrators protect their account with a second factor. "
                      "Set up an authenticator app to continue to the admin."),
                )
                return redirect("mfa_activate_totp")
            if step is not None:
                return redirect(f"{reverse('mfa_reauthenticate')}?next={reverse('wagtailadmin_home')}")
        return self.get_response(request)


class RejectNulBytesMiddleware:
    """A NUL byte can never be part of a valid address, and PostgreSQL refuses it in queries: answer 400 at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            raise SuspiciousOperation("NUL byte in the request")
        return self.get_response(request)


class SurveyOnlyLanguagesMiddleware:
    """The survey languages beyond Dutch and English (Arabic, Turkish, ...) exist for the surveys alone:
    elsewhere the site has no content in them, so such an address is not found."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.portal_languages = {code for code, _name in settings.PORTAL_LANGUAGES}

    def __call__(self, request):
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        if language not in self.portal_languages and not request.path_info.startswith(f"/{language}/doe-mee/"):
            raise Http404
        return self.get_response(request)
