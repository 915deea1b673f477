import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gemeenten.answers import save_answer
from gemeenten.cycles import start_next_cycle
from gemeenten.method import find_step, step_questions
from gemeenten.models import Answer, AnswerVersion, StepState
from gemeenten.overview import held_back_versions
from tests.workspace import add_member, make_team, question

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    coordinator, team, plan = make_team()
    return coordinator, team, plan


def worksheet_url(team, plan, code="1"):
    return reverse("gemeenten:worksheet", args=[team.pk, plan.cycle, code])


def answer_url(team, plan, question_id):
    return reverse("gemeenten:answer", args=[team.pk, plan.cycle, question_id])


def test_the_worksheet_form_saves_answers_with_a_version_each(client, team):
    coordinator, team, plan = team
    asked = question("1")
    client.force_login(coordinator)
    field = f"q-{asked.id}"
    response = client.post(worksheet_url(team, plan), {field: "Eerste tekst", f"{field}-base": "0"})
    assert response.status_code == 302
    client.post(worksheet_url(team, plan), {field: "Tweede tekst", f"{field}-base": "1"})
    answer = Answer.objects.get(plan=plan, question_id=asked.id)
    assert (answer.value, answer.version, answer.updated_by) == ("Tweede tekst", 2, coordinator)
    assert [v.value for v in answer.versions.all()] == ["Tweede tekst", "Eerste tekst"]
    assert StepState.objects.get(plan=plan, step_code="1").last_edited_by == coordinator
    page = client.get(worksheet_url(team, plan)).content.decode()
    assert "Tweede tekst" in page


def test_a_later_save_from_an_older_version_is_held_back_and_both_survive(client, team):
    coordinator, team, plan = team
    member = add_member(team, "lid@team.example")
    asked = question("1")
    first = save_answer(plan, "1", asked, "Tekst van de coördinator", 0, coordinator)
    second = save_answer(plan, "1", asked, "Tekst van het lid", 0, member)
    assert (first.status, second.status) == ("saved", "conflict")
    answer = Answer.objects.get(plan=plan, question_id=asked.id)
    assert answer.value == "Tekst van de coördinator"
    held = answer.versions.get(kind=AnswerVersion.Kind.CONFLICT)
    assert (held.value, held.author, held.resolved) == ("Tekst van het lid", member, False)

    client.force_login(member)
    overview = client.get(reverse("gemeenten:plan", args=[team.pk, plan.cycle])).content.decode()
    assert "Compare both versions" in overview or "Vergelijk beide versies" in overview
    history = client.get(answer_url(team, plan, asked.id)).content.decode()
    assert "Tekst van de coördinator" in history and "Tekst van het lid" in history

    client.post(answer_url(team, plan, asked.id), {"action": "keep_mine", "version": held.pk})
    answer.refresh_from_db()
    held.refresh_from_db()
    assert answer.value == "Tekst van het lid" and held.resolved
    assert answer.versions.filter(value="Tekst van de coördinator").exists()


def test_keeping_the_other_text_only_closes_the_choice(client, team):
    coordinator, team, plan = team
    member = add_member(team, "lid@team.example")
    asked = question("1")
    save_answer(plan, "1", asked, "Hun tekst", 0, coordinator)
    held = save_answer(plan, "1", asked, "Mijn tekst", 0, member).version
    client.force_login(coordinator)
    client.post(answer_url(team, plan, asked.id), {"action": "keep_theirs", "version": held.pk})
    held.refresh_from_db()
    assert not held.resolved, "only the author of a held-back text chooses"
    client.force_login(member)
    client.post(answer_url(team, plan, asked.id), {"action": "keep_theirs", "version": held.pk})
    held.refresh_from_db()
    assert held.resolved
    assert Answer.objects.get(plan=plan, question_id=asked.id).value == "Hun tekst"


def test_autosave_answers_in_json(client, team):
    coordinator, team, plan = team
    member = add_member(team, "lid@team.example")
    asked = question("1")
    field = f"q-{asked.id}"
    client.force_login(coordinator)
    headers = {"Accept": "application/json"}
    saved = client.post(answer_url(team, plan, asked.id), {field: "Concept", f"{field}-base": "0"}, headers=headers)
    assert saved.status_code == 200 and saved.json()["status"] == "saved" and saved.json()["version"] == 1
    same = client.post(answer_url(team, plan, asked.id), {field: "Concept", f"{field}-base": "1"}, headers=headers)
    assert same.json()["status"] == "unchanged"
    too_long = client.post(answer_url(team, plan, asked.id), {field: "x" * 5001, f"{field}-base": "1"}, headers=headers)
    assert too_long.status_code == 422 and "5000" in too_long.json()["message"]
    client.force_login(member)
    stale = client.post(answer_url(team, plan, asked.id), {field: "Oud", f"{field}-base": "0"}, headers=headers)
    assert stale.status_code == 409 and stale.json()["status"] == "conflict"
    assert Answer.objects.get(plan=plan, question_id=asked.id).value == "Concept"


