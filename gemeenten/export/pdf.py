"""The plan as a PDF for the council, laid out by WeasyPrint from a self-contained HTML template."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from gemeenten.export.document import PlanDocument

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
        "page_counter": mark_safe(
            " ".join(COUNTERS.get(kind) or css_string(text) for kind, text in labels.page_number_parts())
        ),
        "site_name": mark_safe(css_string(labels.site)),
    }
    return render_to_string(TEMPLATE, context)


def render_pdf(document: PlanDocument) -> bytes:
    # Imported here so that loading the URLconf does not pull in WeasyPrint and its font machinery.
    from weasyprint import HTML, URLFetcher

    # The template carries its own CSS and the answers are escaped, so nothing needs fetching:
    # only inline data: URLs are allowed; no network, not even the project's own files.
    fetcher = URLFetcher(allowed_protocols={"data"})
    html = HTML(string=plan_html(document), base_url=str(settings.BASE_DIR), url_fetcher=fetcher)
    # Tagged, so that screen readers can follow the headings and tables.
    return html.write_pdf(pdf_tags=True)
