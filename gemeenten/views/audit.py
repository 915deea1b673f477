from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gemeenten.access import Need, team_access
from gemeenten.audit import Kind, team_events


@login_required
@require_GET
def audit_log(request, team_id):
    """The team's audit log, for its coordinators: who invited whom, changed roles, set up or deleted surveys,
    reviewed open answers and downloaded what."""
    access = team_access(request.user, team_id, Need.MANAGE)
    kind = request.GET.get("soort", "")
    kind = kind if kind in Kind.values else ""
    page = Paginator(team_events(access.team, kind), 50).get_page(request.GET.get("pagina"))
    context = {"access": access, "team": access.team, "page": page, "kind": kind, "kinds": Kind.choices}
    return render(request, "gemeenten/audit_log.html", context)
