"""A team's survey runs in the workspace: the list, setting one up, its link, QR code and printables.

Every view asks gemeenten.access first and then looks the run up within that team only, so a run of
another team is as unknown as a team one is not in. Members and readers see runs; coordinators set them up.
"""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gemeenten.access import Need, team_access
from gemeenten.audit import Kind, record_event
from participatie import printables
from participatie.models import ClassCode, SurveyRun
from participatie.run_forms import (
    ClassCodeForm,
    QuestionnaireChoiceForm,
    RunForm,
    live_questionnaires,
    run_code_for,
)

DEFAULT_WEEKS_OPEN = 3

STATUS_LABELS = {
    "upcoming": gettext_lazy("Not open yet"),
    "open": gettext_lazy("Open"),
    "closed": gettext_lazy("Closed"),
    "purged": gettext_lazy("Closed, answers deleted"),
}


def find_run(access, run_id: int) -> SurveyRun:
    """The team's own run, or 404: a run id of another team reveals nothing."""
    run = SurveyRun.objects.filter(team=access.team, pk=run_id).select_related("questionnaire", "team").first()
    if run is None:
        raise Http404
    return run


def respondent_count(run: SurveyRun) -> int:
    if run.kept_counts is not None:
        return run.kept_counts.get("respondents", 0)
    return run.responses.count()


def survey_path(code: str, class_code: str | None = None) -> str:
    """The respondent's address without a language prefix: Dutch, with the other languages a click away."""
    with translation.override(settings.LANGUAGE_CODE):
        if class_code:
            return reverse("participatie:class_survey", args=[code, class_code])
        return reverse("participatie:survey", args=[code])


def survey_url(request, run: SurveyRun) -> str:
    return request.build_absolute_uri(survey_path(run.code))


def public_results_url(request, run: SurveyRun) -> str:
    return request.build_absolute_uri(reverse("participatie:public_results", args=[run.code]))


def run_context(access, run=None, **extra) -> dict:
    return {
        "access": access,
        "team": access.team,
        "run": run,
        "can_edit": access.can(Need.EDIT),
        "can_manage": access.can(Need.MANAGE),
        **extra,
    }


def back_to_run(run: SurveyRun):
    return redirect("gemeenten:peilingen:run", team_id=run.team_id, run_id=run.pk)


@login_required
@require_GET
def run_list(request, team_id):
    access = team_access(request.user, team_id)
    today = timezone.localdate()
    runs = list(
        SurveyRun.objects.filter(team=access.team).select_related("questionnaire").annotate(answers=Count("responses"))
    )
    for run in runs:
        run.status = run.status_on(today)
        run.status_label = STATUS_LABELS[run.status]
        run.respondents = run.kept_counts.get("respondents", 0) if run.kept_counts is not None else run.answers
    return render(request, "participatie/team/run_list.html", run_context(access, runs=runs, current="runs"))


@login_required
@require_http_methods(["GET", "POST"])
def create_run(request, team_id):
    # This page exists only to set up a run, so even showing it needs a coordinator.
    access = team_access(request.user, team_id, Need.MANAGE)
    if request.method == "POST":
        form = RunForm(request.POST)
        return _save(request, access, form, created=True)
    choice = QuestionnaireChoiceForm(request.GET if "vragenlijst" in request.GET else None)
    if choice.is_bound and choice.is_valid():
        questionnaire = choice.cleaned_data["vragenlijst"]
        form = RunForm(questionnaire=questionnaire, initial={
            "questionnaire": questionnaire,
            "title": questionnaire.title,
            "audience": questionnaire.audience,
            "code": run_code_for(questionnaire.audience),
            "opens_on": timezone.localdate(),
            "closes_on": timezone.localdate() + datetime.timedelta(weeks=DEFAULT_WEEKS_OPEN),
        })
        return render(request, "participatie/team/run_form.html", run_context(access, form=form))
    context = run_context(access, choice=choice, has_questionnaires=live_questionnaires().exists())
    return render(request, "participatie/team/choose_questionnaire.html", context, status=422 if choice.is_bound else 200)


@login_required
@require_GET
def run_detail(request, team_id, run_id):
    access = team_access(request.user, team_id)
    run = find_run(access, run_id)
    return _detail(request, access, run, ClassCodeForm())


