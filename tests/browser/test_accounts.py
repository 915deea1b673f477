"""Signing up with e-mail verification, and an editor enrolling a second factor before the admin."""

import email
import re
import time

from playwright.sync_api import expect

from portal.demo.users import DEMO_PASSWORD
from tests.users import current_code


def message_bodies(path):
    """Django's file backend writes each message as MIME, separated by a line of dashes."""
    for raw in path.read_text().split("\n" + "-" * 79 + "\n"):
        message = email.message_from_string(raw.strip())
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                yield part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def latest_link(mailbox, pattern, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in sorted(mailbox.iterdir(), key=lambda path: path.stat().st_mtime, reverse=True):
            for body in message_bodies(path):
                match = re.search(pattern, body)
                if match:
                    return match.group(0)
        time.sleep(0.2)
    raise AssertionError(f"no e-mail with {pattern}")


def test_sign_up_verify_the_address_and_sign_in(page, mailbox):
    page.goto("/accounts/signup/")
    page.get_by_label("E-mail").fill("nieuw.lid@gemeente-test.example")
    page.get_by_label("Wachtwoord:", exact=True).fill("lang-en-veilig-wachtwoord-7")
    page.get_by_label("Wachtwoord (bevestigen)").fill("lang-en-veilig-wachtwoord-7")
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verifieer je e-mailadres")

    link = latest_link(mailbox, r"http://[^\s]+/accounts/confirm-email/[^\s]+")
    page.goto(link)
    page.get_by_role("button", name="Bevestig", exact=True).click()
    expect(page.get_by_role("link", name="Accountbeveiliging")).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_editor_enrols_a_second_factor_before_reaching_the_admin(page):
    page.goto("/accounts/login/?next=/admin/")
    page.get_by_label("E-mail").fill("redacteur@nji.example")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()

    # Changing the second factor asks for the password once more (allauth's reauthentication).
    expect(page.get_by_role("status")).to_contain_text("tweede factor")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Bevestig").click()

    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(current_code(secret))
    page.get_by_role("button", name="Activeer").click()

    expect(page).to_have_url(re.compile(r"/accounts/2fa/recovery-codes/"))
    page.get_by_role("link", name="Beheer").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("body")).to_contain_text("Noor")
