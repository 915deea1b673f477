"""Account rules that more than one part of the portal relies on."""

from allauth.mfa.models import Authenticator


def can_use_admin(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def needs_second_factor(user) -> bool:
    """True for an editor or administrator who has not yet enrolled a TOTP authenticator."""
    if not can_use_admin(user):
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
