"""A team at work: inviting, answering together without losing text, and exporting the plan."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from portal.demo.users import DEMO_PASSWORD
from tests.browser.conftest import axe_violations
from tests.browser.test_accounts import latest_link

PASSWORD = "lang-en-veilig-wachtwoord-7"
INVOLVEMENT = "How do we involve young people and parents in this step?"


def log_in(page, email, password=DEMO_PASSWORD, next_url="/en/werkruimte/"):
    page.goto(f"/en/accounts/login/?next={next_url}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()


def start_team(page, name):
    page.goto("/en/werkruimte/nieuw/")
    page.get_by_label("Name of the team").fill(name)
    page.get_by_label("Municipalities").select_option(label="Zaanstad")
    page.get_by_label("First cycle").fill("2027")
    page.get_by_role("button", name="Start the team").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{name}: plan for 2027")
    return page.url


def involvement_box(page):
    return page.locator(".portal-answer").filter(has=page.get_by_role("heading", name=INVOLVEMENT))


def test_a_coordinator_invites_a_member_who_answers_and_the_coordinator_sees_the_history(browser, base_url, mailbox):
    coordinator = browser.new_context(base_url=base_url).new_page()
    log_in(coordinator, "beleid@zaanstad.example")
    plan_url = start_team(coordinator, "Browserteam uitnodiging")
    coordinator.get_by_role("link", name="Members").first.click()
    coordinator.get_by_label("E-mail address").fill("nieuw.teamlid@school.example")
    coordinator.get_by_role("button", name="Send the invitation").click()
    expect(coordinator.get_by_role("status")).to_contain_text("nieuw.teamlid@school.example")
    invitation = latest_link(mailbox, r"http://\S+/werkruimte/uitnodiging/\S+/")

    member = browser.new_context(base_url=base_url).new_page()
    member.goto(invitation)
    member.get_by_role("link", name=re.compile("sign up", re.I)).click()
    member.get_by_label("Email").fill("nieuw.teamlid@school.example")
    member.get_by_label("Password:", exact=True).fill(PASSWORD)
    member.get_by_label("Password (again)").fill(PASSWORD)
    member.get_by_role("button", name="Sign Up").click()
    member.goto(latest_link(mailbox, r"http://\S+/accounts/confirm-email/\S+"))
    member.get_by_role("button", name="Confirm", exact=True).click()
    # Confirming the address signs the new member in and brings them back to the invitation.
    expect(member.get_by_role("heading", level=1)).to_have_text("Join Browserteam uitnodiging")
    member.get_by_label("Organisation").fill("Basisschool De Brug")
    member.get_by_label("Sector").select_option("education")
    member.get_by_role("button", name="Join the team").click()
    expect(member.get_by_role("status")).to_contain_text("Welcome to Browserteam uitnodiging")

    member.get_by_role("link", name=re.compile(r"^Step 1:")).click()
    involvement_box(member).get_by_role("textbox").fill("Leerlingenraad denkt mee over de opgave.")
    member.get_by_role("button", name="Save answers").click()
    expect(member.get_by_role("status").first).to_contain_text(re.compile("1 answer saved|All answers are saved"))

    coordinator.goto(plan_url)
    step_one = coordinator.get_by_role("listitem").filter(has=coordinator.get_by_role("link", name=re.compile(r"^Step 1:")))
    expect(step_one).to_contain_text("In progress")
    step_one.get_by_role("link").click()
    box = involvement_box(coordinator)
    expect(box.get_by_role("textbox")).to_have_value("Leerlingenraad denkt mee over de opgave.")
    box.get_by_role("link", name=re.compile("History")).click()
    expect(coordinator.locator(".portal-version")).to_have_count(1)
    expect(coordinator.locator(".portal-version")).to_contain_text("nieuw.teamlid@school.example")
    assert axe_violations(coordinator) == []


def test_two_members_editing_the_same_answer_keep_both_versions(browser, base_url):
    first = browser.new_context(base_url=base_url).new_page()
    log_in(first, "beleid@zaanstad.example")
    plan_url = start_team(first, "Browserteam gelijktijdig")
    first.get_by_role("link", name=re.compile(r"^Step 1:")).click()
    worksheet_url = first.url

    second = browser.new_context(base_url=base_url).new_page()
    log_in(second, "beleid@zaanstad.example", next_url=worksheet_url)
    expect(second).to_have_url(worksheet_url)

    # The first types and the autosave script stores the text; the second's page still holds the old version.
    involvement_box(first).get_by_role("textbox").fill("Tekst uit het eerste venster")
    expect(involvement_box(first)).to_contain_text("Saved at", timeout=10000)

    involvement_box(second).get_by_role("textbox").fill("Tekst uit het tweede venster")
    expect(involvement_box(second)).to_contain_text("saved this answer while you were writing", timeout=10000)
    involvement_box(second).get_by_role("link", name="Compare both versions").click()
    versions = second.locator(".portal-version")
    expect(versions.filter(has_text="Tekst uit het eerste venster")).to_have_count(1)
    expect(versions.filter(has_text="Tekst uit het tweede venster")).to_have_count(1)
    second.get_by_role("button", name="Use my text").click()

    second.goto(worksheet_url)
    expect(involvement_box(second).get_by_role("textbox")).to_have_value("Tekst uit het tweede venster")
    second.goto(plan_url)
    expect(second.locator(".portal-held-back")).to_have_count(0)
    assert axe_violations(second) == []


def test_without_javascript_a_stale_form_is_held_back_not_lost(browser, base_url):
    pages = []
    for _ in range(2):
        context = browser.new_context(base_url=base_url, java_script_enabled=False)
        pages.append(context.new_page())
    first, second = pages
    log_in(first, "beleid@zaanstad.example")
    start_team(first, "Browserteam zonder script")
    first.get_by_role("link", name=re.compile(r"^Step 1:")).click()
    log_in(second, "beleid@zaanstad.example", next_url=first.url)

    involvement_box(first).get_by_role("textbox").fill("Eerst opgeslagen")
    first.get_by_role("button", name="Save answers").click()
    involvement_box(second).get_by_role("textbox").fill("Later opgeslagen vanuit een oud formulier")
    second.get_by_role("button", name="Save answers").click()
    expect(second.locator(".portal-held-back")).to_contain_text("while you were writing")
    second.locator(".portal-held-back").get_by_role("link").click()
    expect(second.locator(".portal-version--held")).to_contain_text("Later opgeslagen vanuit een oud formulier")
    expect(second.get_by_text("Eerst opgeslagen").first).to_be_visible()


def test_the_pdf_export_contains_the_answers(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    log_in(page, "beleid@zaanstad.example")
    plan_url = start_team(page, "Browserteam export")
    page.get_by_role("link", name=re.compile(r"^Step 1:")).click()
    involvement_box(page).get_by_role("textbox").fill("Kinderraad Zaanstad praat mee")
    page.get_by_role("button", name="Save answers").click()
    page.goto(plan_url)
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF in Dutch").click()
    pdf = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    text = " ".join(page_.extract_text() for page_ in pdf.pages)
    assert "Kinderraad Zaanstad praat mee" in text
    assert "Browserteam export" in text


@pytest.mark.parametrize("width", [320])
def test_the_worksheet_works_on_a_small_phone(browser, base_url, width):
    page = browser.new_context(base_url=base_url, viewport={"width": width, "height": 700}).new_page()
    log_in(page, "beleid@zaanstad.example")
    start_team(page, "Browserteam telefoon")
    page.get_by_role("link", name=re.compile(r"^Step 2:")).click()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert axe_violations(page) == []


def test_a_team_adds_partners_chooses_an_approach_and_scores_it(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    log_in(page, "beleid@zaanstad.example")
    plan_url = start_team(page, "Browserteam aanpak")

    page.get_by_role("link", name=re.compile(r"^Step 2:")).click()
    partners = page.locator("#section-partners")
    partners.get_by_label("Organisation or network").fill("Bibliotheek Zaanstad")
    partners.get_by_label("Sector").select_option("social_partner")
    partners.get_by_role("button", name="Add").click()
    expect(page.locator("#section-partners table")).to_contain_text("Bibliotheek Zaanstad")

    page.goto(plan_url)
    page.get_by_role("link", name=re.compile(r"^Step 5:")).click()
    approaches = page.locator("#section-aanpakken")
    approaches.get_by_label("Intervention from the portal").select_option(index=1)
    approaches.get_by_role("button", name="Add").click()
    matrix = page.locator(".portal-matrix")
    expect(matrix).to_have_count(1)
    matrix.get_by_role("link", name=re.compile("^Score")).first.click()
    goal = page.locator("fieldset").filter(has_text="Goal-oriented")
    goal.get_by_label("Score").select_option("yes")
    goal.get_by_label("Explanation").fill("Richt zich op kinderen in gezinnen met weinig geld.")
    page.get_by_role("button", name="Save the scores").click()
    cell = page.locator(".portal-matrix .portal-score--yes")
    expect(cell).to_have_count(1)
    expect(cell).to_contain_text("Meets it")
    assert axe_violations(page) == []

    page.goto(plan_url)
    page.get_by_role("link", name=re.compile(r"^Step 7:")).click()
    council = page.locator("#council-decision")
    council.get_by_label("Council's decision", exact=True).select_option("adopted")
    council.get_by_label("Date of the council's decision").fill("2027-03-12")
    page.get_by_role("button", name="Save the council's decision").click()
    expect(page.locator("#council-decision dl")).to_contain_text("Adopted")
    assert axe_violations(page) == []


def test_the_dutch_workspace_of_the_demo_team_has_no_serious_accessibility_violations(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    page.goto("/accounts/login/?next=/werkruimte/")
    page.get_by_label("E-mail").fill("beleid@velsen.example")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Samen tegen armoede Velsen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("plan voor 2027")
    plan_url = page.url
    expect(page.get_by_role("listitem").filter(has_text="Stap 1:")).to_contain_text("Klaar")
    assert axe_violations(page) == []
    for step in ("Stap 5:", "Stap 2:"):
        page.goto(plan_url)
        page.get_by_role("link", name=re.compile(f"^{step}")).click()
        assert axe_violations(page) == [], step
    page.locator(".portal-answer__meta").get_by_role("link", name=re.compile("Geschiedenis")).first.click()
    assert axe_violations(page) == []
    page.goto(plan_url)
    page.get_by_role("link", name="Leden").first.click()
    expect(page.get_by_role("table")).to_contain_text("Samira El Idrissi")
    assert axe_violations(page) == []
