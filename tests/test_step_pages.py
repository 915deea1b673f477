"""Step pages show the method and their worksheet, ready to print."""


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


def test_step_page_query_count_does_not_grow_with_content(client, steps, django_assert_max_num_queries):
    client.get(steps[3].url)  # warm the site and locale caches
    with django_assert_max_num_queries(19):
        assert client.get(steps[3].url).status_code == 200


def test_step_index_query_count(client, step_index, django_assert_max_num_queries):
    client.get(step_index.url)
    with django_assert_max_num_queries(15):
        assert client.get(step_index.url).status_code == 200


def test_home_query_count(client, home, django_assert_max_num_queries):
    client.get(home.url)
    with django_assert_max_num_queries(11):
        assert client.get(home.url).status_code == 200
