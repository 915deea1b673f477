"""Step pages show the method and their worksheet, ready to print."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stappen.models import ContinuousStepPage, StepPage



def test_step_page_shows_goal_questions_resources_and_print_styles(client, steps):
    response = client.get(steps[3].url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Stap 3 van 7" in body
    assert "Doel van deze stap" in body and "Resultaat na deze stap" in body
    for question in steps[3].worksheet_questions():
        assert f'id="q-{question.id}"' in body
    assert 'href="https://www.waarstaatjegemeente.nl' in body
    assert 'media="print"' in body and "portal-print-only" in body


def test_step_pages_link_to_previous_and_next_step(client, steps):
    body = client.get(steps[4].url).content.decode()
    assert f'href="{steps[3].url}" rel="prev"' in body
    assert f'href="{steps[5].url}" rel="next"' in body


def test_step_index_lists_seven_steps_and_the_continuous_step(client, step_index, steps, continuous_step):
    body = client.get(step_index.url).content.decode()
    for step in steps.values():
        assert f'href="{step.url}"' in body
    assert f'href="{continuous_step.url}"' in body


@pytest.mark.parametrize("language", ["nl", "en"])
def test_step_page_queries_do_not_grow_with_content(client, db, language):
    """Step 3 has three resource lists and many questions, step 2 none: both cost the same few queries."""
    pages = [*StepPage.objects.filter(locale__language_code=language), *ContinuousStepPage.objects.filter(locale__language_code=language)]
    counts = {}
    for page in pages:
        client.get(page.url)  # warm the site and locale caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts[page.slug] = len(queries)
    assert max(counts.values()) <= 24, counts
    assert max(counts.values()) - min(counts.values()) <= 2, counts


def test_step_index_query_count(client, step_index, django_assert_max_num_queries):
    client.get(step_index.url)
    with django_assert_max_num_queries(15):
        assert client.get(step_index.url).status_code == 200


def test_home_query_count(client, home, django_assert_max_num_queries):
    client.get(home.url)
    with django_assert_max_num_queries(11):
        assert client.get(home.url).status_code == 200
