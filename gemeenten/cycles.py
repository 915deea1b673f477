"""Going round again: the next cycle starts from the previous plan, which is then kept read-only."""

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
