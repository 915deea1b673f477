"""An editor previews a page beside its editor, while the public site refuses frames; each kind of user lands
where their work is after logging in."""

import re

import pytest
from playwright.sync_api import expect

from portal.demo.users import DEMO_PASSWORD
from tests.server import django_process
from tests.users import PASSWORD, current_code


def make_user(server_database, email, group="") -> str:
    """A verified user on the server's database; an editor (group given) gets an authenticator: its secret."""
    return django_process(f"""
from tests.users import enrol_totp, make_user
user = make_user({email!r}, group={group!r} or None)
print(json.dumps(enrol_totp(user) if {group!r} else ""))
""", server_database)


def log_in(page, email, password, next_url=""):
    page.goto(f"/accounts/login/{next_url and '?next=' + next_url}")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()


def log_in_as_editor(page, server_database, email):
    secret = make_user(server_database, email, group="Editors")
    log_in(page, email, PASSWORD)
    page.locator("input[name=code]").fill(current_code(secret))
    page.locator("input[name=code]").press("Enter")


def test_an_editor_sees_the_page_in_the_preview_panel_as_they_edit(page, server_database):
    step = django_process("""
from stappen.models import StepPage
step = StepPage.objects.get(number=2, locale__language_code="nl")
print(json.dumps({"id": step.pk, "title": step.title}))
""", server_database)
    log_in_as_editor(page, server_database, "voorvertoning@nji.example")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.add_init_script("document.addEventListener('w-unsaved:watch-edits', () => {"
                         " window.startTaken = performance.now(); })")
    page.goto(f"/admin/pages/{step['id']}/edit/")
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(step["title"])

    # Wagtail takes the form's starting state about two seconds after opening (at times twice, moments apart):
    # what is typed before the last of these counts as the start, not as an edit to preview.
    page.wait_for_function("() => performance.now() - window.startTaken > 1000")
    page.get_by_role("textbox", name="Titel").fill("Organiseer het samen, vanaf de eerste dag")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Organiseer het samen, vanaf de eerste dag")


def test_a_public_page_cannot_be_framed(page, browser):
    response = page.goto("/stappenplan/")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"

    page.evaluate("() => { const frame = document.createElement('iframe'); frame.src = '/';"
                  " document.body.append(frame); }")
    for _attempt in range(50):
        if any("frame-ancestors 'none'" in report for report in browser.blocked):
            break
        page.wait_for_timeout(100)
    assert any("frame-ancestors 'none'" in report for report in browser.blocked), browser.blocked
    browser.blocked.clear()  # the refusal this test asked for


@pytest.mark.parametrize(("who", "next_url", "landing"), [
    ("editor", "", r"/admin/$"),
    ("team member", "", r"/werkruimte/$"),
    ("resident", "/zoeken/%3Fq%3Dschulden", r"/zoeken/\?q=schulden$"),
    ("resident", "", r"127\.0\.0\.1:\d+/$"),
])
def test_after_logging_in_each_user_lands_where_their_work_is(page, server_database, who, next_url, landing):
    if who == "editor":
        log_in_as_editor(page, server_database, f"landing{len(next_url)}@nji.example")
    elif who == "team member":
        log_in(page, "s.elidrissi@velsen.example", DEMO_PASSWORD)
    else:
        email = f"bewoner{len(next_url)}@voorbeeld.example"
        make_user(server_database, email)
        log_in(page, email, PASSWORD, next_url)
    expect(page).to_have_url(re.compile(landing))
