"""The structured sections of a plan: adding, changing and removing rows, scores and the council's decision.

The worksheet page lists the rows and holds the forms to add them; these views take the posts and
show a form on its own page when it needs correcting, so nothing typed is lost.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gemeenten import sections as section_rules
from gemeenten.access import Need, plan_access
from gemeenten.method import MethodStep


def _section_or_404(slug):
    section = section_rules.find_section(slug)
    if section is None:
        raise Http404
    return section


def _context(access, step_code, **extra):
    return {
        "access": access,
        "team": access.team,
        "plan": access.plan,
        "step_label": MethodStep(step_code, None).label,
        "can_edit": access.can(Need.EDIT),
        **extra,
    }


def _row_page(request, access, section, form, row=None, status=200):
    context = _context(access, section.step_code, section=section, form=form, row=row,
                       seen=section_rules.row_stamp(row) if row else "", back_url=section.worksheet_url(access.plan))
    return render(request, "gemeenten/sections/row_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def rows(request, team_id, cycle, section):
    access = plan_access(request.user, team_id, cycle, Need.EDIT if request.method == "POST" else Need.VIEW)
    section = _section_or_404(section)
    if request.method == "GET":
        return redirect(section.worksheet_url(access.plan))
    form, row = section_rules.add_row(section, access.plan, request.POST, request.user)
    if row is None:
        return _row_page(request, access, section, form, status=422)
    messages.success(request, _("“%(row)s” has been added.") % {"row": section_rules.row_label(row)})
    return redirect(section.worksheet_url(access.plan))


@login_required
@require_http_methods(["GET", "POST"])
def row(request, team_id, cycle, section, row_id):
    # This page exists only to change a row, so even showing it needs the right to edit.
    access = plan_access(request.user, team_id, cycle, Need.EDIT)
    section = _section_or_404(section)
    current = section_rules.find_row(section, access.plan, row_id)
    if current is None:
        raise Http404
    if request.method == "GET":
        return _row_page(request, access, section, section.form(access.plan, instance=current), current)
    action = request.POST.get("action", "save")
    if action == "delete":
        label = section_rules.row_label(current)
        section_rules.delete_row(section, access.plan, current, request.user)
        messages.success(request, _("“%(row)s” has been removed.") % {"row": label})
        return redirect(section.worksheet_url(access.plan))
    if action != "save":
        messages.error(request, _("That action is not possible here."))
        return redirect(section.worksheet_url(access.plan))
    form, changed = section_rules.update_row(section, access.plan, current, request.POST, request.user)
    if form.errors:
        return _row_page(request, access, section, form, current, status=422)
    if changed:
        messages.success(request, _("Your changes have been saved."))
    else:
        messages.info(request, _("Nothing was changed."))
    return redirect(section.worksheet_url(access.plan, f"{section.anchor}-{current.pk}"))


@login_required
@require_http_methods(["GET", "POST"])
def scores(request, team_id, cycle, row_id):
    access = plan_access(request.user, team_id, cycle, Need.EDIT)
    section = _section_or_404("aanpakken")
    approach = section_rules.find_row(section, access.plan, row_id)
    if approach is None:
        raise Http404
    form = section_rules.scores_form(approach, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if section_rules.save_scores(access.plan, approach, form, request.user):
            messages.success(request, _("The scores of “%(approach)s” have been saved.") % {
                "approach": section_rules.row_label(approach),
            })
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect(section_rules.matrix_url(access.plan))
    context = _context(access, section.step_code, approach=approach, form=form,
                       back_url=section_rules.matrix_url(access.plan))
    return render(request, "gemeenten/sections/scores.html", context, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def council_decision(request, team_id, cycle):
    access = plan_access(request.user, team_id, cycle, Need.EDIT)
    form = section_rules.council_form(access.plan, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if section_rules.save_council_decision(access.plan, form, request.user):
            messages.success(request, _("The council's decision has been saved."))
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect(section_rules.council_url(access.plan))
    context = _context(access, section_rules.COUNCIL_STEP, form=form, back_url=section_rules.council_url(access.plan))
    return render(request, "gemeenten/sections/council_decision.html", context, status=422 if form.errors else 200)
