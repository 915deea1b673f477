"""The start checklist on a first plan's overview: four things a new team does first, each ticked off by the
team's own data rather than by hand."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gemeenten.changes import record_change
from gemeenten.models import Membership, Partner, Plan
from gemeenten.models.team import Sector

# The sectors whose people a team needs from the start.
FIRST_SECTORS = (Sector.MUNICIPALITY, Sector.EDUCATION, Sector.SOCIAL_PARTNER)


@dataclass(frozen=True)
class Task:
    key: str
    title: str
    done: bool
    detail: str = ""


def start_checklist(plan: Plan) -> list[Task] | None:
    """The checklist while a team's first plan still has something open; None once all is done or in later cycles."""
    if plan.previous_id is not None:
        return None
    sectors = set(Membership.objects.filter(team_id=plan.team_id).values_list("sector", flat=True))
    missing = [str(sector.label).lower() for sector in FIRST_SECTORS if sector not in sectors]
    tasks = [
        Task("invite", _("Invite people from the municipality, education and social partners"), not missing,
             _("No one yet from: %(sectors)s.") % {"sectors": ", ".join(missing)} if missing else ""),
        Task("partners", _("Fill in the partners of step 2"), Partner.objects.filter(plan=plan).exists()),
        Task("meeting", _("Plan a first meeting"), plan.first_meeting_on is not None,
             _("On %(date)s.") % {"date": date_format(plan.first_meeting_on)} if plan.first_meeting_on else ""),
        Task("step-1", _("Start step 1"), plan.step_states.filter(step_code="1").exclude(last_edited_at=None).exists()),
    ]
    return None if all(task.done for task in tasks) else tasks


def plan_first_meeting(plan: Plan, day, user) -> None:
    Plan.objects.filter(pk=plan.pk).update(first_meeting_on=day)
    plan.first_meeting_on = day
    record_change(plan, "", user, _("Planned the first meeting on %(date)s") % {"date": date_format(day)})
