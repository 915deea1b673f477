"""The analysis of step 3: a team's own figures and indicators, and recording a discussion of the figures.

The figures themselves are shown on step 3's worksheet page; these views take the posts and show a
form on its own page when it needs correcting, so nothing typed is lost.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gemeenten.access import Need, plan_access
from gemeenten.analysis import ANALYSIS_STEP, learning_questions, record_review
from gemeenten.figures import local
from gemeenten.figures.forms import FigureReviewForm, IndicatorForm, LocalValueForm
from gemeenten.method import MethodStep

LOCAL_ANCHOR = "local-figures"
LEARNING_ANCHOR = "learning-cycle"


def analysis_url(plan, anchor: str) -> str:
    return reverse("gemeenten:worksheet", args=[plan.team_id, plan.cycle, ANALYSIS_STEP]) + f"#{anchor}"


def _page(request, access, template, status=200, **context):
    context = {
        "access": access, "team": access.team, "plan": access.plan, "can_edit": access.can(Need.EDIT),
        "step_label": MethodStep(ANALYSIS_STEP, None).label, "back_url": analysis_url(access.plan, LOCAL_ANCHOR),
        **context,
    }
    return render(request, template, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def add_figure(request, team_id, cycle):
    access = plan_access(request.user, team_id, cycle, Need.EDIT)
    form = LocalValueForm(request.POST if request.method == "POST" else None, team=access.team)
    if request.method == "POST" and form.is_valid():
        value = local.save_value(access.plan, form, request.user, _("Local figures: added “%(figure)s”"))
        messages.success(request, _("“%(figure)s” has been added.") % {"figure": local.value_label(value)})
        return redirect(analysis_url(access.plan, LOCAL_ANCHOR))
    return _page(request, access, "gemeenten/figures/value_form.html", status=422 if form.errors else 200, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def figure(request, team_id, cycle, value_id):
    access = plan_access(request.user, team_id, cycle, Need.EDIT)
    value = local.find_team_value(access.team, value_id)
    if value is None:
        raise Http404
    if request.method == "POST" and request.POST.get("action") == "delete":
        label = local.delete_value(access.plan, value, request.user)
        messages.success(request, _("“%(figure)s” has been removed.") % {"figure": label})
        return redirect(analysis_url(access.plan, LOCAL_ANCHOR))
    form = LocalValueForm(request.POST if request.method == "POST" else None, instance=value, team=access.team)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            local.save_value(access.plan, form, request.user, _("Local figures: changed “%(figure)s”"))
            messages.success(request, _("Your changes have been saved."))
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect(analysis_url(access.plan, LOCAL_ANCHOR))
    return _page(request, access, "gemeenten/figures/value_form.html", status=422 if form.errors else 200,
                 form=form, value=value, label=local.value_label(value))


@login_required
@require_http_methods(["GET", "POST"])
def add_indicator(request, team_id, cycle):
    access = plan_access(request.user, team_id, cycle, Need.EDIT)
    form = IndicatorForm(request.POST if request.method == "POST" else None, team=access.team)
    if request.method == "POST" and form.is_valid():
        indicator = local.save_indicator(access.plan, form, request.user)
        messages.success(request, _("The indicator “%(name)s” has been added. You can now enter its figures.") % {
            "name": indicator.name,
        })
        return redirect(analysis_url(access.plan, LOCAL_ANCHOR))
    return _page(request, access, "gemeenten/figures/indicator_form.html", status=422 if form.errors else 200, form=form)


@login_required
@require_POST
def review_figures(request, team_id, cycle):
    access = plan_access(request.user, team_id, cycle, Need.EDIT)
    form = FigureReviewForm(request.POST, questions=learning_questions())
    if form.is_valid():
        record_review(access.plan, request.user, form.answers())
        messages.success(request, _("The discussion has been recorded. Figures that arrive from now on are marked as new."))
        return redirect(analysis_url(access.plan, LEARNING_ANCHOR))
    return _page(request, access, "gemeenten/figures/review_form.html", status=422, form=form,
                 back_url=analysis_url(access.plan, LEARNING_ANCHOR))
