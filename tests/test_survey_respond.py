"""Taking part in a survey at /doe-mee/: one form, every answer kept until it is sent, and stored exactly once."""

import datetime
import re
import time
import uuid

import pytest
import wagtail_factories
from django.core import signing
from django.db import connection
from django.test import override_settings
from django.utils.translation import gettext as _
from wagtail.models import Locale

from participatie.models import ClassCode, Questionnaire, Response, ResponseAnswer, SurveyRun
from participatie.submissions import START_SALT
from tests.workspace import make_team

RUN = "TEST-DOEMEE"
CLASS = "TEST-GROEP7"


def items(prefix, labels):
    return [{"type": "item", "id": f"{prefix}-{number}", "value": label} for number, label in enumerate(labels, 1)]


def body(language="nl"):
    text = TEXTS[language]
    return [
        {"type": "face_scale", "id": "mood", "value": {
            "text": text["mood"], "help_text": "", "theme": "wellbeing", "audio": None,
            "labels": items("mood", text["faces"])}},
        {"type": "ladder", "id": "life", "value": {
            "text": text["life"], "help_text": "", "theme": "wellbeing", "audio": None,
            "low_label": text["low"], "high_label": text["high"]}},
        {"type": "choice", "id": "after-school", "value": {
            "text": text["after"], "help_text": "", "theme": "leisure", "audio": None, "multiple": True,
            "options": [{"type": "item", "id": "sport", "value": {"label": text["sport"], "image": None}},
                        {"type": "item", "id": "music", "value": {"label": text["music"], "image": None}}]}},
        {"type": "yes_no", "id": "breakfast", "value": {
            "text": text["breakfast"], "help_text": "", "theme": "food", "audio": None}},
        {"type": "segment", "id": "age", "value": {
            "text": text["age"], "help_text": "", "theme": "school", "audio": None, "kind": "age",
            "options": items("age", ["8-9", "10-11", "12"])}},
        {"type": "open_text", "id": "wish", "value": {
            "text": text["wish"], "help_text": "", "theme": "wishes", "audio": None}},
    ]


TEXTS = {
    "nl": {"mood": "Hoe voel je je vandaag?", "faces": ["Niet goed", "Gaat wel", "Goed"], "life": "Welk cijfer geef je je leven?",
           "low": "Slechtst", "high": "Best", "after": "Wat doe je na school?", "sport": "Sport", "music": "Muziek",
           "breakfast": "Heb je vandaag ontbeten?", "age": "Hoe oud ben je?", "wish": "Wat zou helpen?"},
    "ar": {"mood": "كيف تشعر اليوم؟", "faces": ["ليس جيدًا", "لا بأس", "جيد"], "life": "ما الرقم الذي تعطيه لحياتك؟",
           "low": "الأسوأ", "high": "الأفضل", "after": "ماذا تفعل بعد المدرسة؟", "sport": "رياضة", "music": "موسيقى",
           "breakfast": "هل تناولت الفطور اليوم؟", "age": "كم عمرك؟", "wish": "ما الذي قد يساعد؟"},
}
# A complete set of answers, as the form sends them.
ANSWERS = {"q-mood": "3", "q-life": "8", "q-after-school": ["sport", "music"], "q-breakfast": "yes", "q-age": "age-2",
           "q-wish": "Een speeltuin"}


def make_questionnaire(language, translation_of=None):
    questionnaire = Questionnaire(
        title={"nl": "Hoe gaat het met jou?", "ar": "كيف حالك؟"}[language], audience="children",
        intro={"nl": "We willen weten hoe het met je gaat.", "ar": "نريد أن نعرف كيف حالك."}[language],
        consent={"nl": "Je naam staat nergens.", "ar": "اسمك لا يظهر في أي مكان."}[language],
        thanks={"nl": "Dank je wel voor je antwoorden!", "ar": "شكرًا على إجاباتك!"}[language],
        body=body(language), locale=Locale.objects.get_or_create(language_code=language)[0],
    )
    if translation_of is not None:
        questionnaire.translation_key = translation_of.translation_key
    questionnaire.save()
    return questionnaire


