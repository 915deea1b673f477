from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from portal.navigation import find_in_other_languages
from search import ranking


@never_cache
def healthz(request):
    """The state of each dependency; 503 only when the database does not answer, for without it nothing works.
    A cache or search engine that is down slows the site or orders results less well: "degraded", still 200."""
    states = {"database": _database_state(), "cache": _cache_state(), "search": _search_state()}
    if states["database"] == "down":
        status = "unavailable"
    elif states["cache"] == "down" or states["search"] in ("down", "misconfigured"):
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse({"status": status, **states}, status=503 if status == "unavailable" else 200)


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "down"
    return "up"


def _cache_state() -> str:
    """"local" when each process keeps its own cache (no Redis configured)."""
    return cache.state() if hasattr(cache, "state") else "local"


def _search_state() -> str:
    """"database" when no search engine is configured: the database ranks, as designed."""
    return ranking.engine_state() if ranking.has_engine() else "database"


def page_not_found(request, exception=None):
    context = {"other_languages": find_in_other_languages(request)}
    return render(request, "404.html", context, status=404)
