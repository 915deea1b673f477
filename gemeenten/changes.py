"""Every change to a plan goes through record_change, so each is attributable and the overview stays current."""

from datetime import timedelta

from django.utils import timezone

from gemeenten.models import PlanChange, StepState

# Autosave stores an answer every time someone pauses; the log shows one line per burst of work.
COALESCE_WITHIN = timedelta(minutes=10)


def record_change(plan, step_code: str, user, summary: str) -> None:
    summary = summary[:300]
    now = timezone.now()
    latest = PlanChange.objects.filter(plan=plan).order_by("-at", "-pk").first()
    if latest and latest.user == user and latest.summary == summary and now - latest.at < COALESCE_WITHIN:
        PlanChange.objects.filter(pk=latest.pk).update(at=now)
    else:
        PlanChange.objects.create(plan=plan, step_code=step_code, user=user, summary=summary)
    if step_code:
        StepState.objects.update_or_create(
            plan=plan, step_code=step_code, defaults={"last_edited_by": user, "last_edited_at": timezone.now()}
        )
