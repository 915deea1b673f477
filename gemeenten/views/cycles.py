from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gemeenten.access import Need, plan_access, team_access
from gemeenten.cycles import carried_over, reopen_previous_cycle, reopen_refusal, start_next_cycle


@login_required
@require_http_methods(["GET", "POST"])
def next_cycle(request, team_id, cycle):
    """Asks first (what happens, what carries over, a warning when little was filled in); starts on the POST."""
    access = plan_access(request.user, team_id, cycle, Need.MANAGE)
    if request.method == "GET":
        return render(request, "gemeenten/next_cycle.html", {
            "access": access, "team": access.team, "plan": access.plan, "carried": carried_over(access.plan),
        })
    try:
        new_plan = start_next_cycle(access.plan, request.user)
    except (ValidationError, IntegrityError):
        messages.error(request, _("The plan for %(cycle)s already exists.") % {"cycle": cycle + 1})
        return redirect("gemeenten:plan", team_id=team_id, cycle=cycle)
    messages.success(request, _("The plan for %(cycle)s has started. Begin by looking back on the previous cycle.") % {"cycle": new_plan.cycle})
    return redirect("gemeenten:plan", team_id=team_id, cycle=new_plan.cycle)


@login_required
@require_http_methods(["GET", "POST"])
def reopen_previous(request, team_id, cycle):
    """Undoes starting this plan while nobody has changed it: the previous plan opens for changes again."""
    try:
        access = plan_access(request.user, team_id, cycle, Need.MANAGE)
    except Http404:
        # Already undone (a second click, or another coordinator): the previous plan is where to be.
        previous = team_access(request.user, team_id, Need.MANAGE).team.plans.filter(cycle=cycle - 1).first()
        if previous is None or previous.is_archived:
            raise
        messages.info(request, _("The plan for %(cycle)s is open for changes again.") % {"cycle": previous.cycle})
        return redirect("gemeenten:plan", team_id=team_id, cycle=previous.cycle)
    if request.method == "GET":
        if refusal := reopen_refusal(access.plan):
            messages.error(request, refusal)
            return redirect("gemeenten:plan", team_id=team_id, cycle=cycle)
        return render(request, "gemeenten/reopen_previous.html", {
            "access": access, "team": access.team, "plan": access.plan,
        })
    try:
        previous = reopen_previous_cycle(access.plan, request.user)
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
        return redirect("gemeenten:plan", team_id=team_id, cycle=cycle)
    messages.success(request, _("The plan for %(cycle)s is open for changes again.") % {"cycle": previous.cycle})
    return redirect("gemeenten:plan", team_id=team_id, cycle=previous.cycle)
