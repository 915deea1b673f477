"""A run's results for its team: the page and its CSV and XLSX downloads, all from participatie.results."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gemeenten.access import team_access
from gemeenten.audit import Kind, record_event
from participatie import exports
from participatie.results import run_results
from participatie.views.runs import find_run, private_file, public_results_url, run_context
from portal.replica import replica_reads

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def results(request, team_id, run_id):
    access = team_access(request.user, team_id)
    run = find_run(access, run_id)
    with replica_reads():
        shown = run_results(run, get_language())
    context = run_context(access, run, results=shown,
                          public_url=public_results_url(request, run))
    return render(request, "participatie/team/results.html", context)


def _download(request, team_id, run_id, extension, content_type, write):
    access = team_access(request.user, team_id)
    run = find_run(access, run_id)
    with replica_reads():
        shown = run_results(run, get_language())
    response = HttpResponse(write(shown), content_type=content_type)
    filename = f"resultaten-{run.code.lower()}.{extension}"
    record_event(access.team, request.user, Kind.EXPORT, _("Downloaded the results of “%(title)s” as %(file)s") % {
        "title": run.title, "file": filename})
    return private_file(response, filename)


@login_required
@require_GET
def export_csv(request, team_id, run_id):
    return _download(request, team_id, run_id, "csv", "text/csv; charset=utf-8", exports.to_csv)


@login_required
@require_GET
def export_xlsx(request, team_id, run_id):
    return _download(request, team_id, run_id, "xlsx", XLSX, exports.to_xlsx)
