"""Account rules that more than one part of the portal relies on."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver
from django.urls import reverse
from wagtail import hooks

ENROL = "enrol"
VERIFY = "verify"
# Apps that have a home of their own for some users register a function under this hook: it takes the user and
# returns the address they start from after logging in, or None (gemeenten sends team members to their workspace).
LOGIN_DESTINATION_HOOK = "portal_login_destination"


def can_use_admin(user) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def second_factor_step(request) -> str | None:
    """What an editor or administrator must still do before the admin opens to this session:
    enrol a TOTP device (ENROL), prove this session holds it (VERIFY), or nothing (None)."""
    user = request.user
    if not can_use_admin(user):
        return None
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return ENROL
    if any(record.get("method") == "mfa" for record in get_authentication_records(request, user)):
        return None
    return VERIFY


@receiver(authenticator_added)
def enrolment_counts_as_verification(sender, request, user, authenticator, **kwargs):
    """Enrolling checks a code from the new device, so this session has proven it holds the device.
    (allauth records this itself only for a login or reauthentication.)"""
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request) -> str:
        """Where a login leads when it carries no safe `next` (allauth follows that one before asking here):
        editors and administrators to the admin, users another app claims to that app's home, the rest home."""
        user = request.user
        if can_use_admin(user):
            return reverse("wagtailadmin_home")
        for destination in hooks.get_hooks(LOGIN_DESTINATION_HOOK):
            if url := destination(user):
                return url
        return reverse("wagtail_serve", args=[""])
