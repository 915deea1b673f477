"""A run's aggregated results as CSV or XLSX: exactly the figures the results page shows.

A hidden figure is an empty cell with a note saying why; its value is never written. Everything comes
from participatie.results, so no single response can end up in a file.
"""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from participatie.presentation import (
    cell_hidden_note,
    figure_results,
    group_hidden_note,
    mean_hidden_note,
    question_hidden_note,
    waiting_note,
)
from participatie.results import SCALES, RunResults

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    return [
        _("Theme"), _("Question"), _("Split by"), _("Group"), _("Answered"),
        _("Answer"), _("Number"), _("Percentage"), _("Average"), _("Note"),
    ]


def rows(results: RunResults) -> list[list]:
    """One row per shown or hidden figure, plus one per average; numbers stay numbers."""
    run = results.run
    everyone = _("Everyone")
    table = [["", _("Respondents"), "", everyone, results.respondents, "", "", "", "", ""]]
    if not results.shown:
        table[0][-1] = waiting_note(run)
        return table
    for theme, questions in figure_results(results):
        for result in questions:
            question = result.question.text
            scale = result.question.kind in SCALES
            if result.answered is None:
                table.append([theme.label, question, "", everyone, "", "", "", "", "", question_hidden_note(run)])
                continue
            table.extend(_line(theme.label, question, "", everyone, result.answered, result.figures, result, scale))
            for breakdown in result.breakdowns:
                for group in breakdown.groups:
                    if group.answered is None:
                        table.append([theme.label, question, breakdown.question.text, group.label, "", "", "", "", "",
                                      group_hidden_note(run)])
                    else:
                        table.extend(_line(theme.label, question, breakdown.question.text, group.label, group.answered,
                                           group.figures, group, scale))
    return table


def _line(theme, question, split_by, group, answered, figures, line, question_is_scale):
    for figure in figures:
        if figure.count is None:
            yield [theme, question, split_by, group, answered, figure.label, "", "", "", cell_hidden_note()]
        else:
            yield [theme, question, split_by, group, answered, figure.label, figure.count, figure.percent, "", ""]
    if question_is_scale:
        mean = line.mean
        yield [theme, question, split_by, group, answered, _("Average"), "", "", "" if mean is None else mean,
               mean_hidden_note() if mean is None else ""]


def _safe_text(value):
    """Spreadsheets run a cell that starts like a formula; a school name typed as =HYPERLINK(...) must stay text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(results: RunResults) -> bytes:
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(headers())
    for row in rows(results):
        writer.writerow([_safe_text(value) for value in row])
    # With a byte-order mark, spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def to_xlsx(results: RunResults) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    run = results.run
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Results")[:31]
    bold = Font(bold=True)
    _append(sheet, headers(), bold)
    for row in rows(results):
        _append(sheet, row)
    sheet.freeze_panes = "A2"
    for index, width in enumerate((18, 50, 30, 28, 11, 28, 10, 12, 10, 60), 1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    about = workbook.create_sheet(_("About these figures")[:31])
    for label, value in [
        (_("Survey"), run.title),
        (_("Code"), run.code),
        (_("Opens on"), run.opens_on),
        (_("Closes on"), run.closes_on),
        (_("Respondents"), results.respondents),
        (_("Smallest group shown"), run.min_group_size),
        (_("Exported on"), timezone.localdate()),
        (_("Privacy"), suppression_summary(run)),
    ]:
        _append(about, [label, value])
        about.cell(about.max_row, 1).font = bold
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 90
    for cell in about["B"]:
        if isinstance(cell.value, type(run.opens_on)):
            cell.number_format = "yyyy-mm-dd"

    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _append(sheet, values, font=None):
    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet.cell(1, 1).value is not None else 1
    for column, value in enumerate(values, 1):
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with
        if font is not None:
            cell.font = font


def suppression_summary(run) -> str:
    return _(
        "Figures about fewer than %(count)s respondents are not shown, in total and per group. An answer chosen by "
        "fewer than 5, or by all but fewer than 5, is not shown either, and more figures are left out where a hidden "
        "figure could otherwise be worked out from the ones shown, and so is an average when some of the figures it is "
        "based on are hidden. Empty cells are hidden figures, not zeros."
    ) % {"count": run.min_group_size}
