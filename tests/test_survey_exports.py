"""The CSV and XLSX downloads of a run's results hold exactly the figures the results page shows:
a hidden figure is an empty cell with a note, and its value is in neither file."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from participatie.models import SegmentOption
from participatie.results import run_results
from tests.test_survey_team import (  # noqa: F401 (fixtures)
    coordinator,
    fill,
    fill_every_face,
    questionnaire,
    reader,
    respond,
    run,
    team,
)
from tests.workspace import make_team

pytestmark = pytest.mark.django_db

def url(name, run):
    """In English, so that the headers and notes are the msgids whatever the Dutch catalogue holds."""
    with translation.override("en"):
        return reverse(f"gemeenten:peilingen:{name}", args=[run.team_id, run.pk])


def english_results(run):
    with translation.override("en"):
        return run_results(run, "en")


COLUMNS = ["Theme", "Question", "Split by", "Group", "Answered", "Answer", "Number", "Percentage", "Average", "Note"]


def csv_rows(response) -> list[dict]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(text[1:]))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def xlsx_rows(response) -> list[dict]:
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == COLUMNS
    return [{column: "" if value is None else str(value) for column, value in zip(COLUMNS, row)} for row in values[1:]]


def expected_figures(results):
    """(question, split by, group, answer) -> (count, percent) for every figure run_results gives; None when hidden."""
    figures = {}
    for theme in results.themes:
        for result in theme.questions:
            if result.question.kind == "open_text" or result.answered is None:
                continue
            for figure in result.figures:
                figures[(result.question.text, "", "Everyone", figure.label)] = (figure.count, figure.percent)
            for breakdown in result.breakdowns:
                for group in breakdown.groups:
                    by_label = {figure.label: figure for figure in group.figures}
                    for figure in result.figures:
                        shown = by_label.get(figure.label) if group.answered is not None else None
                        key = (result.question.text, breakdown.question.text, group.label, figure.label)
                        figures[key] = (shown.count, shown.percent) if shown else (None, None)
    return figures


@pytest.fixture
def filled(run):
    fill(run)
    return run


@pytest.mark.parametrize("kind, read", [("export_csv", csv_rows), ("export_xlsx", xlsx_rows)])
def test_the_export_holds_exactly_the_shown_figures(client, reader, filled, kind, read):
    client.force_login(reader)
    response = client.get(url(kind, filled))
    assert response.status_code == 200
    extension = "csv" if kind == "export_csv" else "xlsx"
    assert response["Content-Disposition"] == f'attachment; filename="resultaten-kind-test.{extension}"'
    assert response["Cache-Control"] == "private, no-store"
    rows = read(response)
    assert rows[0]["Question"] == "Respondents" and rows[0]["Answered"] == "31"

    exported = {
        (row["Question"], row["Split by"], row["Group"], row["Answer"]): row
        for row in rows[1:] if row["Answer"] and row["Answer"] != "Average"
    }
    expected = expected_figures(english_results(filled))
    hidden_groups = {
        (row["Question"], row["Split by"], row["Group"]) for row in rows if row["Split by"] and not row["Answer"]
    }
    for key, (count, percent) in expected.items():
        if key[:3] in hidden_groups:
            assert count is None, key
            continue
        row = exported.pop(key)
        if count is None:
            assert (row["Number"], row["Percentage"]) == ("", ""), key
            assert row["Note"].startswith("Not shown"), key
        else:
            assert (row["Number"], row["Percentage"]) == (str(count), str(percent)), key
            assert row["Note"] == "", key
    assert exported == {}


@pytest.mark.parametrize("kind, read", [("export_csv", csv_rows), ("export_xlsx", xlsx_rows)])
def test_a_suppressed_group_is_in_neither_export(client, reader, filled, kind, read):
    """West's four children: the group is named with a note, and not one of its figures or its size is written."""
    client.force_login(reader)
    rows = read(client.get(url(kind, filled)))
    west = [row for row in rows if row["Group"] == "West"]
    assert west, "the hidden group is listed, with its note"
    for row in west:
        assert row["Answered"] == row["Number"] == row["Percentage"] == row["Average"] == "", row
        assert row["Note"] == (
            "Not shown: fewer than 10 answers in this group, or it would let another small group be worked out."
        )
    # The hidden cells of the overall line (4 chose the saddest face) are empty too.
    saddest = next(row for row in rows if row["Question"] == "Hoe voel je je op school?" and row["Group"] == "Everyone"
                   and row["Answer"] == "Heel slecht")
    assert saddest["Number"] == saddest["Percentage"] == ""


