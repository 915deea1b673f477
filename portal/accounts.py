"""Account rules that more than one part of the portal relies on."""

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver

ENROL = "enrol"
VERIFY = "verify"


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
