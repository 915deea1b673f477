"""Downloads of the whole plan, for the council: PDF or Word, in Dutch or English."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gemeenten.access import Need, plan_access
from gemeenten.audit import Kind, record_event
from gemeenten.export import jobs
from gemeenten.models import PlanExport

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


def _export(request, team_id, cycle, kind):
    access = plan_access(request.user, team_id, cycle, Need.VIEW)
    language = export_language(request.GET.get("taal"))
    if jobs.in_worker():
        export = jobs.request_export(access.plan, kind, language, request.user)
        return redirect("gemeenten:export_status", team_id=team_id, cycle=cycle, export_id=export.pk)
    return _download(access, kind, language, jobs.render(access.plan, kind, language), request.user)


def _download(access, kind, language, content, user):
    filename = f"plan-{slugify(access.team.name) or 'team'}-{access.plan.cycle}-{language}.{kind}"
    response = HttpResponse(content, content_type=FORMATS[kind])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = language
    record_event(access.team, user, Kind.EXPORT, _("Downloaded the plan for %(cycle)s as %(file)s") % {
        "cycle": access.plan.cycle, "file": filename})
    # A plan is internal work until the council has it: keep it out of shared caches.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def pdf(request, team_id, cycle):
    return _export(request, team_id, cycle, "pdf")


@login_required
@require_GET
def docx(request, team_id, cycle):
    return _export(request, team_id, cycle, "docx")


@login_required
@require_GET
def export_status(request, team_id, cycle, export_id):
    """An export a worker prepares: the file once it is ready, until then a page that says so."""
    access = plan_access(request.user, team_id, cycle, Need.VIEW)
    export = get_object_or_404(PlanExport, pk=export_id, plan=access.plan)
    if export.content is not None:
        return _download(access, export.kind, export.language, bytes(export.content), request.user)
    context = {"access": access, "team": access.team, "plan": access.plan, "export": export}
    return render(request, "gemeenten/export/preparing.html", context, status=500 if export.failed else 202)
