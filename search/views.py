from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from search import statistics
from search.engine import FACETS, PAGE_KINDS, clean_query, search
from search.presentation import did_you_mean, present, promotions
from search.ranking import ranked
from voorbeelden.filters import selection_from
from voorbeelden.listing import facet_groups, query_without_page

PER_PAGE = 10
AUTOCOMPLETE_MAX_QUERY = 100
AUTOCOMPLETE_MAX_RESULTS = 8


def search_page(request):
    query = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    facets = list(FACETS.values())
    selection = selection_from(request.GET, facets)
    outcome = search(query, locale, selection)
    results = Paginator(outcome.matches, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "query": query,
        "results": results,
        "items": present(results.object_list, query, request),
        "facet_groups": facet_groups(outcome.counts, selection, facets) if query else [],
        "selection": selection,
        "filter_query": query_without_page(request.GET),
        "reset_url": f"{reverse('search')}?{urlencode({'q': query})}",
        "promotions": promotions(query, locale) if query and results.number == 1 else [],
        "fallback": outcome.fallback,
    }
    if query and not outcome.total:
        context["correction"], context["close_titles"] = did_you_mean(query, locale)
    if query and results.number == 1:
        statistics.record(query, get_language(), outcome.total)
    return TemplateResponse(request, "search/search_page.html", context)


def autocomplete(request):
    """Titles that start like what the visitor types, for the search box; short input, short answer."""
    query = clean_query(request.GET.get("q", ""))[:AUTOCOMPLETE_MAX_QUERY]
    suggestions = []
    if len(query) >= 2:
        locale = Locale.get_active()
        pages = Page.objects.live().filter(locale=locale)
        ranked_ids, _fallback = ranked(lambda backend: [page.pk for page in backend.autocomplete(query, pages)[:50]])
        allowed = Page.objects.filter(pk__in=ranked_ids).public().type(*PAGE_KINDS).specific()
        found = {page.pk: page for page in allowed}
        suggestions = [
            {"title": found[pk].title, "url": found[pk].get_url(request)} for pk in ranked_ids if pk in found
        ][:AUTOCOMPLETE_MAX_RESULTS]
    return JsonResponse({"query": query, "suggestions": suggestions})
