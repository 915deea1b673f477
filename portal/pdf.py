"""Self-contained HTML laid out as a tagged PDF by WeasyPrint: the plan export, posters and letters."""

from django.conf import settings


def html_to_pdf(html: str) -> bytes:
    # Imported here so that loading the URLconf does not pull in WeasyPrint and its font machinery.
    from weasyprint import HTML, URLFetcher

    # Templates carry their own CSS and escape what users typed, so nothing needs fetching: only inline
    # data: URLs are allowed (a QR code); no network, not even the project's own files.
    fetcher = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=fetcher)
    # Tagged, so that screen readers can follow the headings and tables.
    return document.write_pdf(pdf_tags=True)
