"""Counting what people search for, for the editors' report.

A search is counted in the process's memory and written to the database at most every FLUSH_EVERY seconds (and
when a gunicorn worker stops, gunicorn.conf.py), so that a repeated search, answered from the cache, costs no
write of its own: under load, a write per search waited for the database's write lock (bench/public.py). A
process that is killed outright loses at most that many seconds of counts; the report is about trends.
"""

import threading
import time
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from modelsearch.utils import normalise_query_string

from search.models import SearchTerm

FLUSH_EVERY = 5.0  # seconds
_pending: dict[tuple, list[int]] = {}  # (query, language, day): [searches, without results]
_lock = threading.Lock()
_flushed_at = time.monotonic()


def record(query: str, language: str, found: int) -> None:
    """One more search for this term today."""
    global _flushed_at
    term = (normalise_query_string(query)[:200], language, timezone.localdate())
    with _lock:
        counts = _pending.setdefault(term, [0, 0])
        counts[0] += 1
        counts[1] += 0 if found else 1
        due = time.monotonic() - _flushed_at >= FLUSH_EVERY
        if due:
            _flushed_at = time.monotonic()
    if due:
        flush()


def flush() -> None:
    """Write this process's counts: per term and day one UPDATE, and an INSERT for the day's first."""
    with _lock:
        pending = dict(_pending)
        _pending.clear()
    for (query, language, day), (searches, empty) in pending.items():
        term = {"query": query, "language": language, "day": day}
        counts = {"searches": F("searches") + searches, "without_results": F("without_results") + empty}
        if SearchTerm.objects.filter(**term).update(**counts):
            continue
        try:
            with transaction.atomic():
                SearchTerm.objects.create(**term, searches=searches, without_results=empty)
        except IntegrityError:  # another process made the day's row in the meantime
            SearchTerm.objects.filter(**term).update(**counts)


def top_terms(days: int = 30, limit: int = 25, without_results: bool = False):
    """The most searched terms (or those that found nothing), this process's latest counts included."""
    flush()
    since = timezone.localdate() - timedelta(days=days)
    terms = SearchTerm.objects.filter(day__gt=since).values("query", "language")
    terms = terms.annotate(total=Sum("searches"), empty=Sum("without_results"))
    if without_results:
        return terms.filter(empty__gt=0).order_by("-empty", "query")[:limit]
    return terms.order_by("-total", "query")[:limit]
