"""Teams, their members and invitations: the rules, kept out of the views."""

import smtplib
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.audit import Kind, record_event
from gemeenten.changes import record_change
from gemeenten.models import Invitation, Membership, Plan, Team
from gemeenten.models.team import Role
from gemeenten.templatetags.workspace_tags import display_name

INVITATION_VALID_FOR = timedelta(days=14)
_SALT = "gemeenten.invitation"


@transaction.atomic
def create_team(user, name, municipalities, cycle, organisation="", sector="") -> Team:
    team = Team.objects.create(name=name)
    team.municipalities.set(municipalities)
    Membership.objects.create(team=team, user=user, role=Role.COORDINATOR, organisation=organisation, sector=sector)
    plan = Plan.objects.create(team=team, cycle=cycle, created_by=user)
    record_change(plan, "", user, _("Started the plan for %(cycle)s") % {"cycle": cycle})
    record_event(team, user, Kind.TEAM, _("Started the team"))
    return team


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps(invitation.pk, salt=_SALT)


def invite(team, email, role, invited_by, request) -> Invitation:
    """Record the invitation and e-mail its link; one open invitation per address is enough."""
    email = email.strip().lower()
    if Membership.objects.filter(team=team, user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already a member of this team.") % {"email": email})
    # Inviting an address again replaces its open invitation, so only the newest link works.
    Invitation.objects.filter(team=team, email=email, accepted_at=None).delete()
    invitation = Invitation.objects.create(team=team, email=email, role=role, invited_by=invited_by)
    link = request.build_absolute_uri(reverse("gemeenten:accept_invitation", args=[invitation_token(invitation)]))
    context = {"invitation": invitation, "link": link, "valid_days": INVITATION_VALID_FOR.days}
    try:
        send_mail(
            " ".join(render_to_string("gemeenten/email/invitation_subject.txt", context).split()),
            render_to_string("gemeenten/email/invitation_body.txt", context),
            None,
            [email],
        )
    except (smtplib.SMTPException, OSError):
        invitation.delete()
        raise ValidationError(_("The invitation could not be sent. Check the address, or try again later."))
    record_event(team, invited_by, Kind.TEAM, _("Invited %(email)s as %(role)s") % {
        "email": email, "role": invitation.get_role_display()})
    return invitation


def open_invitations_for(user) -> list[tuple[Invitation, str]]:
    """Invitations still open for the user's verified addresses, each with its link's token."""
    emails = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    invitations = Invitation.objects.filter(
        email__in=[email.lower() for email in emails], accepted_at=None,
        created_at__gte=timezone.now() - INVITATION_VALID_FOR,
    ).select_related("team", "invited_by")
    return [(invitation, invitation_token(invitation)) for invitation in invitations]


def open_invitation(token: str, valid_for: timedelta = INVITATION_VALID_FOR) -> Invitation:
    """The invitation behind a link, or a ValidationError that says why the link no longer works."""
    try:
        pk = signing.loads(token, salt=_SALT, max_age=valid_for)
    except signing.SignatureExpired:
        raise ValidationError(_("This invitation has expired. Ask the team's coordinator for a new one."))
    except signing.BadSignature:
        raise ValidationError(_("This invitation link is not valid. Check that you copied the whole link."))
    invitation = Invitation.objects.select_related("team").filter(pk=pk).first()
    if invitation is None:
        raise ValidationError(_("This invitation has been withdrawn."))
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."))
    return invitation


@transaction.atomic
def accept_invitation(invitation: Invitation, user, organisation, sector) -> Membership:
    if not EmailAddress.objects.filter(user=user, email__iexact=invitation.email, verified=True).exists():
        raise ValidationError(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    # Locking the row makes a link usable once, even when it is opened twice at the same moment.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."))
    membership, created = Membership.objects.get_or_create(
        team=invitation.team, user=user,
        defaults={"role": invitation.role, "organisation": organisation, "sector": sector},
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    if created:
        record_event(invitation.team, user, Kind.TEAM, _("Joined the team through the invitation to %(email)s") % {
            "email": invitation.email})
    return membership


def _keep_a_coordinator(membership, new_role=None):
    if membership.role != Role.COORDINATOR or new_role == Role.COORDINATOR:
        return
    # Locked (on PostgreSQL), so two coordinators stepping down at the same moment cannot both succeed.
    others = Membership.objects.select_for_update().filter(team=membership.team, role=Role.COORDINATOR)
    if not [other for other in others if other.pk != membership.pk]:
        raise ValidationError(_("A team needs a coordinator. Make someone else coordinator first."))


@transaction.atomic
def change_role(membership, role, by) -> None:
    _keep_a_coordinator(membership, role)
    membership.role = role
    membership.save(update_fields=["role"])
    record_event(membership.team, by, Kind.TEAM, _("Made %(member)s %(role)s") % {
        "member": display_name(membership.user), "role": membership.get_role_display()})


@transaction.atomic
def remove_member(membership, by) -> None:
    """Removes a member, or lets a member leave; the last coordinator cannot go."""
    _keep_a_coordinator(membership)
    name = display_name(membership.user)
    membership.delete()
    summary = _("Left the team") if by == membership.user else _("Removed %(member)s from the team") % {"member": name}
    record_event(membership.team, by, Kind.TEAM, summary)
