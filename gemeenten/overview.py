"""Where a plan stands: each step's status and who worked on it last."""

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gemeenten.changes import record_change
from gemeenten.method import MethodStep, find_step, method_steps
from gemeenten.models import AnswerVersion, StepState

STATUS_LABELS = {
    "not_started": _("Not started"),
    "in_progress": _("In progress"),
    "done": _("Done"),
}


@dataclass(frozen=True)
class StepOverview:
    step: MethodStep
    state: StepState | None

    @property
    def status(self) -> str:
        if self.state is not None and self.state.done:
            return "done"
        if self.state is not None and self.state.last_edited_at is not None:
            return "in_progress"
        return "not_started"

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def plan_overview(plan) -> list[StepOverview]:
    states = {state.step_code: state for state in plan.step_states.select_related("last_edited_by")}
    return [StepOverview(step, states.get(step.code)) for step in method_steps()]


def held_back_versions(plan, user):
    """Texts of this user that were held back because someone else saved first, still waiting for a choice."""
    return AnswerVersion.objects.filter(
        answer__plan=plan, answer__plan__archived_at=None, author=user, kind=AnswerVersion.Kind.CONFLICT, resolved=False
    ).select_related("answer")


def mark_step(plan, code: str, done: bool, user) -> None:
    """Marks a step as done, or as not done yet, and records who did."""
    StepState.objects.update_or_create(plan=plan, step_code=code, defaults={"done": done})
    summary = gettext("Marked %(step)s as done") if done else gettext("Marked %(step)s as not done yet")
    record_change(plan, code, user, summary % {"step": find_step(code).label})
