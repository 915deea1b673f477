"""A team's surveys in the workspace: setting up runs, printables, results, reviewing open answers,
the public page and step 3. Every new URL goes through gemeenten.access like the rest of the workspace."""

import datetime
import io
import re
import uuid

import pytest
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pypdf import PdfReader
from wagtail.models import Locale

from gemeenten.models import Membership
from participatie.models import ClassCode, Questionnaire, ResponseAnswer, Review, SegmentOption, SurveyRun
from participatie.questions import run_questions
from participatie.results import run_results
from participatie.submissions import store_response
from tests.surveys import item, item_id, make_questionnaire
from tests.workspace import add_member, make_team

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)
GET, POST, BOTH = ("get",), ("post",), ("get", "post")


BODY = [
    {"type": "segment", "id": "school", "value": {"text": "Op welke school zit je?", "theme": "school", "kind": "school", "options": []}},
    {"type": "face_scale", "id": "mood", "value": {
        "text": "Hoe voel je je op school?", "theme": "school",
        "labels": [item("l1", "Heel slecht"), item("l2", "Slecht"), item("l3", "Gaat wel"), item("l4", "Goed"), item("l5", "Heel goed")],
    }},
    {"type": "ladder", "id": "life", "value": {"text": "Welk cijfer geef je je leven?", "theme": "wellbeing",
                                               "low_label": "Slechtst", "high_label": "Best"}},
    {"type": "yes_no", "id": "breakfast", "value": {"text": "Heb je vandaag ontbeten?", "theme": "food"}},
    {"type": "choice", "id": "after", "value": {"text": "Wat doe je na school?", "theme": "leisure", "multiple": True, "options": [
        item("sport", {"label": "Sport", "image": None}), item("music", {"label": "Muziek", "image": None}),
    ]}},
    {"type": "open_text", "id": "wish", "value": {"text": "Wat zou helpen?", "theme": "wishes"}},
]


@pytest.fixture
def questionnaire():
    return make_questionnaire(
        BODY, title="Kinderpeiling", intro="Welkom bij de peiling.", consent="Je antwoorden zijn anoniem.", thanks="Dank je wel!",
    )


@pytest.fixture
def team():
    coordinator, team, plan = make_team()
    return team


@pytest.fixture
def coordinator(team):
    return Membership.objects.get(team=team, role="coordinator").user


@pytest.fixture
def reader(team):
    return add_member(team, "lezer@team.example", role="reader")


@pytest.fixture
def member(team):
    return add_member(team, "lid@team.example", role="member")


def make_run(team, questionnaire, code="KIND-TEST", schools=("Noord", "Zuid", "West"), **fields):
    run = SurveyRun.objects.create(
        team=team, questionnaire=questionnaire, title=fields.pop("title", "Peiling voorjaar"), audience="children", code=code,
        opens_on=fields.pop("opens_on", TODAY - 7 * DAY), closes_on=fields.pop("closes_on", TODAY + 7 * DAY),
        min_group_size=fields.pop("min_group_size", 10), **fields,
    )
    for school in schools:
        SegmentOption.objects.create(run=run, kind="school", label=school)
    return run


@pytest.fixture
def run(team, questionnaire):
    return make_run(team, questionnaire)


def respond(run, count=1, school=None, mood=4, life=7, breakfast="yes", after=("sport",), wish=None):
    questions = run_questions(run, run.questionnaire)
    for _number in range(count):
        values = {"mood": mood, "life": life, "breakfast": breakfast, "after": [item_id(key) for key in after]}
        if school:
            values["school"] = run.segment_options.get(label=school).key
        if wish:
            values["wish"] = wish
        store_response(run, questions, values, uuid.uuid4(), TODAY)


def fill(run):
    """Noord 15 and Zuid 12 are shown; West has 4 answers and stays hidden."""
    respond(run, 12, "Noord", mood=5, life=8)
    respond(run, 3, "Noord", mood=4, life=9, breakfast="no")
    respond(run, 7, "Zuid", mood=4, life=6)
    respond(run, 5, "Zuid", mood=2, life=5, breakfast="no", after=("music",))
    respond(run, 4, "West", mood=1, life=3, breakfast="no", after=())