def test_bad_input_keeps_the_text_and_saves_the_rest(client, team):
    coordinator, team, plan = team
    questions = [q for q in step_questions(find_step("1"), False).all() if q.answer_kind == "text"]
    good, bad = questions[0], questions[1]
    client.force_login(coordinator)
    long_text = "Lang " * 1100
    response = client.post(worksheet_url(team, plan), {
        f"q-{good.id}": "Goed", f"q-{good.id}-base": "0", f"q-{bad.id}": long_text, f"q-{bad.id}-base": "0",
    })
    assert response.status_code == 422
    page = response.content.decode()
    assert long_text.strip() in page
    assert 'aria-invalid="true"' in page
    assert Answer.objects.get(plan=plan, question_id=good.id).value == "Goed"
    assert not Answer.objects.filter(plan=plan, question_id=bad.id).exists()


def test_html_in_answers_is_shown_as_text(client, team):
    coordinator, team, plan = team
    asked = question("1")
    save_answer(plan, "1", asked, '<script>alert("x")</script><b>vet</b>', 0, coordinator)
    client.force_login(coordinator)
    for url in (worksheet_url(team, plan), answer_url(team, plan, asked.id)):
        page = client.get(url).content.decode()
        assert "&lt;script&gt;" in page
        assert '<script>alert("x")' not in page


def test_table_answers_keep_their_rows_and_drop_empty_ones(client, team):
    coordinator, team, plan = team
    asked = question("3", "table")
    client.force_login(coordinator)
    field = f"q-{asked.id}"
    assert len(asked.columns) == 2
    client.post(worksheet_url(team, plan, "3"), {
        f"{field}-base": "0", f"{field}-0-0": "Te laat op school", f"{field}-0-1": "Ontbijt op school",
        f"{field}-1-0": "", f"{field}-1-1": "", f"{field}-2-0": "", f"{field}-2-1": "Ouderavond",
    })
    answer = Answer.objects.get(plan=plan, question_id=asked.id)
    assert answer.value == [["Te laat op school", "Ontbijt op school"], ["", "Ouderavond"]]


def test_history_restores_an_earlier_version(client, team):
    coordinator, team, plan = team
    asked = question("1")
    save_answer(plan, "1", asked, "Versie een", 0, coordinator)
    save_answer(plan, "1", asked, "Versie twee", 1, coordinator)
    first = AnswerVersion.objects.get(answer__plan=plan, value="Versie een")
    client.force_login(coordinator)
    client.post(answer_url(team, plan, asked.id), {"action": "restore", "version": first.pk, "current": "2"})
    answer = Answer.objects.get(plan=plan, question_id=asked.id)
    assert (answer.value, answer.version) == ("Versie een", 3)
    assert answer.versions.first().kind == AnswerVersion.Kind.RESTORED


def test_answers_to_removed_questions_are_kept_and_shown(client, team):
    coordinator, team, plan = team
    Answer.objects.create(
        plan=plan, step_code="2", question_id="verdwenen-vraag", question_text="Een vraag die niet meer bestaat",
        answer_kind="text", value="Ons oude antwoord", version=1,
    )
    client.force_login(coordinator)
    page = client.get(worksheet_url(team, plan, "2")).content.decode()
    assert "Een vraag die niet meer bestaat" in page and "Ons oude antwoord" in page
    assert "removed-heading" in page
    assert client.get(answer_url(team, plan, "verdwenen-vraag")).status_code == 200


def test_readers_read_but_do_not_write(client, team):
    coordinator, team, plan = team
    reader = add_member(team, "lezer@team.example", role="reader")
    asked = question("1")
    client.force_login(reader)
    page = client.get(worksheet_url(team, plan))
    assert page.status_code == 200 and "<textarea" not in page.content.decode()
    field = f"q-{asked.id}"
    assert client.post(worksheet_url(team, plan), {field: "x", f"{field}-base": "0"}).status_code == 403
    assert client.post(answer_url(team, plan, asked.id), {field: "x", f"{field}-base": "0"}).status_code == 403
    assert not Answer.objects.filter(plan=plan).exists()


def test_next_cycle_carries_answers_forward_and_closes_the_old_plan(client, team):
    coordinator, team, plan = team
    asked = question("1")
    save_answer(plan, "1", asked, "Wat we in 2027 vonden", 0, coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("gemeenten:next_cycle", args=[team.pk, plan.cycle]))
    new_plan = team.plans.get(cycle=2028)
    assert response["Location"] == reverse("gemeenten:plan", args=[team.pk, 2028])
    plan.refresh_from_db()
    assert plan.is_archived and new_plan.previous == plan
    carried = Answer.objects.get(plan=new_plan, question_id=asked.id)
    assert carried.value == "Wat we in 2027 vonden"
    assert carried.versions.get().kind == AnswerVersion.Kind.CARRIED
    field = f"q-{asked.id}"
    assert client.post(worksheet_url(team, plan), {field: "x", f"{field}-base": "1"}).status_code == 403
    assert client.post(reverse("gemeenten:next_cycle", args=[team.pk, plan.cycle])).status_code == 403
    learning = client.get(worksheet_url(team, new_plan, "6")).content.decode()
    assert "review-heading" in learning
    assert "review-heading" not in client.get(worksheet_url(team, plan, "6")).content.decode()
    with pytest.raises(ValidationError):
        start_next_cycle(plan, coordinator)


