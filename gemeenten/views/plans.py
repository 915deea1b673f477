from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gemeenten.access import Need, plan_access
from gemeenten.cycles import reopen_refusal
from gemeenten.forms import FirstMeetingForm
from gemeenten.overview import held_back_versions, plan_overview
from gemeenten.start import plan_first_meeting, start_checklist


@login_required
def overview(request, team_id, cycle):
    access = plan_access(request.user, team_id, cycle)
    plan = access.plan
    can_manage = access.can(Need.MANAGE)
    context = {
        "access": access,
        "team": access.team,
        "plan": plan,
        "steps": plan_overview(plan),
        "held_back": held_back_versions(plan, request.user),
        "recent_changes": plan.changes.select_related("user")[:8],
        "cycles": access.team.plans.order_by("-cycle"),
        "can_edit": access.can(Need.EDIT),
        "can_manage": can_manage,
        # Asked only of those who may do it (the plan's changes are counted).
        "can_reopen_previous": can_manage and reopen_refusal(plan) is None,
        "checklist": start_checklist(plan),
        "meeting_form": FirstMeetingForm(initial={"first_meeting_on": plan.first_meeting_on}),
    }
    return render(request, "gemeenten/plan.html", context)


@login_required
def changes(request, team_id, cycle):
    access = plan_access(request.user, team_id, cycle)
    page = Paginator(access.plan.changes.select_related("user"), 50).get_page(request.GET.get("pagina"))
    return render(request, "gemeenten/changes.html", {"access": access, "team": access.team, "plan": access.plan, "page": page})


@login_required
@require_POST
def first_meeting(request, team_id, cycle):
    """The start checklist's meeting date: saved with a change record, or a message that says what to fix."""
    access = plan_access(request.user, team_id, cycle, Need.EDIT)
    form = FirstMeetingForm(request.POST)
    if form.is_valid():
        plan_first_meeting(access.plan, form.cleaned_data["first_meeting_on"], request.user)
        messages.success(request, _("The first meeting is in the plan."))
    else:
        messages.error(request, form.errors["first_meeting_on"][0])
    return redirect("gemeenten:plan", team_id=team_id, cycle=cycle)
