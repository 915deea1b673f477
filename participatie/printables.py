"""What a team prints to invite respondents: the QR code, a poster and a letter to parents.

The PDFs are laid out by WeasyPrint from self-contained templates: the QR code goes in as a data: URL,
and nothing else is fetched.
"""

import base64
import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from gemeenten.models import Membership
from gemeenten.models.team import Role
from participatie.models import SurveyRun
from participatie.questions import localized_questionnaire, run_questions
from portal.pdf import html_to_pdf

# Per kind of printable: its template and the start of its file name.
PRINTABLES = {
    "poster": ("participatie/team/poster_pdf.html", "poster"),
    "letter": ("participatie/team/letter_pdf.html", "brief-ouders"),
}


def printable_language(requested: str | None) -> str:
    """The language asked for with ?taal=, if the portal speaks it; otherwise Dutch."""
    available = {code for code, _name in settings.PORTAL_LANGUAGES}
    return requested if requested in available else settings.LANGUAGE_CODE


def qr_svg(url: str) -> str:
    """The link as a QR code: an SVG of black squares on white, with a quiet zone of four modules."""
    import qrcode  # with Pillow; loaded by the few requests that draw a code, not by every worker at start
    import qrcode.image.svg

    image = qrcode.make(
        url, image_factory=qrcode.image.svg.SvgPathImage, border=4,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    return image.to_string(encoding="unicode")


def qr_data_url(url: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(url).encode()).decode("ascii")


def team_contact(run: SurveyRun):
    """The coordinator parents can write to: whoever set up the run, if still coordinating, else the first coordinator."""
    coordinators = Membership.objects.filter(team_id=run.team_id, role=Role.COORDINATOR).select_related("user")
    chosen = coordinators.filter(user_id=run.created_by_id).first() or coordinators.order_by("joined_at").first()
    return chosen.user if chosen else None


def _context(run: SurveyRun, survey_url: str, results_url: str, language: str) -> dict:
    questionnaire = localized_questionnaire(run, language)
    return {
        "run": run,
        "language": language,
        "survey_url": survey_url,
        "results_url": results_url,
        "qr": qr_data_url(survey_url),
        "questionnaire": questionnaire,
        "questions": run_questions(run, questionnaire),
        "contact": team_contact(run),
        "team": run.team,
        "printed_on": datetime.date.today(),
    }


def printable_pdf(kind: str, run: SurveyRun, survey_url: str, results_url: str, language: str) -> bytes:
    template, _name = PRINTABLES[kind]
    with translation.override(language):
        return html_to_pdf(render_to_string(template, _context(run, survey_url, results_url, language)))


def filename(kind: str, run: SurveyRun, language: str) -> str:
    _template, name = PRINTABLES[kind]
    return f"{name}-{run.code.lower()}-{language}.pdf"
