from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from gemeenten.access import Need, plan_access
from gemeenten.cycles import reopen_refusal
from gemeenten.overview import held_back_versions, plan_overview


@login_required
def overview(request, team_id, cycle):
    access = plan_access(request.user, team_id, cycle)
    plan = access.plan
    context = {
        "access": access,
        "team": access.team,
        "plan": plan,
        "steps": plan_overview(plan),
        "held_back": held_back_versions(plan, request.user),
        "recent_changes": plan.changes.select_related("user")[:8],
        "cycles": access.team.plans.order_by("-cycle"),
        "can_edit": access.can(Need.EDIT),
        "can_manage": access.can(Need.MANAGE),
        "can_reopen_previous": reopen_refusal(plan) is None,
    }
    return render(request, "gemeenten/plan.html", context)


@login_required
def changes(request, team_id, cycle):
    access = plan_access(request.user, team_id, cycle)
    page = Paginator(access.plan.changes.select_related("user"), 50).get_page(request.GET.get("pagina"))
    return render(request, "gemeenten/changes.html", {"access": access, "team": access.team, "plan": access.plan, "page": page})
