from django.urls import include, path, register_converter
from django.urls.converters import IntConverter

from gemeenten.views import answers, audit, cycles, export, figures, members, plans, sections, teams, worksheets


class StepCodeConverter:
    regex = "[1-7c]"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class IdConverter(IntConverter):
    """Row ids of at most nine digits, so that no URL can overflow a database integer."""

    regex = "[0-9]{1,9}"


class CycleConverter(IntConverter):
    regex = "[0-9]{4}"


register_converter(StepCodeConverter, "step")
register_converter(IdConverter, "id")
register_converter(CycleConverter, "cycle")

app_name = "gemeenten"

plan = "<id:team_id>/<cycle:cycle>/"

urlpatterns = [
    path("", teams.workspace, name="workspace"),
    path("nieuw/", teams.create_team, name="create_team"),
    path("uitnodiging/<str:token>/", members.accept_invitation, name="accept_invitation"),
    path("<id:team_id>/", teams.team, name="team"),
    path("<id:team_id>/leden/", members.members, name="members"),
    path("<id:team_id>/logboek/", audit.audit_log, name="audit_log"),
    path("<id:team_id>/leden/<id:membership_id>/", members.membership, name="membership"),
    path("<id:team_id>/leden/uitnodiging/<id:invitation_id>/intrekken/", members.withdraw_invitation, name="withdraw_invitation"),
    # The team's surveys: gemeenten:peilingen:<name>, views in participatie that ask gemeenten.access.
    path("<id:team_id>/peilingen/", include(("participatie.urls_team", "peilingen"))),
    path(plan, plans.overview, name="plan"),
    path(plan + "wijzigingen/", plans.changes, name="changes"),
    path(plan + "eerste-overleg/", plans.first_meeting, name="first_meeting"),
    path(plan + "stap/<step:code>/", worksheets.worksheet, name="worksheet"),
    path(plan + "stap/<step:code>/status/", worksheets.step_status, name="step_status"),
    path(plan + "vraag/<str:question_id>/", answers.answer, name="answer"),
    path(plan + "aanpakken/<id:row_id>/bouwstenen/", sections.scores, name="scores"),
    path(plan + "raadsbesluit/", sections.council_decision, name="council_decision"),
    path(plan + "cijfers/nieuw/", figures.add_figure, name="add_figure"),
    path(plan + "cijfers/<id:value_id>/", figures.figure, name="figure"),
    path(plan + "cijfers/indicator/", figures.add_indicator, name="add_indicator"),
    path(plan + "cijfers/besproken/", figures.review_figures, name="review_figures"),
    path(plan + "volgende-cyclus/", cycles.next_cycle, name="next_cycle"),
    path(plan + "vorige-cyclus-heropenen/", cycles.reopen_previous, name="reopen_previous"),
    path(plan + "export.pdf", export.pdf, name="export_pdf"),
    path(plan + "export.docx", export.docx, name="export_docx"),
    path(plan + "export/<id:export_id>/", export.export_status, name="export_status"),
    # Last: the structured sections (partners, results, ...) take any other slug.
    path(plan + "<slug:section>/", sections.rows, name="section"),
    path(plan + "<slug:section>/<id:row_id>/", sections.row, name="section_row"),
]