@pytest.fixture
def run(db):
    _user, team, _plan = make_team()
    questionnaire = make_questionnaire("nl")
    make_questionnaire("ar", translation_of=questionnaire)
    today = datetime.date.today()
    return SurveyRun.objects.create(
        team=team, questionnaire=questionnaire, title="Doe-mee-test", audience="children", code=RUN,
        opens_on=today - datetime.timedelta(days=3), closes_on=today + datetime.timedelta(days=30),
    )


@pytest.fixture
def klass(run):
    return ClassCode.objects.create(run=run, code=CLASS, label="Groep 7", max_responses=3)


def started(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=START_SALT)


def form(key=None, answers=ANSWERS, **extra):
    """The data the survey form sends with its Send button."""
    data = {"key": str(key or uuid.uuid4()), "started": started(), "website": "", "verstuur": "1", **answers}
    data.update(extra)
    return data


def survey_url(class_code=None, language=""):
    prefix = f"/{language}" if language else ""
    return f"{prefix}/doe-mee/{RUN}/" + (f"klas/{class_code}/" if class_code else "")


def visible_screen(html):
    """The number of the one screen the server did not hide."""
    screens = re.findall(r'<section class="survey-screen[^"]*"[^>]*data-screen="(\d+)"[^>]*?(hidden)?>', html)
    shown = [int(number) for number, hidden in screens if not hidden]
    assert len(shown) == 1, screens
    return shown[0]


def test_start_screen_explains_and_carries_a_fresh_key_and_start_token(client, run):
    response = client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="nl")
    html = response.content.decode()
    assert response.status_code == 200
    assert visible_screen(html) == 0
    assert "We willen weten hoe het met je gaat." in html and "Je naam staat nergens." in html
    key = re.search(r'name="key" value="([^"]+)"', html).group(1)
    assert uuid.UUID(key)
    assert re.search(r'name="started" value="[^"]+"', html)
    assert 'name="website"' in html and 'tabindex="-1"' in html


def test_first_arrival_follows_the_browser_language_among_the_published_ones(client, run):
    arabic = client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="ar-MA,ar;q=0.9,nl;q=0.5")
    assert arabic.status_code == 302 and arabic["Location"] == f"/ar/doe-mee/{RUN}/"
    assert "Accept-Language" in arabic["Vary"]
    # English and German are not published for this run: Dutch it is, without a redirect.
    assert client.get(survey_url(), HTTP_ACCEPT_LANGUAGE="de,en;q=0.8").status_code == 200
    # A prefixed address or ?taal= is an explicit choice and is never overruled by the browser.
    assert client.get(survey_url() + "?taal=nl", HTTP_ACCEPT_LANGUAGE="ar").status_code == 200
    assert client.get(survey_url(language="ar"), HTTP_ACCEPT_LANGUAGE="nl").status_code == 200
    switched = client.get(survey_url(language="ar") + "?taal=nl")
    assert switched.status_code == 302 and switched["Location"] == f"/doe-mee/{RUN}/?taal=nl"


def test_a_language_the_run_is_not_published_in_falls_back_to_dutch(client, run):
    response = client.get(survey_url(language="tr"))
    assert response.status_code == 302 and response["Location"] == f"/doe-mee/{RUN}/?taal=nl"


def test_arabic_is_right_to_left_with_the_arabic_questionnaire_and_language_links(client, run):
    html = client.get(survey_url(language="ar")).content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert TEXTS["ar"]["mood"] in html and TEXTS["nl"]["mood"] not in html
    assert f'href="/doe-mee/{RUN}/?taal=nl" hreflang="nl" lang="nl" data-language-link>Nederlands</a>' in html
    assert '<span class="survey-languages__current" aria-current="true" lang="ar">العربية</span>' in html
    assert '<html lang="nl" dir="ltr"' in client.get(survey_url() + "?taal=nl").content.decode()


def test_lowercase_codes_lead_to_the_uppercase_address(client, run, klass):
    assert client.get(f"/doe-mee/{RUN.lower()}/?taal=nl")["Location"] == f"/doe-mee/{RUN}/?taal=nl"
    assert client.get(f"/ar/doe-mee/{RUN.lower()}/klas/{CLASS.lower()}/")["Location"] == f"/ar/doe-mee/{RUN}/klas/{CLASS}/"