def fill_every_face(run):
    """fill, plus answers enough that every face of the mood question is shown overall (not per school)."""
    fill(run)
    respond(run, 5, "Zuid", mood=3)
    respond(run, 1, "Noord", mood=1)


def group_hidden(count):
    """The note in a group's row whose figures are hidden, as the results template writes it."""
    return _("Not shown: fewer than %(count)s answers in this group, or it would let another small group be worked out.") % {
        "count": count,
    }


def average(mean):
    """The mean under a five-face question, as the results template writes it."""
    return _("Average: %(mean)s on a scale from %(low)s to %(high)s.") % {"mean": mean, "low": 1, "high": 5}


def url(name, run, *extra):
    return reverse(f"gemeenten:peilingen:{name}", args=[run.team_id, run.pk, *extra])


def team_url(name, team):
    return reverse(f"gemeenten:peilingen:{name}", args=[team.pk])


def run_data(chosen, **changes):
    data = {
        "questionnaire": chosen.pk, "title": "Kinderpeiling najaar", "audience": "children", "code": "",
        "opens_on": TODAY.isoformat(), "closes_on": (TODAY + 14 * DAY).isoformat(), "min_group_size": "10",
        "retention_months": "12", "groups_school": "De Duinroos\nHet Kompas\n\nde duinroos\n",
    }
    data.update(changes)
    return data


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


# Access


@pytest.fixture
def urls(team, run):
    class_code = ClassCode.objects.create(run=run, code="KLAS-TEST", label="Groep 7")
    return [
        (team_url("runs", team), GET),
        (team_url("create_run", team), BOTH),
        (url("run", run), GET),
        (url("edit_run", run), BOTH),
        (url("delete_run", run), POST),
        (url("add_class_code", run), POST),
        (url("remove_class_code", run, class_code.pk), POST),
        (url("qr_code", run), GET),
        (url("poster", run), GET),
        (url("letter", run), GET),
        (url("results", run), GET),
        (url("export_csv", run), GET),
        (url("export_xlsx", run), GET),
        (url("review", run), BOTH),
    ]


def test_a_member_of_another_team_gets_404_on_every_survey_url(client, urls, run):
    respond(run, 12, "Noord", wish="Geheim antwoord")
    stranger, other_team, _plan = make_team("vreemde@zaanstad.example", code="GM0479", name="Ander team")
    client.force_login(stranger)
    for address, methods in urls:
        for method in methods:
            response = getattr(client, method)(address)
            assert response.status_code == 404, (method, address, response.status_code)
            assert b"Geheim antwoord" not in response.content
    # Nor through the stranger's own team: a run belongs to exactly one team.
    for address, methods in urls:
        own = address.replace(f"/werkruimte/{run.team_id}/", f"/werkruimte/{other_team.pk}/", 1)
        for method in methods:
            if own.endswith("/peilingen/") or own.endswith("/nieuw/"):
                continue
            response = getattr(client, method)(own)
            assert response.status_code == 404, (method, own, response.status_code)
    assert SurveyRun.objects.filter(pk=run.pk).exists()


def test_methods_a_view_does_not_take_are_refused(client, coordinator, urls):
    client.force_login(coordinator)
    for address, methods in urls:
        for method in {"get", "post"} - set(methods):
            assert getattr(client, method)(address).status_code == 405, (method, address)


def test_anonymous_visitors_are_sent_to_login_on_every_survey_url(client, urls):
    for address, methods in urls:
        for method in methods:
            response = getattr(client, method)(address)
            assert response.status_code == 302, address
            assert response["Location"].startswith(reverse("account_login")), address


