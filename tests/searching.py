"""What the search tests share: searching as a visitor, publishing a page as an editor, adding synonyms in the admin."""

import re

import yaml
from django.urls import reverse

from bench.relevance import figures
from tests.users import make_user, sign_in_with_second_factor
from voorbeelden.models import InterventionIndexPage, InterventionPage

RELEVANCE_FLOOR = 0.9  # hits@5 below this fails; bench/README.md records the figures, with the goal of 95 %


def search(client, q, path="/zoeken/"):
    response = client.get(path, {"q": q})
    assert response.status_code == 200
    return response


def titles(response):
    return [item.title for item in response.context["items"]]


def item(response, title):
    return next(found for found in response.context["items"] if found.title == title)


def publish_intervention(locale, title, summary, organisation="Testorganisatie"):
    """An intervention published as an editor does: the index and the vocabulary follow."""
    index = InterventionIndexPage.objects.get(locale=locale)
    page = index.add_child(instance=InterventionPage(title=title, slug=re.sub(r"\W+", "-", title.lower()),
                                                     summary=summary, organisation=organisation))
    page.save_revision().publish()
    return page


def add_synonyms_in_the_admin(client, words: str, language: str = "nl"):
    sign_in_with_second_factor(client, make_user("redactie@nji.example", group="Moderators"))
    response = client.post(reverse("wagtailsnippets_search_synonymgroup:add") + f"?locale={language}", {"words": words})
    client.logout()
    return response


def relevance(path) -> dict:
    return figures(yaml.safe_load(path.read_text(encoding="utf-8")))
