"""A policy officer filters practice examples and interventions, and finds them on the step pages."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations


def test_filter_examples_by_step_with_checkboxes(page):
    page.goto("/voorbeelden/")
    page.get_by_role("checkbox", name=re.compile(r"^Stap 6")).check()
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(re.compile(r"steps=6"))
    cards = page.locator(".portal-card")
    expect(cards.filter(has_text="Utrecht")).to_have_count(1)
    expect(cards.filter(has_text="Zaanstad")).to_have_count(1)
    expect(cards.filter(has_text="Velsen")).to_have_count(0)
    page.get_by_role("link", name=re.compile("Zaanstad")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zaanstad")


def test_interventions_filter_combines_facets_and_clears(page):
    page.goto("/interventies/")
    total = page.locator(".portal-card").count()
    page.get_by_role("checkbox", name=re.compile(r"^Ouders")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Gezin")).check()
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(re.compile(r"target_groups=parents.*life_domains=family|life_domains=family.*target_groups=parents"))
    assert 0 < page.locator(".portal-card").count() < total
    page.get_by_role("link", name="Alle filters wissen").click()
    expect(page.locator(".portal-card")).to_have_count(total)


def test_interventions_filtered_on_evidence_show_the_value_for_provisions(page):
    page.goto("/interventies/")
    page.get_by_role("checkbox", name=re.compile(r"^Niet van toepassing: voorziening")).check()
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(re.compile(r"evidence_level=not_applicable"))
    cards = page.locator(".portal-card")
    expect(cards.filter(has_text="Voedselbank")).to_have_count(1)
    expect(cards.filter(has_text="SchuldHulpMaatje")).to_have_count(1)
    expect(cards.filter(has_text="Home-Start")).to_have_count(0)
    assert cards.count() == cards.filter(has_text="Niet van toepassing: voorziening").count()


def test_home_start_shows_its_level_with_date_target_group_and_link(page):
    page.goto("/interventies/?themes=parenting_support")
    page.get_by_role("link", name="Home-Start (Humanitas)").click()
    evidence = page.locator(".portal-facts__row", has_text="Bewijskracht")
    expect(evidence).to_contain_text(
        "Effectief volgens goede aanwijzingen — beoordeeld op 8 april 2019 voor ouders met minstens één kind van zes jaar of jonger"
    )
    link = evidence.get_by_role("link", name="Vermelding in de landelijke databank")
    expect(link).to_have_attribute("href", re.compile(r"^https://www\.nji\.nl/.*/Home-Start$"))


def test_step_six_shows_its_examples(page):
    page.goto("/stappenplan/")
    page.get_by_role("link", name=re.compile(r"^Stap 6\b")).click()
    practice = page.get_by_role("region", name="Uit de praktijk")
    expect(practice.get_by_role("link", name=re.compile("Utrecht"))).to_be_visible()
    practice.get_by_role("link", name="Alle praktijkvoorbeelden bij deze stap").click()
    expect(page.get_by_role("checkbox", name=re.compile(r"^Stap 6"))).to_be_checked()


@pytest.mark.parametrize("path", [
    "/voorbeelden/", "/interventies/?target_groups=children", "/interventies/?evidence_level=not_applicable",
    "/en/voorbeelden/", "/voorbeelden/velsen-beleidsplan-kinderarmoede/", "/interventies/home-start/",
])
def test_no_serious_accessibility_violations_on_practice_pages(page, path):
    page.goto(path)
    assert axe_violations(page) == []


def test_filters_work_at_320_pixels_and_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto("/interventies/")
    page.get_by_role("checkbox", name=re.compile(r"^Kinderen")).check()
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(re.compile(r"target_groups=children"))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    context.close()
