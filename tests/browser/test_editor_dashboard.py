"""An editor's dashboard shows what needs looking at, with real figures, and leads to the link report."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.server import django_process
from tests.users import PASSWORD, current_code

PANELS = ["#searches-without-results-section", "#broken-links-section", "#stale-translations-section",
          "#questionnaires-in-use-section"]


@pytest.fixture
def real_figures(server_database):
    """On the server's database: a search that found nothing, the link check run against a local web server
    (two interventions pointing at it), and a Dutch step published after its translation."""
    figures = django_process("""
from links.checking import record
from links.finding import external_links
from links.probing import probe_all
from search import statistics
from wagtail.models import Locale
from stappen.models import StepPage
from tests.link_server import link_server
from voorbeelden.models import InterventionPage

for _search in range(5):
    statistics.record("fietsenbank ijmuiden", "nl", 0)
statistics.flush()
pages = list(InterventionPage.objects.filter(locale__language_code="nl").order_by("title")[:2])
originals = {page.pk: page.url for page in pages}
with link_server() as (_server, base):
    for page, path in zip(pages, ["/missing", "/moved"]):
        InterventionPage.objects.filter(pk=page.pk).update(url=base + path)
    found = {url: carriers for url, carriers in external_links().items() if url.startswith(base)}
    record(found, probe_all(found, timeout=2))
for pk, url in originals.items():
    InterventionPage.objects.filter(pk=pk).update(url=url)
step = StepPage.objects.get(number=4, locale__language_code="nl")
step.save_revision().publish()
print(json.dumps({"missing": base + "/missing", "moved": base + "/moved", "broken_on": pages[0].title,
                  "translation": step.get_translation(Locale.objects.get(language_code="en")).title}))
""", server_database)
    yield figures
    django_process("""
from links.models import Link
Link.objects.all().delete()
print("{}")
""", server_database)


def log_in_as_editor(page, server_database, email):
    secret = django_process(f"""
from tests.users import enrol_totp, make_user
print(json.dumps(enrol_totp(make_user({email!r}, group="Editors"))))
""", server_database)
    page.goto("/accounts/login/?next=/admin/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.locator("input[name=code]").fill(current_code(secret))
    page.locator("input[name=code]").press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_an_editor_sees_the_panels_with_real_figures_and_opens_the_link_report(page, server_database, real_figures):
    log_in_as_editor(page, server_database, "dashboard@nji.example")

    searches = page.locator("#searches-without-results-section")
    expect(searches.get_by_role("heading")).to_have_text("Zoekopdrachten zonder resultaat")
    expect(searches.get_by_role("row", name=re.compile("fietsenbank ijmuiden"))).to_contain_text("Nederlands")

    links = page.locator("#broken-links-section")
    expect(links.get_by_role("row").filter(has_text=real_figures["missing"])).to_contain_text("Kapot (404)")
    expect(links.get_by_role("row").filter(has_text=real_figures["missing"])).to_contain_text(
        real_figures["broken_on"])
    expect(links.get_by_role("row").filter(has_text=real_figures["moved"])).to_contain_text("Verhuisd")

    translations = page.locator("#stale-translations-section")
    expect(translations.get_by_role("link", name=real_figures["translation"])).to_be_visible()
    expect(translations).to_contain_text("Bijwerken vanuit")

    surveys = page.locator("#questionnaires-in-use-section")
    expect(surveys.get_by_role("row", name=re.compile("Hoe gaat het met jou?"))).to_be_visible()

    assert axe_violations(page) == []

    links.get_by_role("link", name="Alle kapotte en verhuisde links, met wat je kunt doen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kapotte en verhuisde links")
    moved = page.get_by_role("row").filter(has_text=real_figures["moved"])
    expect(moved).to_contain_text("Gaat nu naar:")
    expect(moved.get_by_role("link", name=real_figures["moved"].replace("/moved", "/ok"))).to_be_visible()


def test_the_panels_fit_a_phone(browser, base_url, server_database, real_figures):
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 800})
    page = context.new_page()
    log_in_as_editor(page, server_database, "dashboard-telefoon@nji.example")

    for panel in PANELS:
        box = page.locator(panel).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, panel
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    context.close()
