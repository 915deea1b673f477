"""What every respondent's pages are made of is read once per change and kept: a fresh form is the same page with
each respondent's own tokens, and any change to a run, its class codes or its questionnaire shows at once."""

import datetime
import re

from django.test import Client

from participatie.models import ClassCode, Questionnaire, Response, SegmentOption
from participatie.run_forms import sync_groups
from participatie.submissions import seconds_since_start
from participatie.views.respond import CSRF_SLOT, KEY_SLOT, STARTED_SLOT
from portal.models import ChangeMoment
from tests.test_survey_respond import CLASS, form, klass, run, survey_url  # noqa: F401  (fixtures)

TOKENS = re.compile(r'(name="(?:key|started|csrfmiddlewaretoken)" value=")[^"]+"')


def surveys_moment():
    return ChangeMoment.objects.get(name="surveys").changed_at


def test_fresh_forms_differ_only_in_each_respondents_own_tokens(run):
    first, second = Client(), Client()
    pages = [browser.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode() for browser in (first, second)]
    assert TOKENS.sub(r"\1…", pages[0]) == TOKENS.sub(r"\1…", pages[1])
    tokens = [dict(re.findall(r'name="(key|started|csrfmiddlewaretoken)" value="([^"]+)"', page)) for page in pages]
    assert tokens[0]["key"] != tokens[1]["key"] and tokens[0]["csrfmiddlewaretoken"] != tokens[1]["csrfmiddlewaretoken"]
    assert 0 <= seconds_since_start(tokens[1]["started"]) < 5, "the clock starts when this respondent opens the form"
    assert not any(slot in page for slot in (KEY_SLOT, STARTED_SLOT, CSRF_SLOT) for page in pages)


def test_a_fresh_form_a_submission_and_the_thanks_each_read_only_the_moment(client, run, django_assert_num_queries):
    client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl")  # made once, then kept
    with django_assert_num_queries(1):
        assert client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl").status_code == 200
    client.get(f"/doe-mee/{run.code}/bedankt/")
    # The moment, then the response and its answers in one transaction (in a test: a savepoint and its release).
    with django_assert_num_queries(5):
        sent = client.post(survey_url(), form(), HTTP_ACCEPT="application/json").json()
    with django_assert_num_queries(1):
        assert client.get(sent["next"]).status_code == 200


def test_a_class_session_also_reads_how_many_answers_its_class_has_given(client, run, klass, django_assert_num_queries):
    client.get(survey_url(CLASS), HTTP_ACCEPT_LANGUAGE="nl")
    with django_assert_num_queries(2):
        assert client.get(survey_url(CLASS), HTTP_ACCEPT_LANGUAGE="nl").status_code == 200
    ClassCode.objects.filter(pk=klass.pk).update(responses=klass.max_responses)  # as submissions count, no signal
    assert client.get(survey_url(CLASS), HTTP_ACCEPT_LANGUAGE="nl").status_code == 409


def test_responses_leave_the_moment_alone_so_the_context_stays_kept(client, run):
    before = surveys_moment()
    assert client.post(survey_url(), form()).status_code == 303
    assert Response.objects.filter(run=run).count() == 1
    assert surveys_moment() == before


def test_closing_a_run_or_deleting_a_class_code_takes_effect_at_once(client, run, klass):
    assert client.get(survey_url(CLASS), HTTP_ACCEPT_LANGUAGE="nl").status_code == 200
    klass.delete()
    assert client.get(survey_url(CLASS), HTTP_ACCEPT_LANGUAGE="nl").status_code == 404
    run.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    run.save()
    assert client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl").status_code == 410
    assert client.post(survey_url(), form()).status_code == 410
    assert not Response.objects.filter(run=run).exists()


def test_the_runs_own_groups_show_at_once_once_saved_with_their_run(client, run):
    assert "Jonger dan tien" not in client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    before = surveys_moment()
    run.save()  # as the run form does, in one transaction with its groups (made by bulk_create, without signals)
    sync_groups(run, "age", ["Jonger dan tien"])
    assert surveys_moment() > before
    assert SegmentOption.objects.filter(run=run, label="Jonger dan tien").exists()
    assert "Jonger dan tien" in client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()


def test_a_translation_taken_offline_leaves_the_language_choice_at_once(client, run):
    assert f"/ar/doe-mee/{run.code}/" in client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    arabic = Questionnaire.objects.get(translation_key=run.questionnaire.translation_key, locale__language_code="ar")
    arabic.live = False
    arabic.save()
    assert f"/ar/doe-mee/{run.code}/" not in client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()


def test_with_redis_a_fresh_form_needs_no_database_and_a_change_still_shows_at_once(
        client, run, shared_cache, django_assert_num_queries, django_capture_on_commit_callbacks):
    client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl")
    with django_assert_num_queries(0):
        assert client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl").status_code == 200
    run.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        run.save()
    assert client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl").status_code == 410
