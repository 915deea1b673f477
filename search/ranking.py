"""Which backend ranks a search: the configured one, or the database while Elasticsearch cannot be reached.

With ELASTICSEARCH_URL set, Wagtail keeps a database index beside Elasticsearch's ("database" in
WAGTAILSEARCH_BACKENDS), so the site can still search when the cluster is down or overloaded. After a
failure the cluster is left alone for RETRY_AFTER seconds, so that searches do not each wait for a timeout.
"""

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

FALLBACK = "database"
RETRY_AFTER = 30.0
Ranked = TypeVar("Ranked")

_down_until = 0.0


def ranked(run: Callable[[object], Ranked]) -> tuple[Ranked, bool]:
    """run(backend), and whether the fallback ranked instead of the configured backend."""
    global _down_until
    has_fallback = FALLBACK in settings.WAGTAILSEARCH_BACKENDS
    if has_fallback and time.monotonic() < _down_until:
        return run(get_search_backend(FALLBACK)), True
    try:
        return run(get_search_backend()), False
    except _unavailable(has_fallback) as error:
        _down_until = time.monotonic() + RETRY_AFTER
        logger.warning("Search backend unavailable (%s); the database ranks for %ss", error, RETRY_AFTER)
        return run(get_search_backend(FALLBACK)), True


def _unavailable(has_fallback: bool) -> tuple[type[Exception], ...]:
    """What an unreachable or failing cluster raises; imported only then (the client takes memory in every worker)."""
    if not has_fallback:
        return ()
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    return (TransportError, ApiError)