def test_a_reader_sees_runs_and_results_but_changes_nothing(client, reader, run, questionnaire):
    fill(run)
    class_code = ClassCode.objects.create(run=run, code="KLAS-LEES", label="Groep 8")
    client.force_login(reader)
    for address in (team_url("runs", reader.memberships.get().team), url("run", run), url("results", run),
                    url("qr_code", run), url("poster", run), url("letter", run), url("export_csv", run), url("export_xlsx", run)):
        assert client.get(address).status_code == 200, address
    detail = client.get(url("run", run)).content.decode()
    assert "Set up a survey" not in detail and url("edit_run", run) not in detail and url("review", run) not in detail
    refused = [
        ("get", team_url("create_run", run.team), {}),
        ("post", team_url("create_run", run.team), run_data(questionnaire)),
        ("get", url("edit_run", run), {}),
        ("post", url("edit_run", run), run_data(questionnaire, title="Anders")),
        ("post", url("delete_run", run), {"confirm": run.code}),
        ("post", url("add_class_code", run), {"class-label": "Groep 6", "class-max_responses": "25"}),
        ("post", url("remove_class_code", run, class_code.pk), {}),
        ("get", url("review", run), {}),
        ("post", url("review", run), {"answer": "1", "decision": "shown"}),
    ]
    for method, address, data in refused:
        assert getattr(client, method)(address, data).status_code == 403, (method, address)
    run.refresh_from_db()
    assert run.title == "Peiling voorjaar"
    assert ClassCode.objects.filter(pk=class_code.pk).exists()
    assert SurveyRun.objects.filter(team=run.team).count() == 1


def test_a_member_reviews_but_does_not_set_up_runs(client, member, run, questionnaire):
    client.force_login(member)
    assert client.get(url("review", run)).status_code == 200
    assert client.get(team_url("create_run", run.team)).status_code == 403
    assert client.post(url("edit_run", run), run_data(questionnaire)).status_code == 403


def test_out_of_range_and_foreign_ids_are_404_not_500(client, coordinator, run, questionnaire):
    client.force_login(coordinator)
    assert client.get(f"/werkruimte/{run.team_id}/peilingen/{'9' * 12}/").status_code == 404
    assert client.get(f"/werkruimte/{run.team_id}/peilingen/999999/").status_code == 404
    other = make_run(run.team.__class__.objects.create(name="Los team"), questionnaire, code="KIND-ANDER")
    foreign_class = ClassCode.objects.create(run=other, code="KLAS-ANDER", label="Groep 5")
    assert client.post(url("remove_class_code", run, foreign_class.pk)).status_code == 404
    assert client.post(url("remove_class_code", run, 999999999)).status_code == 404
    assert ClassCode.objects.filter(pk=foreign_class.pk).exists()


# Setting up a run


def test_a_coordinator_chooses_a_questionnaire_and_sets_up_a_run(client, coordinator, team, questionnaire):
    client.force_login(coordinator)
    choose = client.get(team_url("create_run", team))
    assert choose.status_code == 200
    assert "Kinderpeiling" in choose.content.decode()
    form = client.get(team_url("create_run", team), {"vragenlijst": questionnaire.pk})
    page = form.content.decode()
    assert form.status_code == 200
    assert 'value="children" selected' in page
    suggested = re.search(r'name="code" value="([^"]+)"', page).group(1)
    assert re.fullmatch(r"KIND-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}", suggested)
    assert 'name="groups_school"' in page and 'name="team_response"' not in page

    response = client.post(team_url("create_run", team), run_data(questionnaire, code=" kind-eigen "))
    run = SurveyRun.objects.get(team=team)
    assert response.status_code == 302 and response["Location"] == url("run", run)
    assert run.code == "KIND-EIGEN"
    assert run.created_by == coordinator
    assert sorted(run.segment_options.values_list("label", flat=True)) == ["De Duinroos", "Het Kompas"]


def test_an_empty_code_gets_a_generated_one(client, coordinator, team, questionnaire):
    client.force_login(coordinator)
    client.post(team_url("create_run", team), run_data(questionnaire, code=""))
    assert re.fullmatch(r"KIND-[A-Z2-9]{4}", SurveyRun.objects.get(team=team).code)


def test_only_live_questionnaires_in_the_default_language_are_offered(client, coordinator, team, questionnaire):
    draft = Questionnaire(title="Concept", audience="youth", intro="-", consent="-", thanks="-", body=BODY,
                          locale=Locale.objects.get(language_code="nl"), live=False)
    draft.save()
    english = questionnaire.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Children's survey"
    english.save()
    english.save_revision().publish()
    client.force_login(coordinator)
    page = client.get(team_url("create_run", team)).content.decode()
    assert "Kinderpeiling" in page and "Concept" not in page and "Children&#x27;s survey" not in page
    for other in (draft, english):
        response = client.post(team_url("create_run", team), run_data(questionnaire, questionnaire=other.pk))
        assert response.status_code == 422
    assert not SurveyRun.objects.filter(team=team).exists()


