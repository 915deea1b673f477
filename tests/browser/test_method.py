"""A visitor walks from home to step 3 and finds its worksheet questions and resources, in Dutch and English."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations

WALKS = {
    "nl": {"home": "/", "cta": "Bekijk de zeven stappen", "index": "Stappenplan", "step": "Stap 3", "questions": "Belangrijke vragen vooraf"},
    "en": {"home": "/en/", "cta": "View the seven steps", "index": "The seven-step plan", "step": "Step 3", "questions": "Questions to settle first"},
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_home_to_step_three(page, language):
    walk = WALKS[language]
    page.goto(walk["home"])
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.get_by_role("link", name=walk["cta"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(walk["index"])

    page.get_by_role("link", name=re.compile(rf"^{walk['step']}\b")).click()
    expect(page.locator(".utrecht-pre-heading").first).to_contain_text(walk["step"])
    expect(page.get_by_role("heading", name=walk["questions"])).to_be_visible()
    assert page.locator(".portal-question").count() >= 8
    resources = page.locator(".portal-resource a")
    assert resources.count() >= 3
    assert all(href.startswith("https://") for href in resources.evaluate_all("links => links.map(a => a.href)"))
    expect(page.get_by_role("navigation", name=re.compile("Kruimelpad|Breadcrumbs"))).to_be_visible()


def test_language_switch_keeps_the_visitor_on_the_same_step(page):
    page.goto("/stappenplan/")
    page.get_by_role("link", name=re.compile(r"^Stap 3\b")).click()
    dutch_title = page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".utrecht-pre-heading").first).to_contain_text("Step 3 of 7")
    assert page.get_by_role("heading", level=1).inner_text() != dutch_title
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nederlands").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(dutch_title)


@pytest.mark.parametrize("path", ["/", "/stappenplan/", "/en/", "/en/stappenplan/"])
def test_no_serious_accessibility_violations_on_home_and_index(page, path):
    page.goto(path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_serious_accessibility_violations_on_step_pages(page, language):
    page.goto("/stappenplan/" if language == "nl" else "/en/stappenplan/")
    links = page.locator(".portal-step-card a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    continuous = page.locator(".portal-callout--continuous a").get_attribute("href")
    for path in [*links, continuous]:
        page.goto(path)
        assert axe_violations(page) == [], path


def test_skip_link_moves_focus_to_the_content(page):
    page.goto("/stappenplan/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


def test_focus_is_visible_on_links(page):
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_works_at_320_pixels_without_sideways_scrolling(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ["/", "/stappenplan/", "/en/stappenplan/"]:
        page.goto(path)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320, path
    page.goto("/stappenplan/")
    page.locator(".portal-step-card a").nth(2).click()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    context.close()


def test_works_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name="Bekijk de zeven stappen").click()
    page.get_by_role("link", name=re.compile(r"^Stap 3\b")).click()
    assert page.locator(".portal-question").count() >= 8
    expect(page.locator("[data-print]")).to_be_hidden()
    context.close()


def test_print_button_appears_with_javascript(page):
    page.goto("/stappenplan/")
    page.locator(".portal-step-card a").first.click()
    expect(page.get_by_role("button", name="Werkblad afdrukken")).to_be_visible()


def test_printed_worksheet_hides_the_site_chrome_and_shows_answer_space(page):
    page.goto("/stappenplan/")
    page.locator(".portal-step-card a").first.click()
    page.emulate_media(media="print")
    expect(page.locator(".portal-header")).to_be_hidden()
    expect(page.locator(".portal-answer").first).to_be_visible()


def test_no_request_leaves_the_site(page, base_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["/", "/stappenplan/", "/en/stappenplan/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(base_url) for url in requested), [u for u in requested if not u.startswith(base_url)]
