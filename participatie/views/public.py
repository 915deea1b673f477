"""A run's public page, “What we heard, what we do”: the results in plain words, no login needed.

It shows only what participatie.results shows (no groups: a school is not singled out in public),
the open answers a team member chose to show, and the team's response.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from participatie.models import SurveyRun
from participatie.presentation import audience_noun, open_quotes, statements
from participatie.results import run_results
from participatie.views.languages import language_links, run_languages
from portal.replica import replica_reads


@require_GET
def public_results(request, code):
    run = SurveyRun.objects.filter(code=code.upper()).select_related("team").first()
    if run is None:
        raise Http404
    with replica_reads():
        results = run_results(run, get_language())
    context = {
        "run": run,
        "results": results,
        "noun": audience_noun(run.audience),
        "statements": statements(results) if results.shown else [],
        "quotes": open_quotes(results) if results.shown else [],
        "still_open": run.is_open(timezone.localdate()),
        "languages": language_links(run_languages(run), "public_results", code=run.code),
    }
    return render(request, "participatie/public/results.html", context)
