from django.urls import path, register_converter

from gemeenten.views import answers, cycles, export, members, plans, sections, teams, worksheets


class StepCodeConverter:
    regex = "[1-7c]"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(StepCodeConverter, "step")

app_name = "gemeenten"

plan = "<int:team_id>/<int:cycle>/"

urlpatterns = [
    path("", teams.workspace, name="workspace"),
    path("nieuw/", teams.create_team, name="create_team"),
    path("uitnodiging/<str:token>/", members.accept_invitation, name="accept_invitation"),
    path("<int:team_id>/", teams.team, name="team"),
    path("<int:team_id>/leden/", members.members, name="members"),
    path("<int:team_id>/leden/<int:membership_id>/", members.membership, name="membership"),
    path("<int:team_id>/leden/uitnodiging/<int:invitation_id>/intrekken/", members.withdraw_invitation, name="withdraw_invitation"),
    path(plan, plans.overview, name="plan"),
    path(plan + "wijzigingen/", plans.changes, name="changes"),
    path(plan + "stap/<step:code>/", worksheets.worksheet, name="worksheet"),
    path(plan + "stap/<step:code>/status/", worksheets.step_status, name="step_status"),
    path(plan + "vraag/<str:question_id>/", answers.answer, name="answer"),
    path(plan + "aanpakken/<int:row_id>/bouwstenen/", sections.scores, name="scores"),
    path(plan + "raadsbesluit/", sections.council_decision, name="council_decision"),
    path(plan + "volgende-cyclus/", cycles.next_cycle, name="next_cycle"),
    path(plan + "export.pdf", export.pdf, name="export_pdf"),
    path(plan + "export.docx", export.docx, name="export_docx"),
    # Last: the structured sections (partners, results, ...) take any other slug.
    path(plan + "<slug:section>/", sections.rows, name="section"),
    path(plan + "<slug:section>/<int:row_id>/", sections.row, name="section_row"),
]
