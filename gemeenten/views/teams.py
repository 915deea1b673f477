from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from gemeenten import teams as team_rules
from gemeenten.access import team_access
from gemeenten.forms import TeamForm
from gemeenten.models import Membership


@login_required
def workspace(request):
    memberships = (
        Membership.objects.filter(user=request.user).select_related("team").prefetch_related("team__municipalities", "team__plans")
    )
    context = {"memberships": memberships, "invitations": team_rules.open_invitations_for(request.user)}
    return render(request, "gemeenten/workspace.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def create_team(request):
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        team = team_rules.create_team(
            request.user, data["name"], data["municipalities"], data["cycle"], data["organisation"], data["sector"]
        )
        return redirect("gemeenten:team", team_id=team.pk)
    return render(request, "gemeenten/create_team.html", {"form": form})


@login_required
def team(request, team_id):
    access = team_access(request.user, team_id)
    plan = access.team.current_plan()
    if plan is None:
        raise Http404
    return redirect("gemeenten:plan", team_id=team_id, cycle=plan.cycle)
