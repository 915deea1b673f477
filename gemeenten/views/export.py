"""Downloads of the whole plan, for the council: PDF or Word, in Dutch or English."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gemeenten.access import Need, plan_access
from gemeenten.audit import Kind, record_event
from gemeenten.export.document import plan_document
from gemeenten.export.pdf import render_pdf
from portal.replica import replica_reads

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def export_language(requested) -> str:
    """The language asked for with ?taal=, or else the one the member is reading the site in."""
    available = {code for code, _name in settings.PORTAL_LANGUAGES}
    if requested in available:
        return requested
    active = translation.get_language() or settings.LANGUAGE_CODE
    return active if active in available else settings.LANGUAGE_CODE


def _export(request, team_id, cycle, extension, render):
    access = plan_access(request.user, team_id, cycle, Need.VIEW)
    language = export_language(request.GET.get("taal"))
    with translation.override(language), replica_reads():
        content = render(plan_document(access.plan))
    filename = f"plan-{slugify(access.team.name) or 'team'}-{access.plan.cycle}-{language}.{extension}"
    response = HttpResponse(content, content_type=FORMATS[extension])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = language
    record_event(access.team, request.user, Kind.EXPORT, _("Downloaded the plan for %(cycle)s as %(file)s") % {
        "cycle": access.plan.cycle, "file": filename})
    # A plan is internal work until the council has it: keep it out of shared caches.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def pdf(request, team_id, cycle):
    return _export(request, team_id, cycle, "pdf", render_pdf)


@login_required
@require_GET
def docx(request, team_id, cycle):
    # python-docx (with lxml) is loaded by the few requests that export, not by every worker at start.
    from gemeenten.export.docx import render_docx

    return _export(request, team_id, cycle, "docx", render_docx)
