"""Made-up demo data never shows without saying so: every public page that carries a demo team's texts or figures
(its survey, the “what we heard, what we do” page, in every survey language) shows the demo note.

The test walks every public page of the loaded demo and every respondent page of every run in every language, and
looks for the demo's own made-up words (team names, the run's title, the team's response). A new public page that
shows them without the note fails here.
"""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Page

from gemeenten.demo.workspace import read_teams
from gemeenten.export.document import plan_document
from gemeenten.models import Team
from participatie.demo.questionnaires import read_content
from participatie.models import SurveyRun
from participatie.views.languages import run_languages, url_in

RUN = read_content("run.yaml")
NOTE = "data-demo-note"


def demo_markers() -> list[str]:
    """Phrases only made-up demo data contains: the demo teams' names and the demo run's own texts."""
    first_sentence = re.split(r"(?<=[.!?])\s", " ".join(RUN["team_response"].split()))[0]
    return [content["name"] for content in read_teams()] + [RUN["title"], first_sentence]


def public_page_urls() -> list[str]:
    return [page.url for page in Page.objects.live().public().specific() if page.url]


def respondent_urls() -> list[str]:
    urls = []
    for run in SurveyRun.objects.select_related("questionnaire__locale"):
        for language, _name in run_languages(run):
            urls += [url_in(language, name, code=run.code) for name in ("survey", "thanks", "public_results")]
    return urls


def showing_demo(html: str) -> bool:
    text = " ".join(html.split())
    return any(marker in text for marker in demo_markers())


def test_the_demo_teams_are_marked_as_demo(db):
    names = [content["name"] for content in read_teams()]
    assert Team.objects.filter(name__in=names, is_demo=True).count() == len(names)


@pytest.mark.parametrize("language", [code for code, _name in settings.SURVEY_LANGUAGES])
def test_what_we_heard_of_the_demo_survey_says_demo_in_every_language(client, db, language):
    run = SurveyRun.objects.get(code=RUN["code"])
    assert language in dict(run_languages(run))
    page = client.get(url_in(language, "public_results", code=run.code)).content.decode()
    assert " ".join(RUN["team_response"].split()[:6]) in " ".join(page.split())  # the made-up response shows
    assert NOTE in page
    if language != "en":  # the note is in the page's own language, not left in English
        assert "This survey was made up to show how the portal works." not in page


def test_every_public_page_that_shows_demo_data_says_so(client, db):
    urls = public_page_urls() + respondent_urls()
    assert len(urls) > 40
    showing = []
    for url in urls:
        response = client.get(url)
        html = response.content.decode()
        if showing_demo(html):
            showing.append(url)
            assert NOTE in html, f"{url} shows made-up demo data without the demo note"
    assert any("resultaten" in url for url in showing)  # the walk reaches the demo run's pages


def test_a_real_teams_survey_carries_no_demo_note(client, db):
    run = SurveyRun.objects.get(code=RUN["code"])
    Team.objects.filter(pk=run.team_id).update(is_demo=False)
    page = client.get(url_in("nl", "public_results", code=run.code)).content.decode()
    assert NOTE not in page


def test_the_demo_teams_workspace_and_plan_export_say_demo(client, db):
    team = Team.objects.get(name=RUN["team"])
    plan = team.current_plan()
    client.force_login(team.memberships.select_related("user").first().user)
    assert NOTE in client.get(reverse("gemeenten:plan", args=(team.pk, plan.cycle))).content.decode()
    assert "echte gemeente" in plan_document(plan).demo_note
    Team.objects.filter(pk=team.pk).update(is_demo=False)
    plan = Team.objects.get(pk=team.pk).current_plan()
    assert plan_document(plan).demo_note == ""
    assert NOTE not in client.get(reverse("gemeenten:plan", args=(team.pk, plan.cycle))).content.decode()
