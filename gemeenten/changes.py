"""Every change to a plan goes through record_change, so each is attributable and the overview stays current."""

from django.utils import timezone

from gemeenten.models import PlanChange, StepState


def record_change(plan, step_code: str, user, summary: str) -> None:
    PlanChange.objects.create(plan=plan, step_code=step_code, user=user, summary=summary[:300])
    if step_code:
        StepState.objects.update_or_create(
            plan=plan, step_code=step_code, defaults={"last_edited_by": user, "last_edited_at": timezone.now()}
        )