def test_the_code_page_leads_to_the_run_or_the_class_session(client, run, klass):
    assert client.get("/doe-mee/", {"code": " test-doemee "})["Location"] == f"/doe-mee/{RUN}/"
    assert client.get("/doe-mee/", {"code": "test-groep7", "taal": "nl"})["Location"] == f"/doe-mee/{RUN}/klas/{CLASS}/?taal=nl"
    assert client.get("/en/doe-mee/", {"code": RUN})["Location"] == f"/en/doe-mee/{RUN}/"
    unknown = client.get("/doe-mee/", {"code": "BESTAAT-NIET"})
    assert unknown.status_code == 200 and 'aria-invalid="true"' in unknown.content.decode()
    assert _("Type your code first.") in client.get("/doe-mee/", {"code": "  "}).content.decode()
    assert client.get("/doe-mee/", HTTP_ACCEPT_LANGUAGE="uk")["Location"] == "/uk/doe-mee/"


def test_every_kind_of_question_is_a_real_form_control_with_a_label(client, run):
    html = client.get(survey_url() + "?taal=nl").content.decode()
    assert html.count("<fieldset") == 5  # the open question is one textarea with its own label
    assert html.count('<legend class="survey-legend">') == 5 and '<label for="q-wish" data-speak>' in html
    for value in ("1", "2", "3"):
        assert f'type="radio" id="q-mood-{int(value) - 1}" name="q-mood" value="{value}"' in html
    assert html.count('<svg class="survey-face__picture"') == 3
    assert html.count('name="q-life"') == 11 and html.index('name="q-life" value="10"') < html.index('name="q-life" value="0"')
    assert 'type="checkbox" id="q-after-school-0" name="q-after-school" value="sport"' in html
    assert 'name="q-breakfast" value="yes"' in html and 'name="q-breakfast" value="no"' in html
    assert 'name="q-age" value="age-1"' in html and 'maxlength="1000"' in html
    assert '<progress class="survey-progress__bar" max="7" value="3"' in html


def test_a_spoken_question_and_answer_pictures_show_without_javascript(client, run):
    audio = wagtail_factories.DocumentFactory(file__filename="vraag.mp3")
    picture = wagtail_factories.ImageFactory()
    blocks = body("nl")
    blocks[0]["value"]["audio"] = audio.pk
    blocks[2]["value"]["options"][0]["value"]["image"] = picture.pk
    run.questionnaire.body = blocks
    run.questionnaire.save()
    html = client.get(survey_url() + "?taal=nl").content.decode()
    assert f'<audio class="survey-read__audio" controls preload="none" src="{audio.url}" data-audio></audio>' in html
    image = re.search(r'<img [^>]*class="survey-option__image"[^>]*>', html).group(0)
    assert 'alt=""' in image and "fill-160x160" in image


def test_next_and_back_without_javascript_show_the_asked_screen_with_every_answer(client, run):
    data = {"key": str(uuid.uuid4()), "started": started(), "q-mood": "2", "q-after-school": ["music"], "ga": "4"}
    html = client.post(survey_url(), data).content.decode()
    assert visible_screen(html) == 4
    assert re.search(r'name="q-mood" value="2"[^>]*checked', html)
    assert re.search(r'name="q-after-school" value="music"[^>]*checked', html)
    assert not re.search(r'name="q-after-school" value="sport"[^>]*checked', html)
    assert f'name="key" value="{data["key"]}"' in html and f'name="started" value="{data["started"]}"' in html
    # Once answers are in the form, switching language sends them along instead of following a link.
    assert f'formaction="/ar/doe-mee/{RUN}/" name="ga" value="4"' in html
    assert visible_screen(client.post(survey_url(), {**data, "ga": "99"}).content.decode()) == 7
    assert Response.objects.filter(run=run).count() == 0


def test_a_chosen_answer_can_be_removed_without_javascript(client, run):
    html = client.post(survey_url(), {"key": str(uuid.uuid4()), "q-mood": "2", "q-breakfast": "no", "wis": "q-mood"}).content.decode()
    assert visible_screen(html) == 1
    assert not re.search(r'name="q-mood" value="\d"[^>]*checked', html)
    assert re.search(r'name="q-breakfast" value="no"[^>]*checked', html)


