"""Reviewing open answers before anyone else reads them: a member shows or hides each one.

Contact details were masked when the answer was stored. The answers are listed only once the run has
as many respondents as its smallest group, and in an order that does not follow submission, so that no
answer can be traced to a moment or a class session.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from gemeenten.access import Need, team_access
from gemeenten.audit import Kind, record_event
from participatie.models import ResponseAnswer, Review
from participatie.questions import localized_questionnaire, run_questions
from participatie.views.runs import find_run, respondent_count, run_context

PER_PAGE = 50
DECISIONS = {
    Review.SHOWN: gettext_lazy("The answer is shown in the results."),
    Review.HIDDEN: gettext_lazy("The answer is hidden."),
}


def _open_answers(run, review):
    return ResponseAnswer.objects.filter(response__run=run, review=review).exclude(text="")


@login_required
@require_http_methods(["GET", "POST"])
def review(request, team_id, run_id):
    # Unreviewed answers may hold anything a respondent typed: readers never see them.
    access = team_access(request.user, team_id, Need.EDIT)
    run = find_run(access, run_id)
    respondents = respondent_count(run)
    ready = respondents >= run.min_group_size
    if request.method == "POST":
        return _decide(request, run, ready)
    questions = {
        question.id: question.text
        for question in run_questions(run, localized_questionnaire(run, get_language()))
        if question.kind == "open_text"
    }
    order = {question_id: index for index, question_id in enumerate(questions)}

    def listed(review_state):
        answers = sorted(
            _open_answers(run, review_state).select_related("reviewed_by").only(
                "id", "question_id", "text", "review", "reviewed_by"),
            key=lambda answer: (order.get(answer.question_id, len(order)), answer.text.casefold(), answer.pk),
        )
        for answer in answers:
            answer.question_text = questions.get(answer.question_id, _("A question no longer in the questionnaire"))
        return answers

    pending = Paginator(listed(Review.PENDING) if ready else [], PER_PAGE).get_page(request.GET.get("pagina"))
    context = run_context(
        access, run,
        ready=ready,
        respondents=respondents,
        pending=pending,
        shown=listed(Review.SHOWN) if ready else [],
        hidden=listed(Review.HIDDEN) if ready else [],
    )
    return render(request, "participatie/team/review.html", context)


def _decide(request, run, ready):
    back = redirect(request.get_full_path())
    if not ready:
        messages.error(request, _("Open answers can be reviewed once at least %(count)s have answered.") % {
            "count": run.min_group_size,
        })
        return back
    answer_id = request.POST.get("answer", "")
    if not answer_id.isascii() or not answer_id.isdigit() or len(answer_id) > 12:
        raise Http404
    answer = ResponseAnswer.objects.filter(
        pk=int(answer_id), response__run=run, review__in=[Review.PENDING, Review.SHOWN, Review.HIDDEN],
    ).exclude(text="").first()
    if answer is None:
        raise Http404
    decision = request.POST.get("decision")
    if decision not in DECISIONS:
        messages.error(request, _("Choose whether to show or hide the answer."))
        return back
    answer.review = decision
    answer.reviewed_by = request.user
    answer.save(update_fields=["review", "reviewed_by"])
    summary = _("Showed an open answer of “%(title)s”") if decision == Review.SHOWN else _("Hid an open answer of “%(title)s”")
    record_event(run.team, request.user, Kind.SURVEY, summary % {"title": run.title})
    messages.success(request, DECISIONS[decision])
    return back