CODE_IN_USE = "This code is already in use. Choose another one or use the suggested code."
CODE_FORMAT = "Use 4 to 20 capital letters, digits and hyphens."


# Our own messages are given as msgids (with the values the form fills in) and compared in the page's language;
# Django's own messages come from Django's Dutch catalogue and are given as Dutch fragments.
@pytest.mark.parametrize("changes, field, message", [
    ({"closes_on": (TODAY - DAY).isoformat()}, "closes_on", "The closing date must be on or after the opening date."),
    ({"opens_on": (TODAY - 10 * DAY).isoformat(), "closes_on": (TODAY - 2 * DAY).isoformat()}, "closes_on",
     "The closing date has passed. Choose today or a later date."),
    ({"opens_on": "31-02-2027"}, "opens_on", "geldige datum"),
    ({"min_group_size": "3"}, "min_group_size", "At least 5: smaller groups could be recognised."),
    ({"min_group_size": "4.5"}, "min_group_size", "geheel getal"),
    ({"min_group_size": "9" * 30}, "min_group_size", "At most 100."),
    ({"retention_months": "0"}, "retention_months", "At least 1 month."),
    ({"code": "KIND-TEST"}, "code", CODE_IN_USE),
    ({"code": "klas-test"}, "code", CODE_IN_USE),
    ({"code": "KIND_7H3K"}, "code", CODE_FORMAT),
    ({"code": "AB"}, "code", CODE_FORMAT),
    ({"questionnaire": "abc"}, "questionnaire", "geldige keuze"),
    ({"questionnaire": "9" * 25}, "questionnaire", "geldige keuze"),
    ({"groups_school": ""}, "groups_school", "The questionnaire asks for this: list at least one."),
    ({"groups_school": "x" * 121}, "groups_school", ("“%(label)s…” is longer than 120 characters.", {"label": "x" * 40})),
    ({"title": ""}, "title", "verplicht"),
])
def test_bad_input_gives_form_errors(client, coordinator, team, questionnaire, run, changes, field, message):
    ClassCode.objects.create(run=run, code="KLAS-TEST", label="Groep 7")
    client.force_login(coordinator)
    response = client.post(team_url("create_run", team), run_data(questionnaire, **changes))
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert field in errors, errors
    msgid, values = message if isinstance(message, tuple) else (message, None)
    expected = _(msgid) % values if values else _(msgid)
    assert expected in " ".join(errors[field]), errors[field]
    assert f'href="#id_{field}"' in response.content.decode()
    assert SurveyRun.objects.filter(team=team).count() == 1


def test_a_questionnaire_choice_that_is_not_offered_is_a_form_error(client, coordinator, team):
    client.force_login(coordinator)
    for value in ("abc", "9" * 25, "-1"):
        response = client.get(team_url("create_run", team), {"vragenlijst": value})
        assert response.status_code == 422
        assert _("Choose one of the questionnaires.") in response.content.decode()


def test_editing_an_open_run_keeps_its_questionnaire_and_code(client, coordinator, run, questionnaire):
    respond(run, 2, "West")
    other = Questionnaire(title="Andere", audience="youth", intro="-", consent="-", thanks="-", body=BODY,
                          locale=Locale.objects.get(language_code="nl"))
    other.save()
    other.save_revision().publish()
    client.force_login(coordinator)
    assert _("Fixed once the survey has opened.") in client.get(url("edit_run", run)).content.decode()
    data = run_data(questionnaire, questionnaire=other.pk, code="KIND-NIEUW", audience="youth", title="Nieuwe titel",
                    closes_on=(TODAY + 30 * DAY).isoformat(), opens_on=(TODAY - 7 * DAY).isoformat(), min_group_size="12",
                    team_response="We gaan aan de slag.", groups_school="Noord\nZuid\nWest\nOost")
    response = client.post(url("edit_run", run), data)
    assert response.status_code == 302
    run.refresh_from_db()
    assert (run.questionnaire, run.code, run.audience) == (questionnaire, "KIND-TEST", "children")
    assert (run.title, run.closes_on, run.min_group_size) == ("Nieuwe titel", TODAY + 30 * DAY, 12)
    assert run.team_response == "We gaan aan de slag."
    assert set(run.segment_options.values_list("label", flat=True)) == {"Noord", "Zuid", "West", "Oost"}

    # A school with answers cannot go; one without can.
    response = client.post(url("edit_run", run), {**data, "groups_school": "Noord\nZuid\nOost"})
    assert response.status_code == 422
    assert _("“%(label)s” already has answers and cannot be removed or renamed.") % {"label": "West"} in response.content.decode()
    response = client.post(url("edit_run", run), {**data, "groups_school": "Noord\nZuid\nWest"})
    assert response.status_code == 302
    assert set(run.segment_options.values_list("label", flat=True)) == {"Noord", "Zuid", "West"}
    assert client.post(url("edit_run", run), {**data, "min_group_size": "3"}).status_code == 422
    run.refresh_from_db()
    assert run.min_group_size == 12


