from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from portal import moments, page_cache
from search import statistics
from search.engine import FACETS, PAGE_KINDS, clean_query, search
from search.matching import related
from search.presentation import did_you_mean, present, promotions
from search.vocabulary import words_of
from voorbeelden.filters import selection_from
from voorbeelden.listing import facet_groups, query_without_page

PER_PAGE = 10
FIRST_PAGE_FOUND = "X-Search-Results"  # on a query's first page: how many results, for the search statistics
AUTOCOMPLETE_MAX_QUERY = 100
AUTOCOMPLETE_MAX_RESULTS = 8
AUTOCOMPLETE_CANDIDATES = 200


def search_page(request):
    """The results page. An anonymous visitor's search is kept until public content changes, under the moment of
    that change and the full address (query, filters, page and language), as public pages are; every search,
    kept or not, is counted for the editors' report."""
    query = clean_query(request.GET.get("q", ""))
    key = page_cache.cache_key(request, moments.current(moments.PUBLIC_CONTENT)) if page_cache.anonymous_get(request) else None
    kept = page_cache.kept_under(key) if key else None
    response = page_cache.from_cache(kept) if kept is not None else _results(request, query)
    if query and response.get(FIRST_PAGE_FOUND) is not None:
        statistics.record(query, get_language(), int(response[FIRST_PAGE_FOUND]))
    # Not what the database ranked while the engine was away: once it is back, it ranks again.
    if kept is None and key and page_cache.cacheable_response(request, response) and not response.context_data["fallback"]:
        patch_cache_control(response, private=True)  # counted here: a shared cache must not answer in its place
        page_cache.keep(key, response)
    return response


def _results(request, query):
    locale = Locale.get_active()
    facets = list(FACETS.values())
    selection = selection_from(request.GET, facets)
    outcome = search(query, locale, selection)
    results = Paginator(outcome.matches, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "query": query,
        "results": results,
        "items": present(results.object_list, outcome, request),
        "related": related(outcome.slots),
        "facet_groups": facet_groups(outcome.counts, selection, facets) if query else [],
        "selection": selection,
        "filter_query": query_without_page(request.GET),
        "reset_url": f"{reverse('search')}?{urlencode({'q': query})}",
        "promotions": promotions(query, locale) if query and results.number == 1 else [],
        "fallback": outcome.fallback,
    }
    if query and not outcome.total:
        context["correction"], context["close_titles"] = did_you_mean(query, locale)
    response = TemplateResponse(request, "search/search_page.html", context).render()
    if query and results.number == 1:
        response[FIRST_PAGE_FOUND] = str(outcome.total)
    return response


def autocomplete(request):
    """Titles that contain what the visitor types, for the search box: also as a part of a word ("sportcoach" offers
    "Buurtsportcoach"); titles that start with it first, then those with a word that starts with it."""
    query = clean_query(request.GET.get("q", ""))[:AUTOCOMPLETE_MAX_QUERY]
    typed = words_of(query)
    suggestions = []
    if len(query) >= 2 and typed:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).type(*PAGE_KINDS)
        for word in typed:
            pages = pages.filter(title__icontains=word)
        found = sorted(pages[:AUTOCOMPLETE_CANDIDATES], key=lambda page: _closeness(page.title, typed[0]))
        suggestions = [{"title": page.title, "url": page.get_url(request)} for page in found[:AUTOCOMPLETE_MAX_RESULTS]]
    return JsonResponse({"query": query, "suggestions": suggestions})


def _closeness(title: str, word: str) -> tuple:
    title = title.lower()
    return (not title.startswith(word), not any(part.startswith(word) for part in words_of(title)), len(title), title)
