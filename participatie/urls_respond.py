"""The respondent's side of the surveys, under /doe-mee/ in every survey language."""

from django.urls import path

from participatie.views import public, respond

app_name = "participatie"

urlpatterns = [
    path("", respond.enter_code, name="enter_code"),
    path("<slug:code>/", respond.survey, name="survey"),
    path("<slug:code>/bedankt/", respond.thanks, name="thanks"),
    path("<slug:code>/klas/<slug:class_code>/", respond.survey, name="class_survey"),
    path("<slug:code>/klas/<slug:class_code>/bedankt/", respond.thanks, name="class_thanks"),
    path("<slug:code>/resultaten/", public.public_results, name="public_results"),
]