def test_sending_stores_one_anonymous_response_and_thanks_with_a_link_to_the_results(client, run):
    response = client.post(survey_url(), form())
    assert response.status_code == 303 and response["Location"] == f"/doe-mee/{RUN}/bedankt/"
    stored = Response.objects.get(run=run)
    answers = {(a.question_id, a.number, a.option, a.text) for a in stored.answers.all()}
    assert answers == {("mood", 3, "", ""), ("life", 8, "", ""), ("after-school", None, "sport", ""),
                       ("after-school", None, "music", ""), ("breakfast", None, "yes", ""),
                       ("age", None, "age-2", ""), ("wish", None, "", "Een speeltuin")}
    thanks = client.get(response["Location"]).content.decode()
    assert "Dank je wel voor je antwoorden!" in thanks and f'href="/doe-mee/{RUN}/resultaten/"' in thanks
    assert f'data-survey-done="participatie:{RUN}"' in thanks


def test_every_question_may_be_skipped(client, run):
    assert client.post(survey_url(), form(answers={})).status_code == 303
    assert Response.objects.get(run=run).answers.count() == 0


def test_the_same_key_twice_stores_one_response_and_thanks_twice(client, run):
    key = uuid.uuid4()
    first = client.post(survey_url(), form(key))
    second = client.post(survey_url(), form(key, answers={"q-mood": "1"}))
    assert first.status_code == second.status_code == 303 and first["Location"] == second["Location"]
    assert Response.objects.filter(run=run).count() == 1
    assert Response.objects.get(run=run).answers.get(question_id="mood").number == 3


def test_sending_with_fetch_answers_in_json_and_is_idempotent_too(client, run):
    key = uuid.uuid4()
    for _attempt in range(2):
        response = client.post(survey_url(language="ar"), form(key), HTTP_ACCEPT="application/json")
        assert response.status_code == 200
        assert response.json() == {"ok": True, "next": f"/ar/doe-mee/{RUN}/bedankt/"}
    assert Response.objects.filter(run=run).count() == 1


def test_a_filled_honeypot_is_thanked_and_nothing_is_stored(client, run):
    response = client.post(survey_url(), form(website="https://spam.example"))
    assert response.status_code == 303 and response["Location"].endswith("/bedankt/")
    assert client.post(survey_url(), form(website="x"), HTTP_X_REQUESTED_WITH="fetch").json()["ok"] is True
    assert Response.objects.filter(run=run).count() == 0


def test_too_fast_shows_the_check_screen_again_with_every_answer_and_the_original_start(client, run):
    token = started(seconds_ago=0)
    key = str(uuid.uuid4())
    response = client.post(survey_url(), form(key, started=token))
    html = response.content.decode()
    assert response.status_code == 422 and visible_screen(html) == 7
    assert _("That was very quick! Take a moment to look at your answers, then press Send again.") in html
    assert f'name="started" value="{token}"' in html and f'name="key" value="{key}"' in html
    assert re.search(r'name="q-life" value="8"[^>]*checked', html) and "Een speeltuin</textarea>" in html
    assert Response.objects.filter(run=run).count() == 0


@pytest.mark.parametrize("token", ["", "not-a-signed-token"])
def test_a_missing_or_forged_start_gets_a_fresh_one_and_stores_nothing(client, run, token):
    response = client.post(survey_url(), form(started=token), HTTP_ACCEPT="application/json")
    body = response.json()
    assert response.status_code == 422 and body["ok"] is False and body["screen"] == 7
    assert body["started"] and body["started"] != token
    assert Response.objects.filter(run=run).count() == 0


def test_an_invalid_answer_shows_its_own_screen_with_the_message_and_keeps_the_rest(client, run):
    response = client.post(survey_url(), form(answers={**ANSWERS, "q-breakfast": "misschien"}))
    html = response.content.decode()
    assert response.status_code == 422 and visible_screen(html) == 4
    assert _("Please choose one of the answers.") in html
    assert re.search(r'name="q-mood" value="3"[^>]*checked', html)
    json_reply = client.post(survey_url(), form(answers={"q-life": "11"}), HTTP_ACCEPT="application/json")
    assert json_reply.status_code == 422
    assert json_reply.json()["screen"] == 2 and "q-life" in json_reply.json()["errors"]
    keyless = client.post(survey_url(), form(answers={"q-life": "11"}, key="", started=""), HTTP_ACCEPT="application/json")
    assert uuid.UUID(keyless.json()["key"]) and keyless.json()["started"]
    assert Response.objects.filter(run=run).count() == 0


