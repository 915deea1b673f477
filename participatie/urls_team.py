"""A team's surveys in the workspace, included by gemeenten.urls under <team_id>/peilingen/ as "peilingen".

The <id:...> converter is the one gemeenten.urls registers: ids of at most nine digits.
"""

from django.urls import path

from participatie.views import review, runs, team_results

run = "<id:run_id>/"

urlpatterns = [
    path("", runs.run_list, name="runs"),
    path("nieuw/", runs.create_run, name="create_run"),
    path(run, runs.run_detail, name="run"),
    path(run + "wijzigen/", runs.edit_run, name="edit_run"),
    path(run + "verwijderen/", runs.delete_run, name="delete_run"),
    path(run + "klassen/", runs.add_class_code, name="add_class_code"),
    path(run + "klassen/<id:class_code_id>/verwijderen/", runs.remove_class_code, name="remove_class_code"),
    path(run + "qr.svg", runs.qr_code, name="qr_code"),
    path(run + "poster.pdf", runs.poster, name="poster"),
    path(run + "brief-ouders.pdf", runs.letter, name="letter"),
    path(run + "resultaten/", team_results.results, name="results"),
    path(run + "resultaten.csv", team_results.export_csv, name="export_csv"),
    path(run + "resultaten.xlsx", team_results.export_xlsx, name="export_xlsx"),
    path(run + "open-antwoorden/", review.review, name="review"),
]
