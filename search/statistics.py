"""Counting what people search for, for the editors' report."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from modelsearch.utils import normalise_query_string

from search.models import SearchTerm


def record(query: str, language: str, found: int) -> None:
    """One more search for this term today: one UPDATE, and an INSERT for the day's first."""
    term = {"query": normalise_query_string(query)[:200], "language": language, "day": timezone.localdate()}
    counts = {"searches": F("searches") + 1, "without_results": F("without_results") + (0 if found else 1)}
    if SearchTerm.objects.filter(**term).update(**counts):
        return
    try:
        with transaction.atomic():
            SearchTerm.objects.create(**term, searches=1, without_results=0 if found else 1)
    except IntegrityError:  # another request made the day's row in the meantime
        SearchTerm.objects.filter(**term).update(**counts)


def top_terms(days: int = 30, limit: int = 25, without_results: bool = False):
    since = timezone.localdate() - timedelta(days=days)
    terms = SearchTerm.objects.filter(day__gt=since).values("query", "language")
    terms = terms.annotate(total=Sum("searches"), empty=Sum("without_results"))
    if without_results:
        return terms.filter(empty__gt=0).order_by("-empty", "query")[:limit]
    return terms.order_by("-total", "query")[:limit]
