"""A new team meets a start checklist that ticks itself off."""

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.test_workspace import log_in, start_team


def test_a_new_team_is_guided_and_the_checklist_ticks_itself_off(browser, base_url):
    page = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 800}).new_page()
    log_in(page, "beleid@zaanstad.example")
    start_team(page, "Browserteam start")
    checklist = page.get_by_role("region", name="Getting started")
    expect(checklist.get_by_role("listitem")).to_have_count(4)
    expect(checklist.locator("#start-meeting")).to_contain_text("still to do")
    assert axe_violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360

    checklist.get_by_label("Date of the first meeting").fill("2027-01-15")
    checklist.get_by_role("button", name="Save the date").click()
    expect(page.get_by_role("status")).to_contain_text("The first meeting is in the plan.")
    expect(page.locator("#start-meeting")).to_contain_text("done")
    expect(page.locator("#start-meeting")).to_contain_text("On Jan. 15, 2027.")
    page.get_by_role("link", name="Open step 1").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Step 1")
