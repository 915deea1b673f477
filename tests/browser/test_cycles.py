"""A coordinator starts next year's plan after being told what happens, and undoes it while nobody changed it."""

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.test_workspace import log_in, start_team


def test_starting_the_next_plan_asks_first_and_can_be_undone(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    log_in(page, "beleid@zaanstad.example")
    plan_url = start_team(page, "Browserteam cyclus")

    page.get_by_role("link", name="Start the plan for 2028").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start the plan for 2028")
    expect(page.get_by_role("note")).to_contain_text("Nothing has been filled in on the plan for 2027 yet.")
    expect(page.get_by_text("nobody can change it")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Back to the plan for 2027").click()
    expect(page).to_have_url(plan_url)

    page.get_by_role("link", name="Start the plan for 2028").click()
    page.get_by_role("button", name="Start the plan for 2028").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("plan for 2028")

    page.get_by_role("link", name="Reopen the plan for 2027").click()
    expect(page.get_by_text("the plan for 2028 is removed")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Reopen the plan for 2027").click()
    expect(page).to_have_url(plan_url)
    expect(page.get_by_role("status")).to_contain_text("The plan for 2027 is open for changes again.")
    expect(page.get_by_role("link", name="Start the plan for 2028")).to_be_visible()


def test_the_confirmation_reads_well_on_a_phone(browser, base_url):
    page = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 640}).new_page()
    log_in(page, "beleid@zaanstad.example")
    start_team(page, "Browserteam cyclus telefoon")
    page.get_by_role("link", name="Start the plan for 2028").click()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    expect(page.get_by_role("button", name="Start the plan for 2028")).to_be_visible()
