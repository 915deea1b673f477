"""Going round again: the next cycle starts from the previous plan, which is then kept read-only; until anyone
changes the new plan, a coordinator can undo that and reopen the previous one."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.changes import record_change
from gemeenten.models import (
    Answer,
    AnswerVersion,
    Approach,
    ApproachScore,
    ContactAgreement,
    Finding,
    MonitoringAgreement,
    Partner,
    Plan,
    Result,
)

# Below this many steps worked on, starting the next cycle comes with a warning.
FEW_STEPS = 4


@dataclass(frozen=True)
class CarriedOver:
    """What the next cycle starts with, as the confirmation page tells it."""

    answers: int
    partners: int
    findings: int
    results: int
    approaches: int
    agreements: int
    steps_worked_on: int

    @property
    def few(self) -> bool:
        return self.steps_worked_on < FEW_STEPS


def carried_over(plan: Plan) -> CarriedOver:
    return CarriedOver(
        answers=Answer.objects.filter(plan=plan).exclude(value="").exclude(value=[]).count(),
        partners=Partner.objects.filter(plan=plan).count(),
        findings=Finding.objects.filter(plan=plan).count(),
        results=Result.objects.filter(plan=plan).count(),
        approaches=Approach.objects.filter(plan=plan).count(),
        agreements=MonitoringAgreement.objects.filter(plan=plan).count()
        + ContactAgreement.objects.filter(plan=plan).count(),
        steps_worked_on=plan.step_states.exclude(last_edited_at=None).count(),
    )


def _copy_rows(model, old_plan, new_plan, user, **remap):
    copies = {}
    for row in model.objects.filter(plan=old_plan):
        old_pk = row.pk
        row.pk = None
        row.plan = new_plan
        row.updated_by = user
        for field, mapping in remap.items():
            setattr(row, field, mapping.get(getattr(row, field)))
        row.save()
        copies[old_pk] = row.pk
    return copies


@transaction.atomic
def start_next_cycle(plan: Plan, user) -> Plan:
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.is_archived:
        raise ValidationError(_("The next cycle has already been started."))
    now = timezone.now()
    new_plan = Plan.objects.create(team=plan.team, cycle=plan.cycle + 1, previous=plan, created_by=user)
    for answer in Answer.objects.filter(plan=plan):
        copy = Answer.objects.create(
            plan=new_plan, step_code=answer.step_code, question_id=answer.question_id,
            question_text=answer.question_text, answer_kind=answer.answer_kind, value=answer.value,
            version=1, updated_by=user, updated_at=now,
        )
        AnswerVersion.objects.create(answer=copy, value=answer.value, kind=AnswerVersion.Kind.CARRIED, author=user)
        # A text still waiting for its author's choice goes along, so the choice can be made there.
        for held in answer.versions.filter(kind=AnswerVersion.Kind.CONFLICT, resolved=False):
            AnswerVersion.objects.create(
                answer=copy, value=held.value, kind=held.kind, based_on=held.based_on, author=held.author
            )
    for model in (Partner, MonitoringAgreement, ContactAgreement):
        _copy_rows(model, plan, new_plan, user)
    findings = _copy_rows(Finding, plan, new_plan, user)
    results = _copy_rows(Result, plan, new_plan, user, finding_id=findings)
    approaches = _copy_rows(Approach, plan, new_plan, user, result_id=results)
    ApproachScore.objects.bulk_create(
        ApproachScore(approach_id=approaches[score.approach_id], building_block=score.building_block,
                      score=score.score, explanation=score.explanation)
        for score in ApproachScore.objects.filter(approach__plan=plan)
    )
    plan.archived_at = now
    plan.save(update_fields=["archived_at"])
    record_change(new_plan, "", user, _("Started the plan for %(cycle)s from %(previous)s") % {
        "cycle": new_plan.cycle, "previous": plan.cycle,
    })
    return new_plan


def reopen_refusal(plan: Plan) -> str | None:
    """Why the previous plan cannot be reopened from this one, or None while it can: while this plan is still
    exactly what starting it made (every change goes through record_change; the only one on it is its start)."""
    if plan.previous_id is None:
        return _("The plan for %(cycle)s is the team's first: there is no previous plan to reopen.") % {
            "cycle": plan.cycle}
    if plan.is_archived or plan.changes.count() > 1:
        return _("Someone has already changed the plan for %(cycle)s, so it stays.") % {"cycle": plan.cycle}
    return None


@transaction.atomic
def reopen_previous_cycle(plan: Plan, user) -> Plan:
    """Deletes the unchanged plan and opens its previous one again; refuses once anyone has changed it. Doing it
    twice does it once."""
    locked = Plan.objects.select_for_update().filter(pk=plan.pk).first()
    if locked is None:  # undone already: a second click, or another coordinator at the same moment
        return Plan.objects.get(pk=plan.previous_id)
    plan = locked
    if refusal := reopen_refusal(plan):
        raise ValidationError(refusal)
    previous = Plan.objects.select_for_update().get(pk=plan.previous_id)
    plan.delete()
    previous.archived_at = None
    previous.save(update_fields=["archived_at"])
    record_change(previous, "", user, _("Reopened the plan for %(cycle)s; the unchanged plan for %(next)s was removed")
                  % {"cycle": previous.cycle, "next": plan.cycle})
    return previous
