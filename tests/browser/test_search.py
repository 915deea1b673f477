"""Municipalities search the portal by words and filters."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations


def search_for(page, words, start="/"):
    page.goto(start)
    page.get_by_role("search").get_by_role("combobox").fill(words)
    page.get_by_role("search").get_by_role("button").click()


def test_armoedemonitor_finds_utrecht_and_zaanstad_and_step_six_keeps_them(page):
    search_for(page, "armoedemonitor")
    results = page.locator(".portal-results .portal-card")
    expect(results.filter(has_text="Utrecht").first).to_be_visible()
    expect(results.filter(has_text="Zaanstad").first).to_be_visible()
    page.get_by_role("checkbox", name=re.compile(r"^Stap 6")).check()
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(re.compile(r"q=armoedemonitor.*steps=6"))
    expect(results.filter(has_text="Utrecht").first).to_be_visible()
    expect(results.filter(has_text="Zaanstad").first).to_be_visible()
    expect(page.get_by_role("combobox")).to_have_value("armoedemonitor")


def test_velsen_finds_the_velsen_example(page):
    search_for(page, "Velsen", start="/zoeken/")
    page.get_by_role("link", name=re.compile(r"^Velsen")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Velsen")


def test_english_search(page):
    search_for(page, "poverty monitor", start="/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".portal-results .portal-card").filter(has_text="Utrecht").first).to_be_visible()


def test_a_part_of_a_compound_finds_the_debt_help_intervention_with_the_part_marked(page):
    search_for(page, "schuldhulp", start="/zoeken/")
    results = page.locator(".portal-results .portal-card")
    debt_help = results.filter(has_text="Schuldhulpverlening voor gezinnen")
    expect(debt_help).to_have_count(1)
    assert "Schuldhulpverlening voor gezinnen" in results.locator("h3").all_inner_texts()[:3]
    expect(debt_help.locator("h3 mark")).to_have_text("Schuldhulp")


def test_english_debt_finds_the_debt_help_intervention(page):
    search_for(page, "debt", start="/en/")
    headings = page.locator(".portal-results .portal-card h3").all_inner_texts()
    assert any("debt" in heading.lower() for heading in headings[:3]), headings
    expect(page.locator(".portal-results .portal-card h3 mark").first).to_be_visible()


def test_a_typing_error_is_searched_for_and_said(page):
    search_for(page, "kindpaket", start="/zoeken/")
    expect(page.locator(".portal-related")).to_contain_text("kindpakket")
    expect(page.locator(".portal-results .portal-card").first).to_contain_text("lijkt op “kindpaket”")


def test_misspelling_offers_the_right_word(page):
    search_for(page, "armodemonitr", start="/zoeken/")
    page.get_by_role("link", name="armoedemonitor", exact=True).click()
    expect(page.locator(".portal-results .portal-card").filter(has_text="Zaanstad").first).to_be_visible()


def test_search_box_suggests_titles_while_typing(page):
    page.goto("/zoeken/")
    with page.expect_response(re.compile(r"/zoeken/suggesties/\?q=armoe")):
        page.get_by_role("combobox").press_sequentially("armoe", delay=30)
    expect(page.locator("datalist option").first).to_have_attribute("value", re.compile(".+"))


def test_search_works_without_javascript_at_320_pixels(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    search_for(page, "schulden")
    assert page.locator(".portal-results .portal-card").count() > 0
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    context.close()


@pytest.mark.parametrize("path", ["/zoeken/?q=armoedemonitor", "/en/zoeken/?q=school", "/zoeken/?q=qwertyuiop"])
def test_no_serious_accessibility_violations_on_search_pages(page, path):
    page.goto(path)
    assert axe_violations(page) == []
