"""A visual check of the main public and workspace pages on a phone and a laptop: no page wider than the screen,
no word split over two lines inside a table cell, no text smaller than 12 px, no serious accessibility problem,
and on a phone the page's own content near the top. Screenshots land in data/screenshots/ for review (CI keeps data/)."""

from pathlib import Path

import pytest

from portal.demo.users import DEMO_PASSWORD
from tests.browser.conftest import axe_violations
from tests.server import ROOT

SCREENSHOTS = Path(ROOT) / "data" / "screenshots"
WIDTHS = {"phone": {"width": 360, "height": 640}, "laptop": {"width": 1280, "height": 800}}
PUBLIC = {
    "home": "/",
    "steps": "/stappenplan/",
    "step-5": "/stappenplan/stap-5-passende-aanpak/",
    "interventions": "/interventies/",
    "intervention": "/interventies/home-start/",
    "examples": "/voorbeelden/",
    "search": "/zoeken/?q=schulden",
    "english-step": "/en/stappenplan/betrek-jongeren-en-ouders/",
}
WORKSPACE = {"plan": "", "step-2": "stap/2/", "step-3": "stap/3/", "step-5": "stap/5/", "step-6": "stap/6/"}

# Words split over two lines inside table cells: each word's text range should lie on one line (a compound may
# break after its own hyphen, as in print).
SPLIT_WORDS = """() => {
  const split = [];
  for (const cell of document.querySelectorAll("main td, main th")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\\s\u2010-]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) split.push(word[0]);
      }
    }
  }
  return split;
}"""

# Visible text smaller than 12 px as drawn: HTML by its font size, SVG text by its font size times the drawing's scale
# (its width on screen over its viewBox's).
SMALL_TEXT = """() => {
  const small = [];
  for (const element of document.querySelectorAll("body *")) {
    const own = [...element.childNodes].some(node => node.nodeType === Node.TEXT_NODE && node.data.trim());
    if (!own) continue;
    const rect = element.getBoundingClientRect(), style = getComputedStyle(element);
    if (rect.width <= 1 || rect.height <= 1 || style.visibility === "hidden") continue;
    let size = parseFloat(style.fontSize);
    const svg = element instanceof SVGElement ? element.ownerSVGElement : null;
    if (svg && svg.viewBox.baseVal.width) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    if (size < 11.95) small.push(`${element.tagName.toLowerCase()} ${size.toFixed(1)}px: ${element.textContent.trim().slice(0, 40)}`);
  }
  return small;
}"""


@pytest.fixture(scope="module")
def plan_url(browser, base_url):
    page = browser.new_context(base_url=base_url).new_page()
    log_in(page)
    page.get_by_role("link", name="Samen tegen armoede Velsen").click()
    page.wait_for_url("**/2027/")
    url = page.url
    page.context.close()
    return url


def log_in(page):
    page.goto("/accounts/login/?next=/werkruimte/")
    page.get_by_label("E-mail").fill("beleid@velsen.example")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/werkruimte/")


def check(page, name: str, size: str) -> list[str]:
    """What is wrong with the open page; saves its screenshot."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-{size}.png", full_page=True)
    problems = []
    width = page.evaluate("() => document.documentElement.scrollWidth")
    if width > WIDTHS[size]["width"]:
        problems.append(f"page is {width} px wide")
    problems += [f"word split in a table cell: {word}" for word in page.evaluate(SPLIT_WORDS)]
    problems += [f"small text: {text}" for text in page.evaluate(SMALL_TEXT)]
    problems += [f"accessibility: {violation}" for violation in axe_violations(page)]
    return problems


@pytest.mark.parametrize("size", WIDTHS)
def test_public_pages_read_well(browser, base_url, size):
    page = browser.new_context(base_url=base_url, viewport=WIDTHS[size]).new_page()
    problems = {}
    for name, path in PUBLIC.items():
        page.goto(path)
        found = check(page, name, size)
        if size == "phone" and (top := page.evaluate("() => document.querySelector('main').getBoundingClientRect().top")) > 200:
            found.append(f"content starts {top:.0f} px down")
        if found:
            problems[name] = found
    assert problems == {}


@pytest.mark.parametrize("size", WIDTHS)
def test_workspace_pages_read_well(browser, base_url, plan_url, size):
    page = browser.new_context(base_url=base_url, viewport=WIDTHS[size]).new_page()
    log_in(page)
    problems = {}
    for name, path in WORKSPACE.items():
        page.goto(plan_url + path)
        if found := check(page, f"workspace-{name}", size):
            problems[name] = found
    page.goto(plan_url.rsplit("/", 2)[0] + "/leden/")
    if found := check(page, "workspace-members", size):
        problems["members"] = found
    assert problems == {}


def test_an_answer_box_grows_with_its_text(browser, base_url, plan_url):
    page = browser.new_context(base_url=base_url).new_page()
    log_in(page)
    page.goto(plan_url + "stap/1/")
    box = page.locator("main textarea").first
    before = box.bounding_box()["height"]
    # Set without an input event, so autosave leaves the demo team's answer alone.
    box.evaluate("(element, text) => { element.value = text; }", "\n".join(f"Regel {n} van een lang antwoord" for n in range(20)))
    assert box.bounding_box()["height"] > before + 200


@pytest.mark.parametrize(("size", "javascript", "folded"), [
    ("phone", True, True), ("phone", False, False), ("laptop", True, False),
])
def test_filters_fold_away_on_a_phone_so_that_the_results_come_first(browser, base_url, size, javascript, folded):
    page = browser.new_context(base_url=base_url, viewport=WIDTHS[size], java_script_enabled=javascript).new_page()
    for path in ("/interventies/", "/voorbeelden/"):
        page.goto(path)
        checkbox = page.get_by_role("checkbox").first
        assert checkbox.is_visible() is not folded, path
        if folded:
            page.get_by_role("heading", name="Filteren").click()
            assert checkbox.is_visible(), path