def test_an_open_answer_keeps_no_contact_details(client, run):
    client.post(survey_url(), form(answers={"q-wish": "Bel me op 06-12345678 of mail kind@example.com"}))
    assert ResponseAnswer.objects.get(question_id="wish").text == "Bel me op [telefoon] of mail [e-mail]"


def test_unknown_codes_are_not_found_and_closed_runs_store_nothing(client, run, klass):
    assert client.get("/doe-mee/BESTAAT-NIET/").status_code == 404
    assert client.get(f"/doe-mee/{RUN}/klas/ANDERE-KLAS/").status_code == 404
    assert client.post("/doe-mee/BESTAAT-NIET/", form()).status_code == 404
    run.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    run.save()
    closed = client.get(survey_url())
    assert closed.status_code == 410 and _("This survey is closed.") in closed.content.decode()
    assert client.post(survey_url(), form()).status_code == 410
    assert client.post(survey_url(CLASS), form(), HTTP_ACCEPT="application/json").json()["ok"] is False
    run.closes_on, run.purged_on = datetime.date.today() + datetime.timedelta(days=5), datetime.date.today()
    run.save()
    assert client.post(survey_url(), form()).status_code == 410
    run.purged_on, run.opens_on = None, datetime.date.today() + datetime.timedelta(days=2)
    run.save()
    later = client.get(survey_url())
    assert later.status_code == 200 and _("This survey has not started yet.") in later.content.decode()
    assert client.post(survey_url(), form()).status_code == 200
    assert Response.objects.filter(run=run).count() == 0


def test_a_class_session_counts_its_children_and_thanks_with_the_next_child(client, run, klass):
    response = client.post(survey_url(CLASS), form())
    assert response["Location"] == f"/doe-mee/{RUN}/klas/{CLASS}/bedankt/"
    klass.refresh_from_db()
    assert klass.responses == 1
    thanks = client.get(response["Location"]).content.decode()
    assert _("Done! Pass the tablet on.") in thanks
    assert f'href="/doe-mee/{RUN}/klas/{CLASS}/?taal=nl" data-next-child' in thanks
    assert f'data-survey-done="participatie:{RUN}/{CLASS}"' in thanks
    assert "http-equiv" not in thanks  # no automatic refresh without JavaScript (WCAG 2.2.1)
    next_child = client.get(f"/doe-mee/{RUN}/klas/{CLASS}/?taal=nl").content.decode()
    assert "checked" not in next_child and _("Class: %(class)s") % {"class": "Groep 7"} in next_child and "data-class-session" in next_child


def test_a_full_class_code_says_so_and_keeps_the_answers(client, run, klass):
    klass.responses = klass.max_responses - 1
    klass.save()
    assert client.post(survey_url(CLASS), form()).status_code == 303
    refused = client.post(survey_url(CLASS), form())
    html = refused.content.decode()
    assert refused.status_code == 409 and visible_screen(html) == 7
    assert _("This class code has been used for as many answers as the class has pupils.") in html
    assert re.search(r'name="q-mood" value="3"[^>]*checked', html)
    full = client.get(survey_url(CLASS))
    assert full.status_code == 409 and _("Everyone in this class has already filled in the survey.") in full.content.decode()
    assert Response.objects.filter(run=run).count() == 1


@override_settings(SURVEY_LIMIT_PER_CLASS=2, SURVEY_LIMIT_PER_ADDRESS=1)
def test_limits_count_per_class_code_for_a_class_and_per_address_otherwise(client, run, klass):
    school = {"REMOTE_ADDR": "192.0.2.10"}
    # One school network: the class is limited by its own code, not by the shared address.
    assert client.post(survey_url(CLASS), form(), **school).status_code == 303
    assert client.post(survey_url(CLASS), form(), **school).status_code == 303
    limited = client.post(survey_url(CLASS), form(), **school)
    assert limited.status_code == 429 and re.search(r'name="q-mood" value="3"[^>]*checked', limited.content.decode())
    # Respondents on their own devices count per address.
    assert client.post(survey_url(), form(), REMOTE_ADDR="198.51.100.1").status_code == 303
    assert client.post(survey_url(), form(), REMOTE_ADDR="198.51.100.1", HTTP_ACCEPT="application/json").status_code == 429
    assert client.post(survey_url(), form(), REMOTE_ADDR="198.51.100.2").status_code == 303
    assert Response.objects.filter(run=run).count() == 4


