"""Step 3's analysis in a real browser: the demo team's figures as charts and tables, the learning cycle, adding a
local figure, turning a concern into a result with its baseline from the figures, step 6's trends and the page's
accessibility on a small phone.

The pages are in Dutch, the default language. UI texts are matched through Django's gettext of their English
msgid (so the tests keep passing once the translations are done); the demo data (names, numbers) is matched as is.

Like the other browser tests, these share one demo database per session. The demo team's state is changed only in
ways the later tests expect: the walk through the figures comes before recording a discussion (which takes away the
"new" marks), and the local figure and the result made from a concern are removed again at the end of their tests.
"""

import re
from decimal import Decimal

import pytest
import yaml
from django.utils import translation
from playwright.sync_api import expect

from gemeenten.figures.charts import format_value
from gemeenten.sections import SECTIONS
from tests.browser.conftest import axe_violations
from tests.browser.test_workspace import log_in
from tests.server import ROOT

DEMO_TEAM = "Samen tegen armoede Velsen"
DEMO_MEMBER = "s.elidrissi@velsen.example"
SHARE = "kinderen-laag-inkomen-pct"  # the demo's national figure with districts, the Netherlands and new 2025 values
CONCERN = "In Velsen-Noord groeit bijna één op de negen kinderen op in een gezin met een laag inkomen."
ANCHORS = ("learning-cycle", "national-figures", "local-figures", "survey-results", "section-signalen", "worksheet",
            "section-zorgen-en-kansen")


def nl(msgid: str, **values) -> str:
    """The Dutch text of a UI string, as the server shows it (the English msgid until it is translated)."""
    with translation.override("nl"):
        text = translation.gettext(msgid)
    return text % values if values else text


def percent(number: str) -> str:
    """A percentage as the figures write it, e.g. percent("7,3") == "7,3 %" in Dutch."""
    return nl("%(number)s%%", number=number)


def blocktranslated(msgid: str, **patterns) -> re.Pattern:
    """A pattern for a translated message whose placeholders may hold any text, e.g. a date."""
    marked = nl(msgid, **{name: f"\x00{name}\x00" for name in patterns})
    pattern = re.escape(marked)
    for name, part in patterns.items():
        pattern = pattern.replace(re.escape(f"\x00{name}\x00"), part)
    return re.compile(pattern)


def indicator_names() -> dict[str, str]:
    """Indicator code → Dutch name, from the catalogue the demo loads."""
    catalogue = yaml.safe_load((ROOT / "gemeenten" / "figures" / "indicators.yaml").read_text(encoding="utf-8"))
    return {indicator["code"]: indicator["name"]["nl"] for indicator in catalogue["indicators"]}


def open_demo_plan(page, email=DEMO_MEMBER) -> str:
    log_in(page, email, next_url="/werkruimte/")
    page.get_by_role("link", name=DEMO_TEAM).click()
    expect(page).to_have_url(re.compile(r"/werkruimte/\d+/\d{4}/$"))
    return page.url