def _detail(request, access, run, class_form, status=200):
    today = timezone.localdate()
    status_code = run.status_on(today)
    class_codes = [
        (class_code, request.build_absolute_uri(survey_path(run.code, class_code.code)))
        for class_code in run.class_codes.all()
    ]
    context = run_context(
        access, run,
        current="run",
        status=status_code,
        status_label=STATUS_LABELS[status_code],
        respondents=respondent_count(run),
        survey_url=survey_url(request, run),
        public_url=public_results_url(request, run),
        groups=run.segment_options.all(),
        class_codes=class_codes,
        class_form=class_form,
        languages=settings.PORTAL_LANGUAGES,
    )
    return render(request, "participatie/team/run_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def edit_run(request, team_id, run_id):
    access = team_access(request.user, team_id, Need.MANAGE)
    run = find_run(access, run_id)
    if request.method == "POST":
        return _save(request, access, RunForm(request.POST, instance=run), created=False)
    return render(request, "participatie/team/run_form.html", run_context(access, run, form=RunForm(instance=run)))


def _save(request, access, form, created):
    if form.is_valid():
        try:
            with transaction.atomic():
                run = form.save_run(access.team, request.user)
        except IntegrityError:
            # Someone took the same code between the check and the save.
            form.add_error("code", _("This code is already in use. Choose another one or use the suggested code."))
        else:
            if created:
                record_event(access.team, request.user, Kind.SURVEY, _("Set up the survey “%(title)s” (%(code)s)") % {
                    "title": run.title, "code": run.code})
                messages.success(request, _("The survey “%(title)s” has been set up.") % {"title": run.title})
            elif form.has_changed():
                record_event(access.team, request.user, Kind.SURVEY, _("Changed the survey “%(title)s”: %(fields)s") % {
                    "title": run.title, "fields": ", ".join(str(form.fields[name].label) for name in form.changed_data)})
                messages.success(request, _("Your changes have been saved."))
            else:
                messages.info(request, _("Nothing was changed."))
            return back_to_run(run)
    run = None if created else form.instance
    if run is not None:
        run.refresh_from_db()
    return render(request, "participatie/team/run_form.html", run_context(access, run, form=form), status=422)


@login_required
@require_POST
def delete_run(request, team_id, run_id):
    access = team_access(request.user, team_id, Need.MANAGE)
    run = find_run(access, run_id)
    answers = respondent_count(run)
    if answers and request.POST.get("confirm") != run.code:
        messages.error(request, _("To delete a survey that has answers, type its code %(code)s to confirm.") % {"code": run.code})
        return back_to_run(run)
    title = run.title
    run.delete()
    record_event(access.team, request.user, Kind.SURVEY, _("Deleted the survey “%(title)s” with its %(count)s answers") % {
        "title": title, "count": answers})
    messages.success(request, _("The survey “%(title)s” and all its answers have been deleted.") % {"title": title})
    return redirect("gemeenten:peilingen:runs", team_id=access.team.pk)


@login_required
@require_POST
def add_class_code(request, team_id, run_id):
    access = team_access(request.user, team_id, Need.MANAGE)
    run = find_run(access, run_id)
    form = ClassCodeForm(request.POST)
    if not form.is_valid():
        return _detail(request, access, run, form, status=422)
    class_code = form.save_for(run)
    record_event(access.team, request.user, Kind.SURVEY, _("Added class code %(code)s (%(label)s) to “%(title)s”") % {
        "code": class_code.code, "label": class_code.label, "title": run.title})
    messages.success(request, _("Class code %(code)s for %(label)s has been added.") % {
        "code": class_code.code, "label": class_code.label,
    })
    return back_to_run(run)


@login_required
@require_POST
def remove_class_code(request, team_id, run_id, class_code_id):
    access = team_access(request.user, team_id, Need.MANAGE)
    run = find_run(access, run_id)
    class_code = ClassCode.objects.filter(run=run, pk=class_code_id).first()
    if class_code is None:
        raise Http404
    class_code.delete()
    record_event(access.team, request.user, Kind.SURVEY, _("Removed class code %(code)s from “%(title)s”") % {
        "code": class_code.code, "title": run.title})
    messages.success(request, _("Class code %(code)s no longer works. Answers already given are kept.") % {
        "code": class_code.code,
    })
    return back_to_run(run)


def private_file(response, filename=None, inline=False):
    """A team's file: never kept in a shared cache."""
    if filename:
        response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def qr_code(request, team_id, run_id):
    access = team_access(request.user, team_id)
    run = find_run(access, run_id)
    download = request.GET.get("download") == "1"
    response = HttpResponse(printables.qr_svg(survey_url(request, run)), content_type="image/svg+xml")
    return private_file(response, f"qr-{run.code.lower()}.svg", inline=not download)


def _printable(request, team_id, run_id, kind):
    access = team_access(request.user, team_id)
    run = find_run(access, run_id)
    language = printables.printable_language(request.GET.get("taal"))
    with translation.override(language):
        results_url = public_results_url(request, run)
    content = printables.printable_pdf(kind, run, survey_url(request, run), results_url, language)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Language"] = language
    return private_file(response, printables.filename(kind, run, language))


@login_required
@require_GET
def poster(request, team_id, run_id):
    return _printable(request, team_id, run_id, "poster")


@login_required
@require_GET
def letter(request, team_id, run_id):
    return _printable(request, team_id, run_id, "letter")
