from allauth.core.ratelimit import consume_or_429
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gemeenten import teams as team_rules
from gemeenten.access import Need, team_access
from gemeenten.audit import Kind, record_event
from gemeenten.forms import InvitationForm, ProfileForm, RoleForm
from gemeenten.models import Invitation, Membership


@login_required
@require_http_methods(["GET", "POST"])
def members(request, team_id):
    access = team_access(request.user, team_id)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        access = team_access(request.user, team_id, Need.MANAGE)
        if form.is_valid():
            try:
                team_rules.invite(access.team, form.cleaned_data["email"], form.cleaned_data["role"], request.user, request)
            except ValidationError as error:
                form.add_error("email", error)
            else:
                messages.success(request, _("The invitation has been sent to %(email)s.") % form.cleaned_data)
                return redirect("gemeenten:members", team_id=team_id)
    context = {
        "access": access,
        "team": access.team,
        "memberships": access.team.memberships.select_related("user"),
        "invitations": access.team.invitations.filter(accepted_at=None).select_related("invited_by"),
        "form": form,
        "profile_form": ProfileForm(instance=access.membership, prefix="profile"),
        "can_manage": access.can(Need.MANAGE),
        "roles": RoleForm.base_fields["role"].choices,
    }
    return render(request, "gemeenten/members.html", context)


@login_required
@require_POST
def membership(request, team_id, membership_id):
    """One member's row: its role, its profile, or leaving the team. Only coordinators change others."""
    access = team_access(request.user, team_id)
    target = get_object_or_404(Membership.objects.select_related("user", "team"), pk=membership_id, team=access.team)
    own = target.pk == access.membership.pk
    if not own and not access.can(Need.MANAGE):
        raise PermissionDenied
    action = request.POST.get("action")
    try:
        if action == "profile" and own:
            form = ProfileForm(request.POST, instance=target, prefix="profile")
            if not form.is_valid():
                raise ValidationError(" ".join(error for errors in form.errors.values() for error in errors))
            form.save()
            messages.success(request, _("Your details have been saved."))
        elif action == "role" and access.can(Need.MANAGE):
            form = RoleForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Choose one of the roles."))
            team_rules.change_role(target, form.cleaned_data["role"], request.user)
            messages.success(request, _("The role has been changed."))
        elif action == "remove":
            team_rules.remove_member(target, request.user)
            if own:
                messages.success(request, _("You have left %(team)s.") % {"team": access.team})
                return redirect("gemeenten:workspace")
            messages.success(request, _("The member has been removed."))
        else:
            raise ValidationError(_("That action is not possible here."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("gemeenten:members", team_id=team_id)


@login_required
@require_POST
def withdraw_invitation(request, team_id, invitation_id):
    access = team_access(request.user, team_id, Need.MANAGE)
    invitation = get_object_or_404(Invitation, pk=invitation_id, team=access.team, accepted_at=None)
    invitation.delete()
    record_event(access.team, request.user, Kind.TEAM, _("Withdrew the invitation to %(email)s") % {"email": invitation.email})
    messages.success(request, _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email})
    return redirect("gemeenten:members", team_id=team_id)


@login_required
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    limited = consume_or_429(request, action="accept_invitation")
    if limited:
        return limited
    try:
        invitation = team_rules.open_invitation(token)
    except ValidationError as error:
        return render(request, "gemeenten/invitation_invalid.html", {"reason": " ".join(error.messages)}, status=410)
    form = ProfileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            team_rules.accept_invitation(
                invitation, request.user, form.cleaned_data["organisation"], form.cleaned_data["sector"]
            )
        except ValidationError as error:
            return render(request, "gemeenten/invitation_invalid.html", {"reason": " ".join(error.messages)}, status=403)
        messages.success(request, _("Welcome to %(team)s.") % {"team": invitation.team})
        return redirect("gemeenten:team", team_id=invitation.team_id)
    return render(request, "gemeenten/accept_invitation.html", {"invitation": invitation, "form": form})
