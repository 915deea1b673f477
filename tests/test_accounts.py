"""Sign-up and login by e-mail address, with mandatory verification (django-allauth)."""

import re

from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from portal.models import User

PASSWORD = "een-sterk-wachtwoord-42"


def sign_up(client, email="nieuw@gemeente.example"):
    return client.post(reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def test_sign_up_sends_a_verification_link_and_login_waits_for_it(client, db):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@gemeente.example")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1

    client.logout()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("account_email_verification_sent")

    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", mail.outbox[-1].body).group(0)
    path = link.split("testserver", 1)[1]
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified


def test_sign_up_with_a_taken_address_reveals_nothing_and_creates_nothing(client, db):
    sign_up(client)
    client.logout()
    mail.outbox.clear()
    response = sign_up(client)
    # The answer is the same as for a new address, so nobody can find out which addresses have accounts.
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="nieuw@gemeente.example").count() == 1


def test_login_page_is_in_the_visitors_language(client, db):
    assert 'lang="nl"' in client.get(reverse("account_login")).content.decode()
    response = client.get("/en/accounts/login/")
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def test_wrong_password_gets_a_clear_message(client, db):
    sign_up(client)
    client.logout()
    response = client.post(reverse("account_login"), {"login": "nieuw@gemeente.example", "password": "fout"})
    assert response.status_code == 200
    assert "niet correct" in response.content.decode()
