from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from gemeenten.access import Need, plan_access
from gemeenten.analysis import ANALYSIS_STEP, plan_analysis
from gemeenten.answers import save_form
from gemeenten.figures.forms import FigureReviewForm, LocalValueForm
from gemeenten.figures.trends import TRENDS_STEP, result_trends
from gemeenten.method import method_steps, step_questions
from gemeenten.models import StepState
from gemeenten.overview import held_back_versions, mark_step
from gemeenten.sections import sections_for_step
from gemeenten.worksheet_items import removed_question_answers, worksheet_items

RESULTS_STEP = "4"


AUTOSAVE_MESSAGES = {
    "typing": gettext_lazy("Not saved yet…"),
    "saving": gettext_lazy("Saving…"),
    "saved": gettext_lazy("Saved at %s"),
    "unchanged": gettext_lazy("Saved"),
    "failed": gettext_lazy("Not saved. Use the button at the bottom to save."),
    "offline": gettext_lazy("Not saved: no connection. Your text stays here; save again when you are back online."),
    "compare": gettext_lazy("Compare both versions"),
}


@login_required
@require_http_methods(["GET", "POST"])
def worksheet(request, team_id, cycle, code):
    access = plan_access(request.user, team_id, cycle, Need.EDIT if request.method == "POST" else Need.VIEW)
    plan = access.plan
    steps = method_steps()
    step = next(step for step in steps if step.code == code)
    questions = step_questions(step, follow_up_cycle=plan.previous_id is not None)
    outcome = None
    if request.method == "POST":
        outcome = save_form(plan, code, questions.all(), request.POST, request.user)
        if outcome.message():
            messages.success(request, outcome.message())
        if not outcome.errors and not outcome.conflicts:
            return redirect(request.path)
        if outcome.errors:
            messages.error(request, _("Some answers could not be saved. Your text is still in the form below."))
    state = StepState.objects.filter(plan=plan, step_code=code).select_related("last_edited_by").first()
    sections = sections_for_step(plan, code, _finding_id(request) if code == RESULTS_STEP else None)
    context = {
        "access": access,
        "team": access.team,
        "plan": plan,
        "step": step,
        "state": state,
        "review_items": worksheet_items(plan, questions.review, outcome),
        "items": worksheet_items(plan, questions.questions, outcome),
        "removed": removed_question_answers(plan, code, questions.all()),
        "sections_before": [block for block in sections if block.section.before_questions],
        "sections": [block for block in sections if not block.section.before_questions],
        "held_back": held_back_versions(plan, request.user).filter(answer__step_code=code),
        "can_edit": access.can(Need.EDIT),
        "autosave_messages": AUTOSAVE_MESSAGES,
        "result_trends": result_trends(plan) if code == TRENDS_STEP else None,
    }
    if code == ANALYSIS_STEP:
        analysis = plan_analysis(plan, steps)
        context.update({
            "analysis": analysis,
            "local_form": LocalValueForm(team=access.team),
            "review_form": FigureReviewForm(questions=analysis.learning_questions),
        })
    return render(request, "gemeenten/worksheet.html", context, status=422 if outcome and outcome.errors else 200)


def _finding_id(request) -> int | None:
    """Step 4 can start a new result from one of step 3's concerns or opportunities: ?finding=<id>."""
    value = request.GET.get("finding", "")
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 9 else None


@login_required
@require_POST
def step_status(request, team_id, cycle, code):
    access = plan_access(request.user, team_id, cycle, Need.EDIT)
    mark_step(access.plan, code, request.POST.get("done") == "1", request.user)
    return redirect("gemeenten:worksheet", team_id=team_id, cycle=cycle, code=code)
