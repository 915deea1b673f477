"""Step 3 keeps its figures and survey results in the cache, and shows every change at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from gemeenten.analysis import ANALYSIS_STEP, record_review
from gemeenten.figures.series import team_figures
from gemeenten.models import Indicator
from participatie.models import ResponseAnswer, Review
from tests.figures import add_value, after, make_indicator, set_loaded_at
from tests.surveys import answer, make_run
from tests.workspace import make_team

pytestmark = pytest.mark.django_db

HAARLEM = "GM0392"


@pytest.fixture
def haarlem(client):
    user, team, plan = make_team("coordinator@haarlem.example", code=HAARLEM, name="Team Haarlem")
    client.force_login(user)
    return user, team, plan


def page(client, team, plan, language="nl") -> str:
    with translation.override(language):
        response = client.get(reverse("gemeenten:worksheet", args=[team.pk, plan.cycle, ANALYSIS_STEP]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_figures_are_made_once_and_then_read_from_the_cache(haarlem):
    _user, team, _plan = haarlem
    indicator = make_indicator("Kinderen in armoede")
    for year in range(2016, 2026):
        add_value(indicator, HAARLEM, year, year - 2000)
    made = team_figures(team)
    with CaptureQueriesContext(connection) as queries:
        kept = team_figures(team)
    assert len(queries) == 3, "the team's regions and the two fingerprints, nothing more"
    assert kept.version == made.version and [figure.chart for figure in kept.all] == [figure.chart for figure in made.all]


def test_a_changed_value_indicator_or_discussion_shows_at_once(client, haarlem):
    user, team, plan = haarlem
    indicator = make_indicator("Kinderen in armoede", decimals=1)
    value = add_value(indicator, HAARLEM, 2024, "12.5")
    assert "12,5" in page(client, team, plan)

    value.value = 13
    value.save()
    assert "13,0" in page(client, team, plan) and "12,5" not in page(client, team, plan)

    indicator.name = "Kinderen in een gezin met weinig geld"
    indicator.save()
    assert "Kinderen in een gezin met weinig geld" in page(client, team, plan)

    english = indicator.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Children in low-income families"
    english.save()
    assert "Children in low-income families" in page(client, team, plan, "en")
    english.name = "Children growing up with little money"
    english.save()
    assert "Children growing up with little money" in page(client, team, plan, "en")

    added = add_value(indicator, HAARLEM, 2025, "11.0")
    assert "11,0" in page(client, team, plan)
    review = record_review(plan, user, [("Wat zien we?", "Een daling.")])
    set_loaded_at(added, after(review.reviewed_at))
    assert "portal-status--new" in page(client, team, plan)

    added.delete()
    assert "11,0" not in page(client, team, plan)
    Indicator.objects.filter(pk__in=[indicator.pk, english.pk]).delete()
    assert "Kinderen in een gezin met weinig geld" not in page(client, team, plan)


def test_a_new_response_and_a_reviewed_answer_show_at_once(client, haarlem):
    _user, team, plan = haarlem
    run = make_run(team)
    for _number in range(12):
        answer(run, {"school": "Noord", "mood": 3})
    assert "12 respondenten" in page(client, team, plan)
    quote = answer(run, {"school": "Noord", "mood": 1, "wish": "Een speeltuin in de wijk"})
    html = page(client, team, plan)
    assert "13 respondenten" in html and "Een speeltuin in de wijk" not in html
    ResponseAnswer.objects.filter(response=quote, question_id="wish").update(review=Review.SHOWN)
    assert "Een speeltuin in de wijk" in page(client, team, plan)
    ResponseAnswer.objects.filter(response=quote, question_id="wish").update(review=Review.HIDDEN)
    assert "Een speeltuin in de wijk" not in page(client, team, plan)
    run.min_group_size = 20
    run.save()
    assert "Results appear once at least 20 have answered." in page(client, team, plan, "en")
