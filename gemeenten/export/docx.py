"""The plan as a Word document, for teams that want to edit the text before it goes to the council."""

from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from gemeenten.export.document import AnswerEntry, Matrix, PlanDocument
from gemeenten.export.tables import Table

MUTED = RGBColor(0x5A, 0x5A, 0x5A)
SCORE_FILLS = {"yes": "E3F1E0", "partly": "FBF1D5", "no": "F8E1DF"}
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}
FIELDS = {"number": "PAGE", "total": "NUMPAGES"}


def render_docx(document: PlanDocument) -> bytes:
    word = Document()
    _set_language(word, LANGUAGE_TAGS.get(document.language, document.language))
    word.core_properties.title = f"{document.team} · {document.subtitle}"
    word.core_properties.author = document.team
    word.core_properties.subject = document.labels.site
    word.core_properties.language = LANGUAGE_TAGS.get(document.language, document.language)
    _page_number_footer(word, document)

    _title_page(word, document)
    _members(word, document)
    starts_on_new_page = False
    for step in document.steps:
        heading = word.add_heading(f"{step.label}: {step.title}", level=1)
        # After the matrix's landscape section a new section has already begun on a new page.
        heading.paragraph_format.page_break_before = not starts_on_new_page
        starts_on_new_page = False
        _muted(word.add_paragraph(f"{document.labels.status}: {step.status_label}"))
        if step.review:
            word.add_heading(document.labels.looking_back, level=2)
            for entry in step.review:
                _answer(word, document, entry, level=3)
        for entry in step.answers:
            _answer(word, document, entry, level=2)
        for section in step.sections:
            word.add_heading(section.title, level=2)
            _table_or_nothing(word, document, section.table)
        for group in step.figure_groups:
            _figure_group(word, document, group)
        if step.removed:
            word.add_heading(document.labels.removed_heading, level=2)
            for entry in step.removed:
                _answer(word, document, entry, level=3)
        if step.matrix:
            _matrix(word, document, step.matrix)
            starts_on_new_page = True

    output = BytesIO()
    word.save(output)
    return output.getvalue()


def _title_page(word, document: PlanDocument):
    labels = document.labels
    site = word.add_paragraph()
    site.add_run(labels.site).bold = True
    if document.demo_note:
        word.add_paragraph().add_run(document.demo_note).bold = True
    word.add_heading(document.team, level=0)
    subtitle = word.add_paragraph(style="Subtitle")
    subtitle.add_run(document.subtitle)
    facts = [
        (labels.municipalities, ", ".join(document.municipalities)),
        (labels.cycle, str(document.cycle)),
        (labels.council_decision, document.council_status),
    ]
    if document.council_date:
        facts.append((labels.council_decision_date, document.council_date))
    table = word.add_table(rows=0, cols=2)
    for label, value in facts:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
    word.add_paragraph()
    _muted(word.add_paragraph(document.exported_on))


def _members(word, document: PlanDocument):
    labels = document.labels
    heading = word.add_heading(labels.members, level=1)
    heading.paragraph_format.page_break_before = True
    rows = [[member.name, member.organisation, member.sector] for member in document.members]
    _table_or_nothing(word, document, Table([labels.name, labels.organisation, labels.sector], rows))


def _answer(word, document: PlanDocument, entry: AnswerEntry, level: int):
    heading = word.add_heading(entry.question, level=level)
    if entry.removed:
        mark = heading.add_run(f" ({document.labels.removed_mark})")
        mark.italic = True
        mark.font.size = Pt(9)
    if entry.is_empty:
        _muted(word.add_paragraph(document.labels.no_answer))
    elif entry.kind == "table":
        _table(word, entry.table)
    elif entry.kind == "list":
        for item in entry.items:
            word.add_paragraph(item, style="List Bullet")
    else:
        for lines in entry.paragraphs:
            paragraph = word.add_paragraph()
            for index, line in enumerate(lines):
                run = paragraph.add_run(line)
                if index < len(lines) - 1:
                    run.add_break(WD_BREAK.LINE)


def _figure_group(word, document: PlanDocument, group):
    """Word has no inline SVG: the figures go in as their tables; the PDF has the charts too."""
    word.add_heading(group.title, level=2)
    if group.intro:
        word.add_paragraph(group.intro)
    if not group.figures:
        _muted(word.add_paragraph(document.labels.nothing_recorded))
    for figure in group.figures:
        word.add_heading(figure.title, level=3)
        _table_or_nothing(word, document, figure.table)
        for note in figure.notes:
            _muted(word.add_paragraph(note))


def _table_or_nothing(word, document: PlanDocument, table: Table):
    if table.rows:
        _table(word, table)
    else:
        _muted(word.add_paragraph(document.labels.nothing_recorded))


def _table(word, table: Table):
    width = len(table.columns) or max(len(row) for row in table.rows)
    word_table = word.add_table(rows=0, cols=width, style="Table Grid")
    if table.has_header:
        _header_row(word_table, table.columns)
    for row in table.rows:
        for cell, text in zip(word_table.add_row().cells, row):
            cell.text = text
    word.add_paragraph()
    return word_table


def _header_row(word_table, columns):
    row = word_table.add_row()
    # Marked as a header row, Word repeats it on every page and screen readers announce the columns.
    row_properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row_properties.append(header)
    for cell, text in zip(row.cells, columns):
        cell.paragraphs[0].add_run(text).bold = True
        _shade(cell, "E6EDF5")
    return row


def _matrix(word, document: PlanDocument, matrix: Matrix):
    # Seven building blocks side by side need the width of a landscape page.
    _new_section(word, landscape=True)
    word.add_heading(matrix.title, level=2)
    word.add_paragraph(document.labels.matrix_intro)
    word_table = word.add_table(rows=0, cols=len(matrix.building_blocks) + 1, style="Table Grid")
    _header_row(word_table, [document.labels.approach, *matrix.building_blocks])
    for row in matrix.rows:
        cells = word_table.add_row().cells
        cells[0].paragraphs[0].add_run(row.approach).bold = True
        for cell, score in zip(cells[1:], row.cells):
            label = cell.paragraphs[0].add_run(score.label)
            label.bold = bool(score.score)
            label.italic = not score.score
            if score.explanation:
                cell.add_paragraph(score.explanation)
            if score.score in SCORE_FILLS:
                _shade(cell, SCORE_FILLS[score.score])
    for table_row in word_table.rows:
        for cell in table_row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    _new_section(word, landscape=False)


def _new_section(word, landscape: bool):
    previous = word.sections[-1]
    section = word.add_section(WD_SECTION.NEW_PAGE)
    width, height = sorted([previous.page_width, previous.page_height], reverse=landscape)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height


def _shade(cell, fill: str):
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _muted(paragraph):
    for run in paragraph.runs:
        run.italic = True
        run.font.color.rgb = MUTED
    return paragraph


def _set_language(word, tag: str):
    """Spelling and screen readers follow the document's language, not the author's Word settings."""
    # Set on Normal, which the headings, lists and tables are based on.
    run_properties = word.styles["Normal"].element.get_or_add_rPr()
    language = run_properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_properties.append(language)
    language.set(qn("w:val"), tag)


def _page_number_footer(word, document: PlanDocument):
    paragraph = word.sections[0].footer.paragraphs[0]
    paragraph.add_run(f"{document.team} · {document.subtitle} · ")
    for kind, text in document.labels.page_number_parts():
        if kind == "text":
            paragraph.add_run(text)
        else:
            _field(paragraph, FIELDS[kind])
    for run in paragraph.runs:
        run.font.size = Pt(8)


def _field(paragraph, code: str):
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