def open_step(page, plan_url: str, code: str) -> None:
    page.goto(f"{plan_url}stap/{code}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def messages(page):
    """The messages after a redirect ("… has been added"), not the answers' autosave statuses."""
    return page.locator(".portal-messages[role=status]")


def cell(table, row: str, column: str):
    """The cell of a data table in the row headed `row` and the column headed `column`, found through the headers."""
    headers = [text.strip() for text in table.locator("thead th").all_inner_texts()]
    assert column in headers, f"no column {column!r} in {headers}"
    found = table.get_by_role("row").filter(has=table.page.get_by_role("rowheader", name=row, exact=True))
    expect(found).to_have_count(1)
    return found.locator("th, td").nth(headers.index(column))


def figure_table(figure, row: str):
    """The table of a figure that has a row headed `row` (a figure can have a second table per district)."""
    table = figure.locator("table").filter(has=figure.page.get_by_role("rowheader", name=row, exact=True))
    expect(table).to_have_count(1)
    return table


def test_the_demo_member_walks_through_the_figures_of_step_3(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    plan_url = open_demo_plan(page)
    open_step(page, plan_url, "3")

    contents = page.locator("nav.portal-contents")
    links = contents.get_by_role("link")
    assert [href.removeprefix("#") for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))")] \
        == list(ANCHORS)
    for anchor in ANCHORS:
        contents.locator(f'a[href="#{anchor}"]').click()
        expect(page).to_have_url(re.compile(f"#{anchor}$"))
        expect(page.locator(f"#{anchor}")).to_be_in_viewport()

    note = page.get_by_role("note").filter(has_text=nl(
        "Figures marked “demo figures, made up” were invented for the demonstration. "
        "They are not real figures of this municipality."))
    expect(note).to_be_visible()

    name = indicator_names()[SHARE]
    figure = page.locator(f"section.portal-figure#figure-{SHARE}")
    heading = figure.get_by_role("heading", level=3).first
    expect(heading).to_have_id(f"figure-{SHARE}-heading")
    expect(heading).to_contain_text(name)
    expect(heading.locator(".portal-status--demo")).to_have_text(nl("demo figures, made up"))
    chart = figure.locator(".portal-figure__chart svg").first
    expect(chart).to_have_attribute("role", "img")
    # The chart is labelled by its title (then its summary, the <desc>); the title is the indicator of the heading.
    expect(chart.locator("title")).to_have_text(name)
    expect(figure.get_by_role("img", name=re.compile("^" + re.escape(name))).first).to_be_visible()
    assert heading.evaluate("h => h.firstChild.textContent.trim()") == chart.locator("title").text_content()

    table = figure_table(figure, "Velsen")
    expect(cell(table, "Velsen", "2024")).to_have_text(percent("7,3"))
    netherlands = nl("the Netherlands")
    expect(cell(table, netherlands, "2024")).to_have_text(percent("6,5"))
    expect(cell(table, "Velsen", "2024").locator(".portal-status--new")).to_have_count(0)
    latest = cell(table, "Velsen", "2025")
    expect(latest).to_contain_text(percent("7,6") + "*")
    expect(latest.locator(".portal-status--new")).to_have_text(nl("new"))
    expect(cell(table, netherlands, "2025").locator(".portal-status--new")).to_have_text(nl("new"))

    districts = figure_table(figure, "Santpoort")
    expect(cell(districts, "Santpoort", "2024")).to_have_text(nl("secret"))
    expect(cell(districts, "Velsen-Noord", "2024")).to_have_text(percent("11,4"))
    district_chart = figure.locator(f"svg#chart-{SHARE}-districts, svg[aria-labelledby^='chart-{SHARE}-districts-']")
    expect(district_chart).to_have_attribute("role", "img")
    expect(district_chart.locator("text", has_text="Santpoort")).to_have_count(1)


def test_recording_a_discussion_of_the_figures_takes_away_the_new_marks(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    plan_url = open_demo_plan(page)
    open_step(page, plan_url, "3")
    cycle = page.locator("#learning-cycle")
    changes = cycle.locator("ul.portal-changes")
    expect(changes).to_be_visible()
    share = changes.get_by_role("listitem").filter(has=page.locator(f'a[href="#figure-{SHARE}"]'))
    expect(share.first).to_contain_text(percent("7,6") + "*")
    expect(page.locator(f"#figure-{SHARE} .portal-status--new").first).to_be_visible()
    earlier = cycle.locator("details summary")
    expect(earlier).to_have_text(re.compile(r"^1\b"))

    cycle.locator("form textarea").first.fill("De stijging in 2025 herkennen we van de inloop in Velsen-Noord.")
    cycle.get_by_role("button", name=nl("Record our discussion of the figures")).click()

    expect(page).to_have_url(re.compile(r"/stap/3/#learning-cycle$"))
    expect(messages(page)).to_contain_text(
        nl("The discussion has been recorded. Figures that arrive from now on are marked as new."))
    cycle = page.locator("#learning-cycle")
    expect(cycle).to_contain_text(blocktranslated("No new figures since you discussed the figures on %(date)s.",
                                                  date=r"\d{1,2} \w+ \d{4}"))
    expect(cycle.locator("ul.portal-changes")).to_have_count(0)
    expect(cycle.get_by_role("button", name=nl("Record our discussion of the figures"))).to_have_count(0)
    expect(cycle.locator("details summary")).to_have_text(re.compile(r"^2\b"))
    cycle.locator("details summary").click()
    expect(cycle.locator("details")).to_contain_text("De stijging in 2025 herkennen we van de inloop in Velsen-Noord.")
    figure = page.locator(f"#figure-{SHARE}")
    expect(figure.locator(".portal-status--new")).to_have_count(0)
    expect(cell(figure_table(figure, "Velsen"), "Velsen", "2025")).to_have_text(percent("7,6") + "*")
    expect(figure.locator(f"#chart-{SHARE}-new")).to_have_count(0)


def test_a_member_adds_a_local_figure_and_a_wrong_value_is_refused(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    plan_url = open_demo_plan(page)
    open_step(page, plan_url, "3")
    name = indicator_names()[SHARE]
    source = "Eigen telling Werk en Inkomen (browsertest)"

    form = page.locator("#local-figures-form")
    form.get_by_label(nl("Indicator"), exact=True).select_option(label=name)
    form.get_by_label(nl("Year"), exact=True).fill("2018")
    form.get_by_label(nl("Value"), exact=True).fill("12,5")
    form.locator("#id_source").fill(source)
    form.get_by_role("button", name=nl("Add the figure")).click()

    expect(page).to_have_url(re.compile(r"/stap/3/#local-figures$"))
    expect(messages(page)).to_contain_text(nl("“%(figure)s” has been added.", figure=f"{name}, 2018"))
    own = page.locator("details#own-figures")
    own.locator("summary").click()
    expect(own).to_have_attribute("open", "")
    own_table = own.get_by_role("table")
    entered = own_table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name, exact=True))
    expect(entered).to_have_count(1)
    headers = [text.strip() for text in own_table.locator("thead th").all_inner_texts()]
    cells = entered.locator("th, td")
    expect(cells.nth(headers.index(nl("Year")))).to_have_text("2018")
    expect(cells.nth(headers.index(nl("Value")))).to_have_text(percent("12,5"))
    expect(entered).to_contain_text(source)
    figure = page.locator(f"#figure-{SHARE}")
    expect(cell(figure_table(figure, "Velsen"), "Velsen", "2018")).to_contain_text(percent("12,5"))

    # A value that is not a number: the form comes back on a page of its own, with what was typed.
    form = page.locator("#local-figures-form")
    form.get_by_label(nl("Indicator"), exact=True).select_option(label=name)
    form.get_by_label(nl("Year"), exact=True).fill("2017")
    form.get_by_label(nl("Value"), exact=True).fill("abc")
    form.locator("#id_source").fill(source)
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        form.get_by_role("button", name=nl("Add the figure")).click()
    assert posted.value.status == 422
    error = nl("Enter a number, for example 412 or 23,5.")
    expect(page.get_by_role("alert").first).to_contain_text(error)
    expect(page.locator("#id_value_error")).to_have_text(error)
    expect(page.locator("#id_value")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_value")).to_have_value("abc")
    expect(page.locator("#id_source")).to_have_value(source)
    expect(page.get_by_label(nl("Year"), exact=True)).to_have_value("2017")
    assert axe_violations(page) == []

    # Taking the figure away again leaves the demo team's figures as they were.
    open_step(page, plan_url, "3")
    own = page.locator("details#own-figures")
    own.locator("summary").click()
    own.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name, exact=True)) \
        .get_by_role("link").click()
    page.get_by_role("button", name=re.compile("^" + re.escape(nl("Remove")))).click()
    expect(messages(page)).to_contain_text(nl("“%(figure)s” has been removed.", figure=f"{name}, 2018"))
    expect(figure_table(page.locator(f"#figure-{SHARE}"), "Velsen").locator("thead")).not_to_contain_text("2018")


