"""A reader opens the explanation of a term on a step page with the keyboard, with and without JavaScript."""

import re

import pytest
import yaml
from playwright.sync_api import expect

from stappen.demo.glossary import CONTENT
from tests.browser.conftest import axe_violations

STEP = {"nl": ("/stappenplan/", "Stap 2"), "en": ("/en/stappenplan/", "Step 2")}


def open_step_two(page, language):
    index, link = STEP[language]
    page.goto(index)
    page.get_by_role("link", name=re.compile(rf"^{link}\b")).click()
    expect(page.locator(".portal-term").first).to_be_attached()


def tab_to_first_term(page):
    """Tab from the top of the page until a term has the focus: terms are reached like any other control."""
    for _press in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('portal-term')"):
            return page.locator(".portal-term:focus")
    raise AssertionError("no term was reached with the Tab key")


def expanded(page) -> bool:
    """Whether assistive technology is told that the focused button's explanation is open."""
    session = page.context.new_cdp_session(page)
    for node in session.send("Accessibility.getFullAXTree")["nodes"]:
        properties = {item["name"]: item["value"].get("value") for item in node.get("properties", [])}
        if node.get("role", {}).get("value") == "button" and properties.get("focused"):
            return properties.get("expanded")
    raise AssertionError("no focused button")


def explanation_of(term):
    return term.page.locator(f"#{term.get_attribute('popovertarget')}")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_keyboard_opens_and_closes_a_terms_explanation(page, language):
    open_step_two(page, language)
    term = tab_to_first_term(page)
    explanation = explanation_of(term)
    expect(explanation).to_be_hidden()
    assert expanded(page) is False

    page.keyboard.press("Enter")
    expect(explanation).to_be_visible()
    assert expanded(page) is True
    terms = {entry["term"][language] for entry in yaml.safe_load(CONTENT.read_text(encoding="utf-8"))}
    assert explanation.locator(".portal-term__name").inner_text() in terms
    assert axe_violations(page) == []

    page.keyboard.press("Escape")
    expect(explanation).to_be_hidden()
    expect(term).to_be_focused()
    page.keyboard.press("Space")
    expect(explanation).to_be_visible()


def test_explanations_open_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    open_step_two(page, "nl")
    term = tab_to_first_term(page)
    page.keyboard.press("Enter")
    expect(explanation_of(term)).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_an_open_explanation_stays_within_the_screen(browser, base_url, width):
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 800})
    page = context.new_page()
    open_step_two(page, "nl")
    term = page.locator(".portal-term").last
    term.click()
    box = explanation_of(term).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["y"] >= 0 and box["y"] + box["height"] <= 800
    assert axe_violations(page) == []
    context.close()
