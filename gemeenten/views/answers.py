from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gemeenten import answers as answer_rules
from gemeenten.access import Need, plan_access
from gemeenten.method import find_question
from gemeenten.models import Answer, AnswerVersion
from gemeenten.templatetags.workspace_tags import display_name


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, team_id, cycle, question_id):
    """One answer with its history; saves from the autosave script, restores and choices between versions."""
    access = plan_access(request.user, team_id, cycle, Need.EDIT if request.method == "POST" else Need.VIEW)
    plan = access.plan
    current = Answer.objects.filter(plan=plan, question_id=question_id).select_related("updated_by").first()
    found = find_question(question_id, plan.previous_id is not None, request.GET.get("stap", ""))
    if found is None and current is None:
        raise Http404
    # A question editors removed keeps its answer and history, but is no longer answered.
    step_code, question = found or (None, answer_rules.question_from_answer(current))
    if request.method == "POST":
        return _post(request, access, step_code, question, current)
    context = {
        "access": access,
        "team": access.team,
        "plan": plan,
        "question": question,
        "step_code": step_code or current.step_code,
        "removed": found is None,
        "answer": current,
        "versions": Paginator(current.versions.select_related("author") if current else [], 50).get_page(request.GET.get("pagina")),
        "can_edit": access.can(Need.EDIT),
    }
    return render(request, "gemeenten/answer.html", context)


def _post(request, access, step_code, question, current):
    plan = access.plan
    action = request.POST.get("action", "save")
    back = redirect("gemeenten:answer", team_id=access.team.pk, cycle=plan.cycle, question_id=question.id)
    if action == "save":
        prefix = f"q-{question.id}"
        if f"{prefix}-base" not in request.POST or step_code is None:
            return JsonResponse({"status": "invalid", "message": _("This answer cannot be saved here.")}, status=400)
        value, error = answer_rules.read_value(question, request.POST, prefix)
        if error:
            return JsonResponse({"status": "invalid", "message": error}, status=422)
        base = answer_rules.parse_version(request.POST.get(f"{prefix}-base"))
        outcome = answer_rules.save_answer(plan, step_code, question, value, base, request.user)
        if not _wants_json(request):
            return redirect("gemeenten:worksheet", team_id=access.team.pk, cycle=plan.cycle, code=step_code)
        return JsonResponse(_save_report(outcome), status=409 if outcome.status == "conflict" else 200)
    if current is None:
        raise Http404
    version = get_object_or_404(AnswerVersion, pk=answer_rules.parse_version(request.POST.get("version")), answer=current)
    if action == "restore":
        shown = answer_rules.parse_version(request.POST.get("current"))
        if answer_rules.restore(current, version, question, shown, request.user).status == "conflict":
            messages.error(request, _("Someone saved this answer while you were looking at its history. Check the current answer and restore again if you still want to."))
        else:
            messages.success(request, _("The earlier version is the current answer again."))
        return back
    held_back = version.kind == AnswerVersion.Kind.CONFLICT and not version.resolved
    if action in ("keep_mine", "keep_theirs") and held_back and version.author == request.user:
        answer_rules.resolve(version, action == "keep_mine", question, request.user)
        messages.success(request, _("Your choice has been saved. Both texts stay in the history."))
        return redirect("gemeenten:worksheet", team_id=access.team.pk, cycle=plan.cycle, code=current.step_code)
    messages.error(request, _("That action is not possible here."))
    return back


def _save_report(outcome) -> dict:
    answer = outcome.answer
    report = {"status": outcome.status, "version": answer.version}
    if answer.updated_at:
        report["saved_at"] = formats.time_format(timezone.localtime(answer.updated_at), "H:i")
    if outcome.status == "conflict":
        report["message"] = _(
            "%(name)s saved this answer while you were writing. Your text has been kept; choose which version to keep."
        ) % {"name": display_name(answer.updated_by)}
    return report
