"""A page published in one process shows at once in every process that serves pages from the cache."""

import os
import subprocess
import sys
import urllib.request

from playwright.sync_api import expect

from tests.server import ROOT

PUBLISH = """
from stappen.models import StepPage
page = StepPage.objects.get(locale__language_code="nl", number=5)
page.title = {title!r}
page.save_revision().publish()
"""


def publish_title(database_url, title):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=database_url)
    subprocess.run([sys.executable, "manage.py", "shell", "-c", PUBLISH.format(title=title)],
                   cwd=ROOT, env=env, check=True, capture_output=True)


def fetch(base_url, path) -> tuple[str, str]:
    """A request on a connection of its own, so that either gunicorn worker may answer it."""
    with urllib.request.urlopen(base_url + path, timeout=30) as response:
        return response.headers.get("X-Portal-Cache", ""), response.read().decode()


def test_a_published_title_shows_at_once_on_every_worker(page, base_url, server_database):
    page.goto("/stappenplan/")
    path = page.get_by_role("link", name="Stap 5", exact=False).first.get_attribute("href")
    original = page.goto(path) and page.get_by_role("heading", level=1).inner_text()
    served = [fetch(base_url, path)[0] for _request in range(10)]  # each worker now holds the page in its cache
    assert served.count("hit") >= 8

    publish_title(server_database, "Geef samen vorm aan een passende aanpak")
    try:
        after = [fetch(base_url, path)[1] for _request in range(10)]
        assert all("Geef samen vorm aan een passende aanpak" in html for html in after)
        page.reload()
        expect(page.get_by_role("heading", level=1)).to_have_text("Geef samen vorm aan een passende aanpak")
    finally:
        publish_title(server_database, original)