def test_a_run_that_has_not_opened_may_change_its_code(client, coordinator, run, questionnaire):
    run.opens_on, run.closes_on = TODAY + 3 * DAY, TODAY + 10 * DAY
    run.save()
    client.force_login(coordinator)
    data = run_data(questionnaire, code="kind-later", opens_on=run.opens_on.isoformat(), closes_on=run.closes_on.isoformat())
    assert client.post(url("edit_run", run), data).status_code == 302
    run.refresh_from_db()
    assert run.code == "KIND-LATER"


def test_class_codes_are_added_and_removed(client, coordinator, run):
    client.force_login(coordinator)
    response = client.post(url("add_class_code", run), {"class-label": "Groep 7, De Duinroos", "class-max_responses": "28"})
    assert response.status_code == 302
    class_code = run.class_codes.get()
    assert re.fullmatch(r"KLAS-[A-Z2-9]{4}", class_code.code)
    assert class_code.max_responses == 28
    page = client.get(url("run", run)).content.decode()
    assert class_code.code in page and f"http://testserver/doe-mee/{run.code}/klas/{class_code.code}/" in page
    for bad in ({"class-label": "", "class-max_responses": "28"}, {"class-label": "Groep 8", "class-max_responses": "0"},
                {"class-label": "Groep 8", "class-max_responses": "veel"}):
        assert client.post(url("add_class_code", run), bad).status_code == 422
    assert client.post(url("remove_class_code", run, class_code.pk)).status_code == 302
    assert not run.class_codes.exists()


def test_deleting_a_run_with_answers_needs_its_code(client, coordinator, run):
    respond(run, 2, "Noord")
    client.force_login(coordinator)
    assert client.post(url("delete_run", run), {"confirm": "verkeerd"}).status_code == 302
    assert SurveyRun.objects.filter(pk=run.pk).exists()
    response = client.post(url("delete_run", run), {"confirm": run.code})
    assert response["Location"] == team_url("runs", run.team)
    assert not SurveyRun.objects.filter(pk=run.pk).exists()


# The run's page and printables


def test_the_run_list_shows_status_and_respondents(client, reader, team, questionnaire, run):
    respond(run, 3, "Noord")
    make_run(team, questionnaire, code="KIND-LATER", opens_on=TODAY + 5 * DAY, closes_on=TODAY + 9 * DAY, title="Later")
    make_run(team, questionnaire, code="KIND-KLAAR", opens_on=TODAY - 9 * DAY, closes_on=TODAY - 5 * DAY, title="Klaar")
    make_run(team, questionnaire, code="KIND-WEG", opens_on=TODAY - 99 * DAY, closes_on=TODAY - 90 * DAY, title="Weg",
             purged_on=TODAY - DAY, kept_counts={"respondents": 31, "answers": {}, "answered": {}, "groups": {}})
    client.force_login(reader)
    response = client.get(team_url("runs", team))
    runs = {run.code: run for run in response.context["runs"]}
    assert {code: (run.status, run.respondents) for code, run in runs.items()} == {
        "KIND-TEST": ("open", 3), "KIND-LATER": ("upcoming", 0), "KIND-KLAAR": ("closed", 0), "KIND-WEG": ("purged", 31),
    }
    caption = ngettext("%(counter)s survey", "%(counter)s surveys", 4) % {"counter": 4}
    assert f'<caption class="utrecht-table__caption" id="runs-caption">{caption}</caption>' in response.content.decode()


