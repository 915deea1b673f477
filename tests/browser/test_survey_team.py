"""A coordinator's surveys in a real browser: the demo survey in step 3, setting up a run with its poster,
and the survey pages checked with axe-core."""

import datetime
import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import axe_violations
from tests.browser.test_workspace import log_in

DEMO_TEAM = "Samen tegen armoede Velsen"
DEMO_RUN = "Hoe gaat het met jou? Kinderen in Velsen"


def open_demo_plan(page):
    log_in(page, "beleid@velsen.example")
    page.get_by_role("link", name=DEMO_TEAM).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("plan for 2027")
    return page.url


def test_step_3_shows_the_demo_survey_with_a_small_school_hidden(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    open_demo_plan(page)
    page.get_by_role("link", name=re.compile(r"^Step 3:")).click()
    section = page.locator("#survey-results")
    expect(section.get_by_role("heading", level=2)).to_have_text("What our surveys found")
    expect(section.get_by_role("heading", name=DEMO_RUN)).to_be_visible()
    table = section.locator("table").filter(has_text="De Vuurtoren").first
    hidden = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name="De Vuurtoren"))
    expect(hidden).to_contain_text("Not shown: fewer than 10 answers")
    for school in ("De Duinroos", "Het Kompas", "De Zeester"):
        row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=school))
        expect(row).not_to_contain_text("fewer than 10 answers")
        expect(row.get_by_role("cell").first).to_have_text(re.compile(r"^\d+$"))
    expect(section).to_contain_text("Why some figures are not shown")
    assert axe_violations(page) == []


def test_a_coordinator_sets_up_a_survey_and_downloads_its_poster(browser, base_url):
    page = browser.new_context(base_url=base_url, accept_downloads=True).new_page()
    plan_url = open_demo_plan(page)
    page.get_by_role("link", name="Surveys", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Surveys of {DEMO_TEAM}")
    expect(page.get_by_role("table")).to_contain_text(DEMO_RUN)
    assert axe_violations(page) == []

    page.get_by_role("link", name="Set up a survey").click()
    page.get_by_label(re.compile(r"^Hoe gaat het met jou\?")).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_label("Audience")).to_have_value("children")
    assert axe_violations(page) == []
    today = datetime.date.today()
    page.get_by_label("Title").fill("Browserpeiling Velsen-Noord")
    page.get_by_label("Opens on").fill(today.isoformat())
    page.get_by_label("Closes on").fill((today + datetime.timedelta(days=21)).isoformat())
    page.get_by_label("Smallest group shown").fill("3")
    page.get_by_label("Schools").fill("De Duinroos\nHet Kompas")
    page.get_by_role("button", name="Set up the survey").click()
    # Too small a group is refused with a message tied to the field; what was typed stays.
    expect(page.get_by_role("alert").first).to_contain_text("At least 5")
    expect(page.get_by_label("Title")).to_have_value("Browserpeiling Velsen-Noord")
    page.get_by_label("Smallest group shown").fill("10")
    page.get_by_role("button", name="Set up the survey").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Browserpeiling Velsen-Noord")
    code = page.locator(".portal-facts strong").first.inner_text()
    assert re.fullmatch(r"KIND-[A-Z2-9]{4}", code)
    expect(page.locator(f'a[href="{base_url}/doe-mee/{code}/"]')).to_have_text(f"{base_url}/doe-mee/{code}/")
    expect(page.get_by_role("img", name=re.compile("^QR code for"))).to_be_visible()
    assert axe_violations(page) == []

    with page.expect_download() as download:
        page.get_by_role("listitem").filter(has_text="Poster with the QR code").get_by_role("link").first.click()
    content = open(download.value.path(), "rb").read()
    assert content.startswith(b"%PDF")
    text = " ".join(page_.extract_text() for page_ in PdfReader(io.BytesIO(content)).pages)
    assert code in text
    page.goto(plan_url)
    expect(page.get_by_role("link", name="Surveys", exact=True)).to_be_visible()


def test_the_demo_results_and_public_pages_are_accessible(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    open_demo_plan(page)
    page.get_by_role("link", name="Surveys", exact=True).click()
    page.get_by_role("link", name=DEMO_RUN, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_RUN)
    assert axe_violations(page) == []
    page.get_by_role("link", name="Results", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Results of {DEMO_RUN}")
    expect(page.get_by_role("rowheader", name="De Vuurtoren").first).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Review open answers").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review open answers")
    expect(page.locator("main")).not_to_contain_text("sanne.dekker@example.com")
    assert axe_violations(page) == []

    public = browser.new_context(base_url=base_url).new_page()
    for address in ("/doe-mee/DEMO-KIND/resultaten/", "/en/doe-mee/DEMO-KIND/resultaten/", "/ar/doe-mee/DEMO-KIND/resultaten/"):
        public.goto(address)
        expect(public.get_by_role("heading", level=1)).to_be_visible()
        expect(public.get_by_role("heading", level=2).first).to_be_visible()
        # The team's response is in Dutch only, whatever the language of the page.
        expect(public.locator("main")).to_contain_text("Dank je wel aan alle kinderen")
        expect(public.locator("main")).not_to_contain_text("De Vuurtoren")
        if address.startswith("/en/"):
            expect(public.locator("main")).to_contain_text("children who answered")
        assert axe_violations(public) == [], address
