"""The plan as a PDF for the council, laid out by WeasyPrint from a self-contained HTML template."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from gemeenten.export.document import PlanDocument
from portal.pdf import html_to_pdf

TEMPLATE = "gemeenten/export/plan_pdf.html"
COUNTERS = {"number": "counter(page)", "total": "counter(pages)"}


def css_string(text: str) -> str:
    """A CSS string literal for generated content; labels may contain quotes or backslashes."""
    escaped = "".join(char if char.isalnum() or char in " .,:;-–·()" else f"\\{ord(char):x} " for char in str(text))
    return f'"{escaped}"'


def plan_html(document: PlanDocument) -> str:
    labels = document.labels
    context = {
        "document": document,
        # Inside <style>, HTML escaping would be wrong: these are escaped as CSS strings instead.
        # Every character outside [a-z0-9 .,:;-–·()] is CSS-escaped.
        "page_counter": mark_safe(  # nosec B308 B703
            " ".join(COUNTERS.get(kind) or css_string(text) for kind, text in labels.page_number_parts())
        ),
        # CSS-escaped as above.
        "site_name": mark_safe(css_string(labels.site)),  # nosec B308 B703
    }
    return render_to_string(TEMPLATE, context)


def render_pdf(document: PlanDocument) -> bytes:
    return html_to_pdf(plan_html(document))
