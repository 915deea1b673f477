"""Visitors, respondents and team members who use only a keyboard reach everything, and always see where the
focus is (WCAG 2.1: 2.1.1 keyboard, 2.4.1 bypass blocks, 2.4.7 focus visible)."""

import re

from playwright.sync_api import expect

FOCUS_SHOWN = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
}"""


def tab_to(page, selector: str, limit: int = 120, backwards: bool = False):
    """Press Tab (or Shift+Tab) until the focused element matches selector; every stop must show its focus."""
    for _press in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate("() => document.activeElement !== document.body"):
            assert page.evaluate(FOCUS_SHOWN), page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return page.locator(":focus")
    raise AssertionError(f"{selector} was not reached with the keyboard")


def follow(page):
    """Press Enter on the focused link or button and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_visitor_skips_to_the_content_and_reaches_step_three(page):
    page.goto("/")
    skip = tab_to(page, ".utrecht-skip-link", limit=3)
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    tab_to(page, 'a[href="/stappenplan/"]')
    follow(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Stappenplan")
    tab_to(page, 'a[href^="/stappenplan/stap-3"]')
    follow(page)
    expect(page.locator(".utrecht-pre-heading").first).to_contain_text("Stap 3")


def test_a_child_answers_the_survey_with_the_keyboard_alone(page):
    page.goto("/doe-mee/DEMO-KIND/")
    tab_to(page, "[data-screen]:not([hidden]) [data-next]")
    page.keyboard.press("Enter")
    answered = 0
    while page.locator("[data-screen]:not([hidden])").get_attribute("data-kind") is not None:
        kind = page.locator("[data-screen]:not([hidden])").get_attribute("data-kind")
        if kind == "open_text":
            tab_to(page, "[data-screen]:not([hidden]) textarea")
            page.keyboard.type("Een plek om samen huiswerk te maken")
        else:
            tab_to(page, "[data-screen]:not([hidden]) input")
            page.keyboard.press("Space")
        answered += 1
        tab_to(page, "[data-screen]:not([hidden]) [data-next]")
        page.keyboard.press("Enter")
    assert answered >= 10
    tab_to(page, "[data-send]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/doe-mee/DEMO-KIND/bedankt/$"))


def test_a_team_member_signs_in_and_saves_an_answer_with_the_keyboard_alone(page):
    page.goto("/accounts/login/")
    tab_to(page, "input[name=login]")
    page.keyboard.type("s.elidrissi@velsen.example")
    tab_to(page, "input[name=password]")
    page.keyboard.type("demo-wachtwoord-2026")
    follow(page)
    page.goto("/werkruimte/")
    tab_to(page, 'a[href^="/werkruimte/1/"]')
    follow(page)
    tab_to(page, 'a[href$="/stap/1/"]')
    follow(page)
    field = tab_to(page, "form textarea")
    page.keyboard.press("Control+A")
    page.keyboard.type("Met het toetsenbord ingevuld.")
    expect(field).to_have_value("Met het toetsenbord ingevuld.")
    tab_to(page, 'form button[type="submit"]')
    follow(page)
    expect(page.locator("textarea").filter(has_text="Met het toetsenbord ingevuld.").first).to_be_visible()