def test_the_run_page_gives_the_link_and_the_qr_code(client, reader, run):
    client.force_login(reader)
    page = client.get(url("run", run)).content.decode()
    assert "http://testserver/doe-mee/KIND-TEST/" in page
    assert f'src="{url("qr_code", run)}"' in page
    qr = client.get(url("qr_code", run))
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<svg") or qr.content.startswith(b"<?xml")
    assert b"<path" in qr.content
    download = client.get(url("qr_code", run), {"download": "1"})
    assert download["Content-Disposition"] == 'attachment; filename="qr-kind-test.svg"'


def test_the_poster_has_the_code_link_and_dates(client, reader, run):
    client.force_login(reader)
    response = client.get(url("poster", run))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="poster-kind-test-nl.pdf"'
    text = pdf_text(response.content)
    assert "KIND-TEST" in text
    assert "doe-mee/KIND-TEST" in text.replace("\n", "")
    english = client.get(url("poster", run), {"taal": "en"})
    assert english["Content-Language"] == "en"
    assert "What do you think? Tell us!" in " ".join(pdf_text(english.content).split())
    # A language the portal does not speak falls back to Dutch.
    assert client.get(url("poster", run), {"taal": "xx"})["Content-Language"] == "nl"


def test_the_letter_to_parents_says_what_is_asked_and_how_to_object(client, reader, coordinator, run):
    client.force_login(reader)
    response = client.get(url("letter", run), {"taal": "en"})
    assert response["Content-Disposition"] == 'attachment; filename="brief-ouders-kind-test-en.pdf"'
    text = " ".join(pdf_text(response.content).split())
    for expected in ("Anonymous and voluntary", "Hoe voel je je op school?", "Welk cijfer geef je je leven?",
                     "fewer than 10 children", "will not take part", coordinator.email, run.purge_after.strftime("%Y"),
                     "KIND-TEST"):
        assert expected in text, expected


# Results


def test_results_wait_for_the_smallest_group(client, reader, run):
    respond(run, 9, "Noord")
    client.force_login(reader)
    page = client.get(url("results", run)).content.decode()
    assert _("Results appear once at least %(count)s have answered.") % {"count": 10} in page
    assert url("export_csv", run) not in page


def test_results_show_figures_means_and_hidden_groups(client, reader, run):
    fill(run)
    client.force_login(reader)
    response = client.get(url("results", run))
    page = response.content.decode()
    assert response.context["results"].respondents == 31
    assert "Hoe voel je je op school?" in page and "Welk cijfer geef je je leven?" in page
    assert '<th scope="row" class="utrecht-table__header-cell">Noord</th>' in page
    west = page.index('<th scope="row" class="utrecht-table__header-cell">West</th>')
    assert group_hidden(10) in page[west:west + 400]
    assert _("Why some figures are not shown") in page
    assert "<caption" in page and 'scope="col"' in page
    # Nothing about West's four children is on the page: no row gives its count or figures.
    assert not re.search(r"West</th>\s*<td class=\"utrecht-table__cell\">\d", page)


def test_an_average_is_left_out_when_its_line_has_hidden_figures(client, reader, run):
    fill(run)
    respond(run, 1, "Noord")
    client.force_login(reader)
    page = client.get(url("results", run)).content.decode()
    by_group = _("By group: “%(by)s”") % {"by": "Op welke school zit je?"}
    assert by_group in page
    mood = page.split("Hoe voel je je op school?</h3>")[1].split(by_group)[0]
    assert _("Average not shown: with the figures shown it would give away hidden ones.") in mood
    assert average("3.7") not in mood and average("3,7") not in mood
    respond(run, 5, "Zuid", mood=3)
    respond(run, 1, "Noord", mood=1)
    page = client.get(url("results", run)).content.decode()
    mood = page.split("Hoe voel je je op school?</h3>")[1].split(by_group)[0]
    assert average("3.5") in mood or average("3,5") in mood


def test_the_results_page_uses_run_results_only(client, reader, run):
    """The page shows exactly what run_results gives; a hidden figure is never in the page as a number."""
    fill(run)
    results = run_results(run, "nl")
    client.force_login(reader)
    page = client.get(url("results", run)).content.decode()
    for theme in results.themes:
        for result in theme.questions:
            for figure in result.figures:
                if figure.count is not None:
                    assert f"<td class=\"utrecht-table__cell\">{figure.count}</td>" in page


