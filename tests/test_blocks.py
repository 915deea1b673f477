"""Every StreamField block renders its content, and validates what editors enter."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

from stappen import blocks
from stappen.factories import ResourceFactory
from stappen.worksheet import worksheet_questions


def render(block, value):
    with translation.override("nl"):
        return block.render(block.to_python(value))


def test_goal_and_result_blocks():
    assert "Samen staan we sterker." in render(blocks.GoalBlock(), {"text": "Samen staan we sterker."})
    assert "Doel van deze stap" in render(blocks.GoalBlock(), {"text": "x"})
    html = render(blocks.ResultBlock(), {"text": "We kennen de opgave."})
    assert "Resultaat na deze stap" in html and "We kennen de opgave." in html


@pytest.mark.parametrize(
    ("kind", "columns", "expected"),
    [
        ("text", [], "portal-answer__lines"),
        ("list", [], "portal-answer__list"),
        ("table", ["Organisatie", "Rol"], "<th scope=\"col\" class=\"utrecht-table__header-cell\">Rol</th>"),
    ],
)
def test_worksheet_question_renders_answer_space_for_its_kind(kind, columns, expected):
    value = {"question": "Welke partners hebben we nodig?", "help_text": "Denk aan de school.", "answer_kind": kind, "columns": columns}
    html = render(blocks.WorksheetQuestionBlock(), value)
    assert "Welke partners hebben we nodig?" in html
    assert "Denk aan de school." in html
    assert expected in html


def test_worksheet_question_table_needs_columns_and_others_have_none():
    block = blocks.WorksheetQuestionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"question": "Wie?", "answer_kind": "table", "columns": []}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"question": "Wie?", "answer_kind": "text", "columns": ["Naam"]}))
    assert block.clean(block.to_python({"question": "Wie?", "answer_kind": "table", "columns": ["Naam"]}))


def test_questions_first_renders_each_question():
    value = {"intro": "Eerst dit.", "questions": [{"question": "Hoe betrekken we ouders?", "answer_kind": "text"}]}
    html = render(blocks.QuestionsFirstBlock(), value)
    assert "Belangrijke vragen vooraf" in html and "Eerst dit." in html and "Hoe betrekken we ouders?" in html


def test_heading_text_and_tip_blocks():
    assert "<h2" in render(blocks.HeadingBlock(), {"heading": "Lokale cijfers"})
    assert "<p>Een alinea.</p>" in render(blocks.TextSectionBlock(), {"text": "<p>Een alinea.</p>"})
    html = render(blocks.TipBlock(), {"text": "Begin klein."})
    assert "Tip" in html and "Begin klein." in html


@pytest.mark.django_db
def test_resource_list_links_each_resource():
    resource = ResourceFactory(title="Kansenkaart", url="https://kansenkaart.nl/", organisation="Kansenkaart", kind="data")
    html = render(blocks.ResourceListBlock(), {"heading": "Cijfers", "resources": [resource.pk]})
    assert 'href="https://kansenkaart.nl/"' in html
    assert "Kansenkaart" in html and "Cijfers en dashboards" in html


def test_example_reference_with_results_and_link():
    value = {
        "municipality": "Velsen",
        "title": "Beleidsplan",
        "summary": "Gelijke kansen.",
        "results": ["Meer kinderen sporten."],
        "url": "https://www.velsen.nl/",
    }
    html = render(blocks.ExampleReferenceBlock(), value)
    assert "Voorbeeld: gemeente Velsen" in html
    assert "Meer kinderen sporten." in html and 'href="https://www.velsen.nl/"' in html


def test_building_blocks_checklist_defaults_to_all_seven_with_labels():
    block = blocks.BuildingBlocksChecklistBlock()
    html = render(block, {"intro": "", "items": blocks.default_building_blocks()})
    assert html.count("portal-checklist__box") == 7
    for label in ("Doelgericht", "Lokaal passend", "Samenhangend", "Lerend", "Onderbouwd", "Professionals zijn toegerust", "Duurzaam"):
        assert label in html


def test_building_blocks_checklist_rejects_a_block_twice():
    block = blocks.BuildingBlocksChecklistBlock()
    items = [{"building_block": "learning", "explanation": "a"}, {"building_block": "learning", "explanation": "b"}]
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"intro": "", "items": items}))


def test_indicator_table_shows_rows_and_blank_rows_for_print():
    value = {"intro": "", "rows": [{"result": "Meer bereik", "indicator": "Percentage gebruik"}], "blank_rows": 2}
    html = render(blocks.IndicatorTableBlock(), value)
    assert "Meer bereik" in html and "Percentage gebruik" in html
    assert html.count("&nbsp;") == 4


def test_learning_cycle_labels_each_phase():
    value = {"intro": "", "questions": [{"phase": "recognise", "question": "Zien we dit ook?"}, {"phase": "act", "question": "Wat doen we?"}]}
    html = render(blocks.LearningCycleBlock(), value)
    assert "Herkennen." in html and "Handelen." in html and "Zien we dit ook?" in html


def test_further_reading_links():
    value = {"heading": "", "links": [{"title": "Met Andere Ogen", "url": "https://www.aanpakmetandereogen.nl/", "description": "Lerende aanpak"}]}
    html = render(blocks.FurtherReadingBlock(), value)
    assert 'href="https://www.aanpakmetandereogen.nl/"' in html and "Verder lezen" in html


def test_worksheet_questions_in_page_order_with_stable_ids():
    body_block = blocks.StepBodyBlock()
    raw = [
        {"type": "questions_first", "id": "first", "value": {"intro": "", "questions": [
            {"type": "item", "id": "q-youth", "value": {"question": "Hoe betrekken we jongeren?", "help_text": "", "answer_kind": "text", "columns": []}},
        ]}},
        {"type": "tip", "id": "tip", "value": {"text": "Een tip"}},
        {"type": "worksheet_question", "id": "q-partners", "value": {"question": "Welke partners?", "help_text": "", "answer_kind": "table", "columns": ["Naam", "Rol"]}},
    ]
    questions = worksheet_questions(StreamValue(body_block, raw, is_lazy=True))
    assert [(q.id, q.question, q.asked_first) for q in questions] == [
        ("q-youth", "Hoe betrekken we jongeren?", True),
        ("q-partners", "Welke partners?", False),
    ]
    assert questions[1].columns == ("Naam", "Rol")
