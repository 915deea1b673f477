"""A real server and a real browser: gunicorn serves a freshly migrated demo database, Chromium visits it."""

import pytest
from playwright.sync_api import sync_playwright

from tests.server import ROOT, start_server

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def mailbox(tmp_path_factory):
    """The folder the server writes its e-mails to, one file per message."""
    return tmp_path_factory.mktemp("mailbox")


@pytest.fixture(scope="session")
def base_url(server_database, mailbox):
    process, url = start_server(server_database, {"EMAIL_URL": f"filemail:///{mailbox}"})
    yield url
    process.terminate()
    process.wait(timeout=10)


class WatchedBrowser:
    """Chromium, whose every page reports what its Content-Security-Policy blocked (in `blocked`)."""

    def __init__(self, chromium):
        self._chromium = chromium
        self.blocked: list[str] = []

    def new_context(self, **options):
        context = self._chromium.new_context(**options)
        context.on("page", self._watch)
        return context

    def _watch(self, page):
        def report(message):
            if "Content Security Policy" in message.text:
                self.blocked.append(f"{page.url}: {message.text}")

        page.on("console", report)

    def __getattr__(self, name):
        return getattr(self._chromium, name)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield WatchedBrowser(chromium)
        chromium.close()


@pytest.fixture
def context(browser, base_url):
    context = browser.new_context(base_url=base_url)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(autouse=True)
def nothing_blocked(browser):
    """Every browser test fails if a page it opened had anything blocked by its Content-Security-Policy."""
    browser.blocked.clear()
    yield
    assert browser.blocked == [], "\n".join(browser.blocked)


def axe_violations(page, impacts=("serious", "critical")):
    """Runs axe-core in the page; returns the violations of the given impacts.

    Finite animations finish first. axe is evaluated through the browser's debugging protocol: a script
    tag would be inline script, which the pages' Content-Security-Policy rightly refuses.
    """
    page.evaluate("source => { (0, eval)(source); }", AXE.read_text())
    # A colour checked halfway through a fade-in (Wagtail's messages) is not the colour people read.
    page.evaluate("""() => Promise.all(document.getAnimations()
        .filter(animation => animation.effect.getTiming().iterations !== Infinity)
        .map(animation => animation.finished))""")
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": violation["id"], "impact": violation["impact"], "nodes": [node["target"] for node in violation["nodes"]]}
        for violation in results["violations"]
        if violation["impact"] in impacts
    ]