# Open answers


def test_open_answers_are_reviewed_before_they_are_shown(client, member, reader, run):
    fill(run)
    respond(run, 1, "Noord", wish="Meer speeltuinen, mail me op kind@example.com")
    respond(run, 1, "Zuid", wish="Gratis zwemles")
    respond(run, 1, "Zuid", wish="Iets geheims")
    client.force_login(member)
    page = client.get(url("review", run)).content.decode()
    assert ngettext("%(counter)s answer to review", "%(counter)s answers to review", 3) % {"counter": 3} in page
    assert "kind@example.com" not in page and "[e-mail]" in page
    results_page = client.get(url("results", run)).content.decode()
    assert "Gratis zwemles" not in results_page

    swim = ResponseAnswer.objects.get(text="Gratis zwemles")
    secret = ResponseAnswer.objects.get(text="Iets geheims")
    assert client.post(url("review", run), {"answer": swim.pk, "decision": "shown"}).status_code == 302
    assert client.post(url("review", run), {"answer": secret.pk, "decision": "hidden"}).status_code == 302
    swim.refresh_from_db()
    secret.refresh_from_db()
    assert (swim.review, swim.reviewed_by) == (Review.SHOWN, member)
    assert (secret.review, secret.reviewed_by) == (Review.HIDDEN, member)

    results_page = client.get(url("results", run)).content.decode()
    assert "Gratis zwemles" in results_page and "Iets geheims" not in results_page and "speeltuinen" not in results_page
    public = client.get(reverse("participatie:public_results", args=[run.code])).content.decode()
    assert "Gratis zwemles" in public and "Iets geheims" not in public

    client.force_login(reader)
    assert client.post(url("review", run), {"answer": secret.pk, "decision": "shown"}).status_code == 403
    secret.refresh_from_db()
    assert secret.review == Review.HIDDEN


def test_open_answers_wait_for_the_smallest_group(client, member, run):
    respond(run, 1, "Noord", wish="Te vroeg")
    client.force_login(member)
    page = client.get(url("review", run)).content.decode()
    assert "Te vroeg" not in page
    assert _("Open answers can be reviewed once at least %(count)s have answered.") % {"count": 10} in page
    early = ResponseAnswer.objects.get(text="Te vroeg")
    client.post(url("review", run), {"answer": early.pk, "decision": "shown"})
    early.refresh_from_db()
    assert early.review == Review.PENDING


def test_bad_review_posts_are_refused_without_500(client, member, run, questionnaire):
    fill(run)
    respond(run, 1, "Noord", wish="Mijn wens")
    wish = ResponseAnswer.objects.get(text="Mijn wens")
    number = ResponseAnswer.objects.filter(response__run=run, text="").first()
    other = make_run(run.team, questionnaire, code="KIND-TWEE")
    respond(other, 1, "Noord", wish="Andere peiling")
    foreign = ResponseAnswer.objects.get(text="Andere peiling")
    client.force_login(member)
    for answer_id in ("", "abc", "9" * 30, "٣", str(number.pk), str(foreign.pk)):
        assert client.post(url("review", run), {"answer": answer_id, "decision": "shown"}).status_code == 404, answer_id
    response = client.post(url("review", run), {"answer": wish.pk, "decision": "publish"}, follow=True)
    assert _("Choose whether to show or hide the answer.") in response.content.decode()
    for answer in (wish, foreign):
        answer.refresh_from_db()
        assert answer.review == Review.PENDING


# The public page


def public_url(code, language=None):
    address = reverse("participatie:public_results", args=[code])
    return f"/{language}{address}" if language else address