def test_a_concern_of_step_3_becomes_a_result_with_its_baseline_from_the_figures(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    plan_url = open_demo_plan(page)
    open_step(page, plan_url, "3")
    concerns = page.locator("#section-zorgen-en-kansen")
    expect(concerns.get_by_role("row").filter(has_text=CONCERN)).to_have_count(1)

    open_step(page, plan_url, "4")
    starting = page.locator(".portal-starting-list")
    item = starting.get_by_role("listitem").filter(has_text=CONCERN)
    expect(item).to_have_count(1)
    item.get_by_role("link", name=re.compile("^" + re.escape(nl("Make this a result")))).click()

    expect(page).to_have_url(re.compile(r"/stap/4/\?finding=\d+#section-resultaten-form$"))
    form = page.locator("#section-resultaten-form")
    expect(form.locator("#id_resultaten-result")).to_have_value(CONCERN)
    name = indicator_names()[SHARE]
    indicator = form.locator("#id_resultaten-catalogue_indicator")
    indicator.select_option(label=name)
    expect(indicator.locator("option:checked")).to_have_text(name)
    expect(form.locator("#id_resultaten-baseline")).to_have_value("")
    form.locator("#id_resultaten-target").fill("6%")
    form.locator("#id_resultaten-target_year").fill("2030")
    form.get_by_role("button", name=nl("Add"), exact=True).click()

    expect(messages(page)).to_contain_text(CONCERN[:40])
    results = page.locator("#section-resultaten table")
    with translation.override("nl"):
        _result, indicator_header, baseline_header, _target, source_header = SECTIONS["resultaten"].headers()
    # The baseline is the latest year's value for Velsen: 2025, provisional 7,6%, and it says so.
    provisional = nl("%(value)s (provisional)", value=percent("7,6"))
    expect(cell(results, CONCERN, baseline_header)).to_have_text(f"{provisional} (2025)")
    expect(cell(results, CONCERN, indicator_header)).to_have_text(name)
    expect(cell(results, CONCERN, source_header)).to_contain_text("Velsen")
    starting = page.locator(".portal-starting-list")
    expect(starting).not_to_contain_text(CONCERN)

    # Removing the result puts the concern back on the starting list.
    results.get_by_role("row").filter(has=page.get_by_role("rowheader", name=CONCERN, exact=True)) \
        .get_by_role("link").click()
    page.get_by_role("button", name=re.compile("^" + re.escape(nl("Remove")))).click()
    expect(page.locator(".portal-starting-list").get_by_role("listitem").filter(has_text=CONCERN)).to_have_count(1)


def test_step_6_shows_each_result_against_its_target(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    plan_url = open_demo_plan(page)
    open_step(page, plan_url, "6")
    trends = page.locator("#result-trends")
    expect(trends.get_by_role("heading", level=2)).to_have_text(nl("Results against their targets"))
    reach = trends.locator("section.portal-figure").filter(
        has=page.get_by_role("heading", name="Gezinnen die recht hebben op het kindpakket, gebruiken het ook"))
    expect(reach).to_have_count(1)
    chart = reach.locator("svg[role=img]")
    expect(chart.locator("title")).to_have_text(indicator_names()["bereik-kindregelingen"])
    with translation.override("nl"):
        target = format_value(Decimal(80), "percent", 0)
    label = nl("%(label)s: %(value)s", label=nl("target %(year)s", year=2028), value=target)
    expect(chart.locator("g[id$='-target'] text")).to_have_text(label)
    expect(chart.locator("g[id$='-target'] line[stroke-dasharray]")).to_have_count(1)
    expect(cell(figure_table(reach, "Velsen"), "Velsen", "2025")).to_have_text(percent("64"))


@pytest.mark.parametrize("width", [320])
def test_the_analysis_is_accessible_and_fits_a_small_phone(browser, base_url, width):
    page = browser.new_context(base_url=base_url).new_page()
    plan_url = open_demo_plan(page)
    open_step(page, plan_url, "3")
    assert axe_violations(page) == []

    phone = browser.new_context(base_url=base_url, viewport={"width": width, "height": 700}).new_page()
    open_demo_plan(phone)
    open_step(phone, plan_url, "3")
    expect(phone.locator(f"#figure-{SHARE} svg[role=img]").first).to_be_visible()
    # Wide tables scroll inside their own container; the page itself does not scroll sideways.
    assert phone.evaluate("() => document.scrollingElement.scrollWidth") <= width + 1
    assert axe_violations(phone) == []