def test_a_database_failure_keeps_the_answers_and_asks_to_try_again(client, run):
    """The answers' table goes missing for real (the test's transaction puts it back): the response row
    written first is rolled back with it, and the respondent keeps every answer."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE participatie_responseanswer RENAME TO participatie_responseanswer_away")
    response = client.post(survey_url(), form())
    json_reply = client.post(survey_url(), form(), HTTP_ACCEPT="application/json")
    assert Response.objects.filter(run=run).count() == 0, "nothing half-saved"
    html = response.content.decode()
    assert response.status_code == 503 and visible_screen(html) == 7
    assert re.search(r'name="q-life" value="8"[^>]*checked', html), "every answer is given back"
    assert json_reply.status_code == 503 and json_reply.json()["ok"] is False


def test_nothing_about_the_respondent_is_stored(client, run):
    client.post(survey_url(), form(), REMOTE_ADDR="203.0.113.77",
                HTTP_USER_AGENT="KinderTablet/1.0", HTTP_ACCEPT_LANGUAGE="nl")
    response = Response.objects.get(run=run)
    assert {f.name for f in Response._meta.get_fields()} == {"id", "run", "submitted_on", "idempotency_key", "counted", "answers"}
    assert response.submitted_on == datetime.date.today()
    stored = [str(value) for answer in response.answers.values() for value in answer.values()]
    stored += [str(value) for value in Response.objects.filter(pk=response.pk).values().get().values()]
    assert not any("203.0.113" in value or "KinderTablet" in value for value in stored)


def test_survey_pages_are_not_cached_and_give_other_sites_no_referrer(client, run):
    code_page = client.get("/doe-mee/?taal=nl")
    page = client.get(survey_url() + "?taal=nl")
    sent = client.post(survey_url(), form())
    thanks = client.get(sent["Location"])
    for response in (code_page, page, sent, thanks):
        assert "no-store" in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]
    assert code_page["Referrer-Policy"] == thanks["Referrer-Policy"] == "no-referrer"
    # The form page itself: under no-referrer browsers send `Origin: null`, which the CSRF check refuses.
    assert page["Referrer-Policy"] == "same-origin"


def test_respondents_get_no_session_and_no_cookie_but_the_csrf_one(client, run):
    page = client.get(survey_url() + "?taal=nl")
    sent = client.post(survey_url(), form())
    thanks = client.get(sent["Location"])
    assert set(page.cookies) | set(sent.cookies) | set(thanks.cookies) <= {"csrftoken"}


def test_the_survey_form_keeps_django_csrf_protection(run):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(survey_url(), form()).status_code == 403
    page = strict.get(survey_url() + "?taal=nl")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    assert strict.post(survey_url(), form(csrfmiddlewaretoken=token)).status_code == 303


def test_a_fresh_form_is_cached_but_shows_a_changed_question_or_class_at_once(client, run, klass):
    first = client.get(survey_url(CLASS), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    second = client.get(survey_url(CLASS), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert re.search(r'name="key" value="([^"]+)"', first).group(1) != re.search(r'name="key" value="([^"]+)"', second).group(1)
    assert "Class: Groep 7" in second or "Klas: Groep 7" in second
    questionnaire = run.questionnaire
    questionnaire.body = [{**block, "value": {**block["value"], "text": "Hoe voel jij je nu?"}} if block["id"] == "mood" else block
                          for block in body()]
    questionnaire.save()
    klass.label = "Groep 8"
    klass.save()
    html = client.get(survey_url(CLASS), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Hoe voel jij je nu?" in html and "Hoe voel je je vandaag?" not in html
    assert "Groep 8" in html and "Groep 7" not in html