def test_the_public_page_says_what_we_heard_and_what_we_do(client, run):
    fill_every_face(run)
    respond(run, 1, "Noord", wish="Een gratis sportclub")
    ResponseAnswer.objects.filter(text="Een gratis sportclub").update(review=Review.SHOWN)
    run.team_response = "We beginnen met gratis zwemles."
    run.save()
    response = client.get(public_url(run.code))
    page = response.content.decode()
    assert response.status_code == 200
    children = _("children")
    assert _("What we heard, what we do") in page
    assert _("%(count)s %(noun)s answered the survey. Thank you!") % {"count": 38, "noun": children} in page
    # 12 of 38 chose the happiest face (32 %) and 11 the one below (29 %): about 6 out of 10.
    assert capfirst(_("%(part)s %(noun)s who answered chose “%(first)s” or “%(second)s”.") % {
        "part": _("%(count)s out of 10") % {"count": 6}, "noun": children, "first": "Goed", "second": "Heel goed",
    }) in page
    assert _("On average %(noun)s chose %(mean)s on a scale from %(low)s to %(high)s.") % {
        "noun": children, "mean": "3,5", "low": 1, "high": 5,
    } in page  # 134 / 38, written the Dutch way
    # 26 of 38 had breakfast (68 %): about 7 out of 10.
    assert capfirst(_("%(part)s %(noun)s who answered said yes.") % {
        "part": _("%(count)s out of 10") % {"count": 7}, "noun": children,
    }) in page
    # The ladder has hidden figures, so its average is left out and there is nothing to say about it.
    gave = _("On average %(noun)s gave a %(mean)s out of %(high)s.").split("%(mean)s")[0] % {"noun": children}
    assert gave not in page and "Welk cijfer geef je je leven?" not in page
    assert "Een gratis sportclub" in page
    assert "We beginnen met gratis zwemles." in page
    # No school is singled out in public.
    assert "Noord" not in page and "West" not in page


def test_the_public_page_waits_for_enough_answers(client, run):
    respond(run, 4, "Noord", wish="Nog geheim")
    ResponseAnswer.objects.filter(text="Nog geheim").update(review=Review.SHOWN)
    page = client.get(public_url(run.code.lower())).content.decode()
    assert _("Thank you for taking part! There are not enough answers yet to show what we heard. Results appear once at "
             "least %(count)s have answered, so that nobody can be recognised.") % {"count": 10} in page
    assert "Nog geheim" not in page


def test_the_public_page_starts_every_sentence_with_a_capital_in_english(client, run):
    respond(run, 190, "Noord")
    respond(run, 10, "Zuid", breakfast="no")
    page = client.get(public_url(run.code, "en")).content.decode()
    # 190 of 200 had breakfast (95 %): the sentence starts with “nearly all”.
    assert "Nearly all children who answered said yes." in page
    assert "nearly all" not in page


def test_the_public_page_is_404_for_an_unknown_code(client):
    assert client.get(public_url("BESTAAT-NIET")).status_code == 404


@pytest.mark.parametrize("language", ["en", "ar", "tr", "pl", "uk"])
def test_the_public_page_works_in_every_survey_language(client, run, language):
    fill(run)
    response = client.get(public_url(run.code, language))
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


# Step 3 of the workspace


def test_step_3_shows_the_survey_results(client, reader, team, run):
    fill(run)
    plan = team.current_plan()
    client.force_login(reader)
    page = client.get(reverse("gemeenten:worksheet", args=[team.pk, plan.cycle, "3"])).content.decode()
    assert 'id="survey-results"' in page
    assert "Peiling voorjaar" in page
    assert "Hoe voel je je op school?" in page
    west = page.index('<th scope="row" class="utrecht-table__header-cell">West</th>')
    assert group_hidden(10) in page[west:west + 300]
    assert _("Why some figures are not shown") in page
    other_step = client.get(reverse("gemeenten:worksheet", args=[team.pk, plan.cycle, "2"])).content.decode()
    assert 'id="survey-results"' not in other_step


def test_the_plan_links_to_the_surveys(client, reader, team):
    client.force_login(reader)
    page = client.get(reverse("gemeenten:plan", args=[team.pk, team.current_plan().cycle])).content.decode()
    assert team_url("runs", team) in page


def test_a_shown_mean_does_not_give_away_hidden_figures(run):
    fill(run)
    respond(run, 1, "Noord")
    mood = next(result for theme in run_results(run, "nl").themes for result in theme.questions if result.question.id == "mood")
    assert [figure.count for figure in mood.figures] == [None, 5, None, 11, 12]
    # With the mean, only one split would fit (4 chose the saddest face, none the middle one): it is not shown.
    assert mood.mean is None
