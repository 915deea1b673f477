"""The one rule for who may see or change a team's data; every workspace view, export and API asks here.

Someone who is not in the team gets a 404, so that the workspace does not even confirm that a team
or plan exists. A member whose role does not allow an action gets a 403.
"""

from dataclasses import dataclass
from enum import IntEnum

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gemeenten.models import Membership, Plan, Team
from gemeenten.models.team import Role


class Need(IntEnum):
    VIEW = 1
    EDIT = 2
    MANAGE = 3


GRANTS = {Role.READER: Need.VIEW, Role.MEMBER: Need.EDIT, Role.COORDINATOR: Need.MANAGE}


@dataclass(frozen=True)
class Access:
    team: Team
    membership: Membership
    plan: Plan | None = None

    def can(self, need: Need) -> bool:
        if need >= Need.EDIT and self.plan is not None and self.plan.is_archived:
            return False
        return GRANTS[self.membership.role] >= need


def team_access(user, team_id, need: Need = Need.VIEW) -> Access:
    membership = None
    if user.is_authenticated:
        membership = Membership.objects.select_related("team").filter(team_id=team_id, user=user).first()
    if membership is None:
        raise Http404
    access = Access(membership.team, membership)
    if not access.can(need):
        raise PermissionDenied
    return access


def plan_access(user, team_id, cycle, need: Need = Need.VIEW) -> Access:
    """Like team_access, for one cycle's plan; an earlier cycle's plan can be read, never changed."""
    access = team_access(user, team_id)
    plan = Plan.objects.filter(team=access.team, cycle=cycle).first()
    if plan is None:
        raise Http404
    access = Access(access.team, access.membership, plan)
    if not access.can(need):
        raise PermissionDenied
    return access
