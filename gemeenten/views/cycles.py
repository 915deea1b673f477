from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gemeenten.access import Need, plan_access
from gemeenten.cycles import start_next_cycle


@login_required
@require_POST
def next_cycle(request, team_id, cycle):
    access = plan_access(request.user, team_id, cycle, Need.MANAGE)
    try:
        new_plan = start_next_cycle(access.plan, request.user)
    except (ValidationError, IntegrityError):
        messages.error(request, _("The plan for %(cycle)s already exists.") % {"cycle": cycle + 1})
        return redirect("gemeenten:plan", team_id=team_id, cycle=cycle)
    messages.success(request, _("The plan for %(cycle)s has started. Begin by looking back on the previous cycle.") % {"cycle": new_plan.cycle})
    return redirect("gemeenten:plan", team_id=team_id, cycle=new_plan.cycle)
