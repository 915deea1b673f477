"""The plan export: the whole plan as PDF and Word, in Dutch or English, for members only."""

import time
from datetime import date
from io import BytesIO

import docx
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from gemeenten.answers import save_answer
from gemeenten.export.document import plan_document
from gemeenten.export.pdf import plan_html
from gemeenten.method import method_steps, step_questions
from gemeenten.models import (
    Answer,
    Approach,
    ApproachScore,
    ContactAgreement,
    MonitoringAgreement,
    Partner,
    Result,
)
from gemeenten.models.structured import Score
from gemeenten.teams import create_team
from portal.models import Municipality
from stappen.building_blocks import BUILDING_BLOCKS
from tests.users import make_user

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('export')</script> <b>vet</b>"
REMOVED_TEXT = "Antwoord op een verdwenen vraag"


def questions_of(code, kind, columns=None):
    step = next(step for step in method_steps() if step.code == code)
    return [
        question for question in step_questions(step, follow_up_cycle=False).all()
        if question.answer_kind == kind and (columns is None or len(question.columns) == columns)
    ]


def flat(text: str) -> str:
    """Text as a reader sees it: line breaks from wrapping and table cells do not matter."""
    return " ".join(text.split())


def pdf_text(content: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages))


def docx_text(content: bytes) -> str:
    word = docx.Document(BytesIO(content))
    parts = [paragraph.text for paragraph in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return flat(" ".join(parts))


@pytest.fixture
def coordinator():
    user = make_user("export-coordinator@velsen.example")
    user.first_name, user.last_name = "Fenna", "Exporteur"
    user.save()
    return user


@pytest.fixture
def plan(coordinator):
    """A plan with an answer of every kind, a removed question's answer and a row of every structured kind."""
    velsen = Municipality.objects.get(code="GM0453")
    team = create_team(coordinator, "Samen Velsen & Co", [velsen], 2026, organisation="Gemeente Velsen", sector="municipality")
    plan = team.plans.get()
    plan.council_decision_status = "adopted"
    plan.council_decision_date = date(2026, 3, 12)
    plan.save()
    with translation.override("nl"):
        text_question = questions_of("1", "text")[1]
        list_question = questions_of("1", "list")[0]
        table_question = questions_of("2", "table", columns=3)[0]
    save_answer(plan, "1", text_question, "Kinderen doen mee, ook als het thuis krap is.\n\n" + SCRIPT, 0, coordinator)
    save_answer(plan, "1", list_question, "Bibliotheek\nSportclub Zeewijk\n", 0, coordinator)
    save_answer(plan, "2", table_question, [["Jeugdfonds", "Regisseur", "Mila"], ["Basisschool Zon", "Signaleren", "Bas"]], 0, coordinator)
    Answer.objects.create(
        plan=plan, step_code="3", question_id="verdwenen-vraag", question_text="Welke vraag bestaat niet meer?",
        answer_kind="text", value=REMOVED_TEXT,
    )
    Partner.objects.create(plan=plan, organisation="Voedselbank Kennemerland", sector="social_partner", role="Levert pakketten")
    result = Result.objects.create(
        plan=plan, result="Minder kinderen in armoede", indicator="Aandeel kinderen", baseline="8%", baseline_year=2024,
        target="6%", target_year=2028,
    )
    approach = Approach.objects.create(plan=plan, name="Schoolontbijt Zeewijk", description="Elke ochtend ontbijt", result=result)
    ApproachScore.objects.create(approach=approach, building_block="goal_oriented", score="yes", explanation="Sluit aan op het resultaat")
    ApproachScore.objects.create(approach=approach, building_block="lasting", score="partly")
    MonitoringAgreement.objects.create(plan=plan, level="output", what="Aantal ontbijten", who="Schoolleiding")
    ContactAgreement.objects.create(plan=plan, what="Overleg met partners", when="Elk kwartaal", how="Op het stadhuis")
    return plan


def export_url(name, plan, language="nl", **query):
    with translation.override(language):
        url = reverse(f"gemeenten:{name}", args=[plan.team_id, plan.cycle])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def assert_dutch_plan(text, plan):
    with translation.override("nl"):
        text_question = questions_of("1", "text")[1]
        table_question = questions_of("2", "table", columns=3)[0]
        steps = method_steps()
        score_yes, score_partly = str(Score.YES.label), str(Score.PARTLY.label)
        goal_oriented = str(dict(BUILDING_BLOCKS)["goal_oriented"])
    assert "Samen Velsen & Co" in text
    assert "Velsen" in text and "2026" in text
    assert flat(steps[0].title) in text and "Stap 1" in text
    assert flat(text_question.question) in text
    assert "Kinderen doen mee, ook als het thuis krap is." in text
    assert "Bibliotheek" in text and "Sportclub Zeewijk" in text
    for column in table_question.columns:
        assert flat(column) in text
    assert "Jeugdfonds" in text and "Basisschool Zon" in text and "Signaleren" in text
    assert "Voedselbank Kennemerland" in text
    assert "Minder kinderen in armoede" in text and "8% (2024)" in text
    assert "Schoolontbijt Zeewijk" in text
    assert goal_oriented == "Doelgericht" and goal_oriented in text
    assert score_yes in text and score_partly in text and "Sluit aan op het resultaat" in text
    assert "Aantal ontbijten" in text and "Overleg met partners" in text
    assert "Fenna Exporteur" in text and "Gemeente Velsen" in text
    assert REMOVED_TEXT in text


def test_pdf_holds_the_whole_plan_in_dutch(client, coordinator, plan):
    client.force_login(coordinator)
    started = time.monotonic()
    response = client.get(export_url("export_pdf", plan))
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="plan-samen-velsen-co-2026-nl.pdf"'
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert_dutch_plan(text, plan)
    reader = PdfReader(BytesIO(response.content))
    with translation.override("nl"):
        removed_mark = translation.gettext("question no longer in the method")
        first_page = translation.gettext("Page %(number)s of %(total)s") % {"number": 1, "total": len(reader.pages)}
    assert f"Welke vraag bestaat niet meer? {removed_mark}" in text
    assert first_page == f"Pagina 1 van {len(reader.pages)}" and first_page in text
    landscape = [page for page in reader.pages if page.mediabox.width > page.mediabox.height]
    assert len(landscape) == 1 and "Schoolontbijt Zeewijk" in landscape[0].extract_text(), "the matrix gets a landscape page"
    assert reader.metadata.title.startswith("Samen Velsen & Co")
    assert elapsed < 10, f"rendering took {elapsed:.1f}s"


def test_pdf_in_english_uses_the_english_method_and_labels(client, coordinator, plan):
    client.force_login(coordinator)
    response = client.get(export_url("export_pdf", plan, taal="en"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="plan-samen-velsen-co-2026-en.pdf"'
    text = pdf_text(response.content)
    with translation.override("en"):
        english_question = questions_of("1", "text")[1].question
        english_step = method_steps()[0].title
    with translation.override("nl"):
        dutch_question = questions_of("1", "text")[1].question
    assert english_question != dutch_question
    assert flat(english_question) in text and flat(dutch_question) not in text
    assert flat(english_step) in text and "Step 1" in text and "Stap 1" not in text
    assert "Who worked on this plan" in text and "Goal-oriented" in text and "Meets it" in text
    # The team's own words stay as they wrote them.
    assert "Kinderen doen mee, ook als het thuis krap is." in text
    assert "question no longer in the method" in text


def test_the_language_follows_the_site_unless_asked_and_ignores_anything_else(client, coordinator, plan):
    client.force_login(coordinator)
    english_site = client.get(export_url("export_docx", plan, language="en"))
    assert english_site["Content-Disposition"].endswith('-2026-en.docx"')
    asked_dutch = client.get(export_url("export_docx", plan, language="en", taal="nl"))
    assert asked_dutch["Content-Disposition"].endswith('-2026-nl.docx"')
    unknown = client.get(export_url("export_pdf", plan, taal="fr"))
    assert unknown["Content-Disposition"].endswith('-2026-nl.pdf"')


def test_html_in_an_answer_is_shown_as_text(client, coordinator, plan):
    with translation.override("nl"):
        html = plan_html(plan_document(plan))
    assert "&lt;script&gt;alert(&#x27;export&#x27;)&lt;/script&gt; &lt;b&gt;vet&lt;/b&gt;" in html
    assert "<script>" not in html and "<b>vet" not in html
    # Everything the PDF needs is in the document itself: nothing to fetch, from the network or elsewhere.
    assert "<link" not in html and "src=" not in html
    # Charts fill their hatched bars with a pattern inside the same SVG: url(#…) is the only url( there is.
    assert "url(" not in html.replace('"url(#', '"')
    client.force_login(coordinator)
    text = pdf_text(client.get(export_url("export_pdf", plan)).content)
    assert flat(SCRIPT) in text
    word = docx_text(client.get(export_url("export_docx", plan)).content)
    assert SCRIPT in word


def test_word_document_holds_the_same_plan(client, coordinator, plan):
    client.force_login(coordinator)
    response = client.get(export_url("export_docx", plan))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == 'attachment; filename="plan-samen-velsen-co-2026-nl.docx"'
    text = docx_text(response.content)
    assert_dutch_plan(text, plan)

    word = docx.Document(BytesIO(response.content))
    assert word.paragraphs[1].style.name == "Title" and word.paragraphs[1].text == "Samen Velsen & Co"
    headings = [paragraph.text for paragraph in word.paragraphs if paragraph.style.name == "Heading 1"]
    assert any(heading.startswith("Stap 5:") for heading in headings)
    bullets = [paragraph.text for paragraph in word.paragraphs if paragraph.style.name == "List Bullet"]
    assert bullets[:2] == ["Bibliotheek", "Sportclub Zeewijk"]
    with translation.override("nl"):
        table_question = questions_of("2", "table", columns=3)[0]
        matrix_header = [translation.gettext("approach").capitalize(), *[str(label) for _key, label in BUILDING_BLOCKS]]
    answer_table = next(table for table in word.tables if table.rows[0].cells[0].text == table_question.columns[0])
    assert [cell.text for cell in answer_table.rows[0].cells] == list(table_question.columns)
    assert answer_table.rows[0]._tr.trPr.xpath("./w:tblHeader"), "the header row repeats on every page"
    assert [cell.text for cell in answer_table.rows[1].cells] == ["Jeugdfonds", "Regisseur", "Mila"]
    matrix = next(table for table in word.tables if table.rows[0].cells[0].text == matrix_header[0] and len(table.columns) == 8)
    assert [cell.text for cell in matrix.rows[0].cells] == matrix_header
    with translation.override("nl"):
        assert matrix.rows[1].cells[1].text == f"{Score.YES.label}\nSluit aan op het resultaat"
    assert word.core_properties.language == "nl-NL"


def test_only_members_can_export(client, plan):
    outsider = make_user("buitenstaander@haarlem.example")
    create_team(outsider, "Ander team", [Municipality.objects.get(code="GM0453")], 2026)
    for name in ("export_pdf", "export_docx"):
        url = export_url(name, plan)
        anonymous = client.get(url)
        assert anonymous.status_code == 302
        assert anonymous["Location"].startswith(reverse("account_login"))
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        client.logout()


def test_only_answers_to_questions_gone_from_the_whole_method_are_marked(plan):
    with translation.override("nl"):
        moved = questions_of("2", "table", columns=3)[0]
    # Editors moved the question to another step: the answer is still shown with it, not as removed.
    Answer.objects.filter(plan=plan, question_id=moved.id).update(step_code="3")
    with translation.override("nl"):
        document = plan_document(plan)
    removed = [(step.code, entry) for step in document.steps for entry in step.removed]
    assert [(code, entry.question, entry.paragraphs) for code, entry in removed] == [
        ("3", "Welke vraag bestaat niet meer?", [[REMOVED_TEXT]])
    ]
    assert all(entry.removed for _code, entry in removed)
    step_2 = next(step for step in document.steps if step.code == "2")
    answer = next(entry for entry in step_2.answers if entry.question == moved.question)
    assert answer.table.rows[0] == ["Jeugdfonds", "Regisseur", "Mila"] and not answer.removed


def add_rows(plan, user, count):
    with translation.override("nl"):
        questions = [question for step in method_steps() for question in step_questions(step, False).all()]
    for index, question in enumerate(questions[:count]):
        value = [[f"cel {index}"] * len(question.columns)] if question.answer_kind == "table" else f"antwoord {index}"
        save_answer(plan, "1", question, value, 0, user)
    for index in range(count):
        Partner.objects.create(plan=plan, organisation=f"Partner {index}")
        result = Result.objects.create(plan=plan, result=f"Resultaat {index}", indicator="indicator")
        approach = Approach.objects.create(plan=plan, name=f"Aanpak {index}", result=result)
        for key, _label in BUILDING_BLOCKS:
            ApproachScore.objects.create(approach=approach, building_block=key, score="no")
        MonitoringAgreement.objects.create(plan=plan, level="effect", what=f"Meting {index}")
        ContactAgreement.objects.create(plan=plan, what=f"Afspraak {index}")


def test_building_the_document_takes_the_same_queries_however_much_the_plan_holds(coordinator, plan):
    def queries_for_document():
        cache.clear()  # the figures are made again, as after a change
        with translation.override("nl"), CaptureQueriesContext(connection) as captured:
            document = plan_document(plan)
        return len(captured), document

    few, _document = queries_for_document()
    add_rows(plan, coordinator, 50)
    many, document = queries_for_document()
    assert many == few
    assert len(document.steps[4].matrix.rows) == 51


def test_export_query_count_is_bounded(client, django_assert_max_num_queries, coordinator, plan):
    add_rows(plan, coordinator, 50)
    client.force_login(coordinator)
    # The method's pages, one query per kind of row, and step 3's figures, reviews and surveys.
    with django_assert_max_num_queries(45):
        response = client.get(export_url("export_docx", plan))
    assert response.status_code == 200
    assert "Aanpak 49" in docx_text(response.content)