def test_marking_a_step_done_shows_on_the_overview(client, team):
    coordinator, team, plan = team
    client.force_login(coordinator)
    client.post(reverse("gemeenten:step_status", args=[team.pk, plan.cycle, "2"]), {"done": "1"})
    assert StepState.objects.get(plan=plan, step_code="2").done
    page = client.get(reverse("gemeenten:plan", args=[team.pk, plan.cycle])).content.decode()
    assert "portal-status--done" in page


def test_the_overview_does_not_query_per_answer(client, team, django_assert_max_num_queries):
    coordinator, team, plan = team
    client.force_login(coordinator)
    url = reverse("gemeenten:plan", args=[team.pk, plan.cycle])
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for code in "1234567":
        asked = question(code)
        for number in range(5):
            save_answer(plan, code, asked, f"Antwoord {number}", number, coordinator)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_questions_answered_by_a_structured_section_are_not_asked_twice(client, team, steps):
    coordinator, team, plan = team
    partners_question = next(q for q in steps[2].worksheet_questions() if q.purpose == "partners")
    client.force_login(coordinator)
    workspace = client.get(worksheet_url(team, plan, "2")).content.decode()
    assert f"q-{partners_question.id}" not in workspace
    assert 'id="section-partners"' in workspace
    assert partners_question.question in client.get(steps[2].url).content.decode()


def test_an_answer_of_another_kind_is_shown_beside_an_empty_field(client, team):
    coordinator, team, plan = team
    asked = question("3", "table")
    Answer.objects.create(
        plan=plan, step_code="3", question_id=asked.id, question_text=asked.question, answer_kind="text",
        value="Toen nog een gewone tekst", version=1,
    )
    client.force_login(coordinator)
    page = client.get(worksheet_url(team, plan, "3")).content.decode()
    assert "Toen nog een gewone tekst" in page
    field = f"q-{asked.id}"
    assert f'name="{field}-0-0" value=""' in page


def test_a_burst_of_saves_is_one_line_in_the_change_log(team):
    coordinator, _team, plan = team
    asked = question("1")
    for number in range(4):
        save_answer(plan, "1", asked, f"Tekst {number}", number, coordinator)
    answered = plan.changes.filter(summary__contains=asked.question[:50])
    assert answered.count() == 1
    assert Answer.objects.get(plan=plan, question_id=asked.id).versions.count() == 4


def test_a_closed_plan_takes_no_answers_and_open_choices_move_to_the_next_cycle(team):
    coordinator, team, plan = team
    member = add_member(team, "lid@team.example")
    asked = question("1")
    save_answer(plan, "1", asked, "Eerst", 0, coordinator)
    save_answer(plan, "1", asked, "Tegelijk", 0, member)
    new_plan = start_next_cycle(plan, coordinator)
    with pytest.raises(PermissionDenied):
        save_answer(plan, "1", asked, "Te laat", 1, coordinator)
    assert not held_back_versions(plan, member).exists()
    assert [held.value for held in held_back_versions(new_plan, member)] == ["Tegelijk"]


def test_a_table_beyond_its_row_limit_is_refused_with_a_message(client, team):
    coordinator, team, plan = team
    asked = question("3", "table")
    field = f"q-{asked.id}"
    data = {f"{field}-base": "0"}
    for row in range(52):
        data[f"{field}-{row}-0"] = f"Bron {row}"
    client.force_login(coordinator)
    response = client.post(worksheet_url(team, plan, "3"), data)
    assert response.status_code == 422
    assert "50" in response.context["items"][[item.question.id for item in response.context["items"]].index(asked.id)].error
    assert not Answer.objects.filter(plan=plan, question_id=asked.id).exists()


def test_a_removed_question_keeps_its_history_but_takes_no_new_text(client, team):
    coordinator, team, plan = team
    Answer.objects.create(
        plan=plan, step_code="2", question_id="verdwenen-vraag", question_text="Weg", answer_kind="text",
        value="Bewaard", version=1,
    )
    client.force_login(coordinator)
    url = answer_url(team, plan, "verdwenen-vraag")
    response = client.post(url, {"q-verdwenen-vraag": "Nieuw", "q-verdwenen-vraag-base": "1"}, headers={"Accept": "application/json"})
    assert response.status_code == 400
    missing_field = client.post(answer_url(team, plan, question("1").id), {}, headers={"Accept": "application/json"})
    assert missing_field.status_code == 400
    assert Answer.objects.get(plan=plan, question_id="verdwenen-vraag").value == "Bewaard"