def test_every_hidden_figure_of_run_results_is_empty_in_both_exports(client, reader, filled):
    """The rule the exports keep: a value run_results hides never appears, whatever the data."""
    respond(filled, 6, "Noord", mood=3, life=10, after=("music", "sport"))
    respond(filled, 2, None, mood=2)
    client.force_login(reader)
    expected = expected_figures(english_results(filled))
    hidden = {key for key, (count, _percent) in expected.items() if count is None}
    assert hidden
    for kind, read in (("export_csv", csv_rows), ("export_xlsx", xlsx_rows)):
        for row in read(client.get(url(kind, filled))):
            key = (row["Question"], row["Split by"], row["Group"], row["Answer"])
            if key in hidden or (row["Split by"] and row["Answered"] == ""):
                assert row["Number"] == row["Percentage"] == row["Average"] == "", (kind, row)


@pytest.mark.parametrize("kind, read", [("export_csv", csv_rows), ("export_xlsx", xlsx_rows)])
def test_before_the_smallest_group_has_answered_only_the_count_is_exported(client, reader, run, kind, read):
    respond(run, 9, "Noord")
    client.force_login(reader)
    rows = read(client.get(url(kind, run)))
    assert len(rows) == 1
    assert rows[0]["Answered"] == "9"
    assert rows[0]["Note"] == "Results appear once at least 10 have answered."


def test_means_are_exported_as_numbers_unless_they_give_away_hidden_figures(client, reader, run):
    fill_every_face(run)
    client.force_login(reader)
    sheet = load_workbook(io.BytesIO(client.get(url("export_xlsx", run)).content)).worksheets[0]
    averages = {row[1]: row for row in sheet.iter_rows(values_only=True) if row[5] == "Average" and row[3] == "Everyone"}
    assert averages["Hoe voel je je op school?"][8] == 3.5
    # The ladder's line has hidden figures: its mean is an empty cell with a note.
    ladder = averages["Welk cijfer geef je je leven?"]
    assert ladder[8] is None and ladder[9].startswith("Average not shown")
    counts = [row[6] for row in sheet.iter_rows(min_row=2, values_only=True) if row[6] not in (None, "")]
    assert counts and all(isinstance(count, int) for count in counts)


def test_a_group_name_that_looks_like_a_formula_stays_text(client, coordinator, run):
    SegmentOption.objects.filter(run=run, label="Noord").update(label='=HYPERLINK("http://example.com","Noord")')
    fill_label = '=HYPERLINK("http://example.com","Noord")'
    respond(run, 15, fill_label, mood=5)
    respond(run, 12, "Zuid", mood=4)
    client.force_login(coordinator)
    rows = csv_rows(client.get(url("export_csv", run)))
    assert any(row["Group"] == "'" + fill_label for row in rows)
    assert not any(row["Group"].startswith("=") for row in rows)
    sheet = load_workbook(io.BytesIO(client.get(url("export_xlsx", run)).content)).worksheets[0]
    cells = [row[3] for row in sheet.iter_rows(min_row=2)]
    formula = [cell for cell in cells if cell.value == fill_label]
    assert formula and all(cell.data_type == "s" for cell in formula)


def test_exports_follow_the_workspace_access_rule(client, reader, filled):
    stranger, _team, _plan = make_team("vreemde@zaanstad.example", code="GM0479", name="Ander team")
    client.force_login(stranger)
    for kind in ("export_csv", "export_xlsx"):
        assert client.get(url(kind, filled)).status_code == 404
    client.logout()
    for kind in ("export_csv", "export_xlsx"):
        assert client.get(url(kind, filled))["Location"].startswith(reverse("account_login"))
