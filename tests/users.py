"""Users for tests, made the way the portal makes them: allauth e-mail records, TOTP through allauth."""

import time

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, hotp_value, yield_hotp_counters_from_time
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.models import User

PASSWORD = "een-lang-test-wachtwoord"


def make_user(email, *, group=None, superuser=False, verified=True):
    user = User.objects.create_user(username=email, email=email, password=PASSWORD, is_superuser=superuser)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def enrol_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret) -> str:
    """The authenticator's current code. Near the end of its 30 seconds, wait for the next one: a code taken
    then may be stale by the time the form arrives, for a test as for a person."""
    left = mfa_settings.TOTP_PERIOD - time.time() % mfa_settings.TOTP_PERIOD
    if left < 5:
        time.sleep(left + 0.1)
    counter = next(iter(yield_hotp_counters_from_time()))
    return f"{hotp_value(secret, counter):06d}"


def sign_in_with_second_factor(client, user) -> str:
    """Sign in as a real editor does: password, then a code from a freshly enrolled authenticator."""
    secret = enrol_totp(user)
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate"), response
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302, response
    return secret
