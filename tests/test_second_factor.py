"""Editors and administrators must enrol a TOTP second factor before they can use the admin."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.users import PASSWORD, current_code, enrol_totp, make_user


@pytest.fixture
def editor(db):
    return make_user("redactie@nji.example", group="Editors")


def test_editor_without_second_factor_is_sent_to_enrolment(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_administrator_without_second_factor_is_sent_to_enrolment(client, db):
    client.force_login(make_user("tweede-beheerder@nji.example", superuser=True))
    assert client.get("/admin/pages/").status_code == 302


def test_a_session_that_did_not_enter_a_code_must_verify_first(client, editor):
    """Having a device is not enough: this session must have used it (no password-only session gets in)."""
    secret = enrol_totp(editor)
    client.force_login(editor)
    for path in ("/admin/", "/admin/pages/", "/admin/snippets/stappen/resource/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    client.post(reverse("mfa_reauthenticate"), {"code": current_code(secret)})
    assert client.get("/admin/").status_code == 200


def test_team_member_is_not_asked_to_enrol_and_has_no_admin(client, db):
    client.force_login(make_user("medewerker@velsen.example"))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "totp" not in response["Location"]


@override_settings(PORTAL_ADMIN_REQUIRES_MFA=False)
def test_setting_switches_the_requirement_off_for_local_development(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_wagtail_login_page_leads_to_the_portal_login(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/admin/pages/"


def test_login_asks_for_the_code_and_then_opens_the_admin(client, editor):
    secret = enrol_totp(editor)
    response = client.post(reverse("account_login"), {"login": editor.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302  # not signed in before the code

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200  # a wrong code gets the form again

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
