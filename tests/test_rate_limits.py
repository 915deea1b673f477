"""Sign-in, sign-up, password reset and invitation links are rate-limited (the survey's limits are in
test_survey_respond.py); the limits count the client's own address, also behind a proxy."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext

from gemeenten import teams
from gemeenten.models import Invitation
from tests.users import make_user
from tests.workspace import make_team

pytestmark = pytest.mark.django_db

PASSWORD = "demo-wachtwoord-2026"


def test_five_wrong_passwords_lock_the_address_for_a_while(client):
    for _attempt in range(5):
        response = client.post(reverse("account_login"), {"login": "beleid@velsen.example", "password": "fout-wachtwoord"})
        assert response.status_code == 200
    locked = client.post(reverse("account_login"), {"login": "beleid@velsen.example", "password": PASSWORD})
    assert locked.status_code == 200, "even the right password is refused now"
    assert gettext("Too many failed login attempts. Try again later.") in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.post(reverse("account_login"), {"login": "beleid@zaanstad.example", "password": PASSWORD}).status_code == 302


def test_sign_ups_from_one_address_are_limited(client):
    codes = [
        client.post(reverse("account_signup"), {"email": f"nieuw{number}@school.example", "password1": "een-lang-wachtwoord-1",
                                                "password2": "een-lang-wachtwoord-1"}).status_code
        for number in range(21)
    ]
    assert codes[:20] == [302] * 20 and codes[20] == 429


def test_password_resets_for_one_address_are_limited(client):
    codes = [client.post(reverse("account_reset_password"), {"email": "beleid@velsen.example"}).status_code for _ in range(6)]
    assert codes[:5] == [302] * 5 and codes[5] == 429


def test_accepting_invitations_is_limited_per_user(client):
    coordinator, team, _plan = make_team()
    invitation = Invitation.objects.create(team=team, email="probeer@school.example", invited_by=coordinator)
    client.force_login(make_user("iemand@school.example"))
    url = reverse("gemeenten:accept_invitation", args=[teams.invitation_token(invitation)])
    codes = [client.post(url, {"organisation": "School", "sector": "education"}).status_code for _ in range(11)]
    assert codes[:10] == [403] * 10, "not the invited address"
    assert codes[10] == 429


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_each_client_counts_for_itself(client):
    def login(address, password):
        return client.post(reverse("account_login"), {"login": "beleid@velsen.example", "password": password},
                           REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address).status_code

    with override_settings(ACCOUNT_RATE_LIMITS={"login": "3/m/ip", "login_failed": ""}):
        assert [login("203.0.113.5", "fout") for _ in range(4)] == [200, 200, 200, 429]
        assert login("198.51.100.7", "fout") == 200, "another client behind the same proxy is not held back"
