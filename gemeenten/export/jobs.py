"""Rendering a plan as PDF or Word: in the request on one machine, in a task worker when TASKS_BACKEND names one,
so that a long export (seconds for a full plan) does not hold a web worker."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation
from django_tasks import task

from gemeenten.export.document import plan_document
from gemeenten.models import PlanExport
from portal.replica import replica_reads

IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"
KEPT_FOR = timedelta(days=1)


def in_worker() -> bool:
    return settings.TASKS["default"]["BACKEND"] != IMMEDIATE


def render(plan, kind: str, language: str) -> bytes:
    # WeasyPrint and python-docx load on first use, not in every web worker at start.
    if kind == "pdf":
        from gemeenten.export.pdf import render_pdf as renderer
    else:
        from gemeenten.export.docx import render_docx as renderer
    with translation.override(language), replica_reads():
        return renderer(plan_document(plan))


def request_export(plan, kind: str, language: str, user) -> PlanExport:
    """Queue an export for the worker; the plan's exports older than a day go."""
    PlanExport.objects.filter(plan=plan, requested_at__lt=timezone.now() - KEPT_FOR).delete()
    export = PlanExport.objects.create(plan=plan, kind=kind, language=language, requested_by=user)
    render_plan_export.enqueue(export.pk)
    return export


@task()
def render_plan_export(export_id: int) -> bool:
    export = PlanExport.objects.select_related("plan__team").filter(pk=export_id).first()
    if export is None:
        return False
    try:
        content = render(export.plan, export.kind, export.language)
    except Exception:
        PlanExport.objects.filter(pk=export_id).update(failed=True)
        raise
    PlanExport.objects.filter(pk=export_id).update(content=content)
    return True
