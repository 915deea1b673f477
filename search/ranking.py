"""Which backend ranks a search: the configured engine, or the database while the engine cannot be used.

With OPENSEARCH_URL or ELASTICSEARCH_URL set, Wagtail keeps a database index beside the engine's ("database" in
WAGTAILSEARCH_BACKENDS), so the site still searches when the engine is down, overloaded or misconfigured. After a
failure the engine is left alone for SEARCH_RETRY_AFTER seconds, so that searches do not each wait for a timeout.
Each process keeps one backend per configuration, and with it the engine client's pool of open connections.
"""

import json
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

FALLBACK = "database"
HEALTH_TIMEOUT = 1
Ranked = TypeVar("Ranked")

_down_until = 0.0
_backends: dict[str, object] = {}


class Misconfigured(Exception):
    """The engine's address cannot be used at all (settings.SEARCH_ENGINE_PROBLEM says why)."""


def ranked(run: Callable[[object], Ranked]) -> tuple[Ranked, bool]:
    """run(backend), and whether the database ranked instead of the configured engine."""
    if not has_engine():
        return run(backend("default")), False
    if time.monotonic() < _down_until:
        return run(backend(FALLBACK)), True
    try:
        if settings.SEARCH_ENGINE_PROBLEM:
            raise Misconfigured(settings.SEARCH_ENGINE_PROBLEM)
        return run(backend("default")), False
    except _unavailable() as error:
        _failed(error)
        return run(backend(FALLBACK)), True


def _failed(error: Exception):
    """Leave the engine alone for SEARCH_RETRY_AFTER seconds, and say why in the log."""
    global _down_until
    _down_until = time.monotonic() + settings.SEARCH_RETRY_AFTER
    logger.warning("Search engine unavailable (%s: %s); the database ranks for %ss",
                   type(error).__name__, error, settings.SEARCH_RETRY_AFTER)


def has_engine() -> bool:
    return FALLBACK in settings.WAGTAILSEARCH_BACKENDS


def backend(name: str):
    """The backend of that name, made once per process for each configuration it has had."""
    config = settings.WAGTAILSEARCH_BACKENDS[name]
    key = json.dumps([name, config], sort_keys=True, default=str)
    if key not in _backends:
        _backends[key] = get_search_backend(name)
    return _backends[key]


def engine_state() -> str:
    """"up", "down" (it failed within SEARCH_RETRY_AFTER seconds, or does not answer now) or "misconfigured".
    The engine gets a second to answer, for a health check must not wait for the search timeout; a failure here
    counts as one in a search, so that searches do not wait for the engine either."""
    if settings.SEARCH_ENGINE_PROBLEM:
        return "misconfigured"
    if time.monotonic() < _down_until:
        return "down"
    client = backend("default").es
    try:
        if hasattr(client, "options"):  # elasticsearch-py 8 sets a request's timeout this way
            client.options(request_timeout=HEALTH_TIMEOUT).info()
        else:
            client.info(request_timeout=HEALTH_TIMEOUT)
    except _unavailable() as error:
        _failed(error)
        return "down"
    return "up"


def _unavailable() -> tuple[type[Exception], ...]:
    """What an unreachable, failing or misconfigured engine raises. The client is imported only when an engine is
    configured: it takes memory in every worker."""
    if "opensearch" in settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]:
        from opensearchpy.exceptions import OpenSearchException

        return (Misconfigured, OpenSearchException)
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    return (Misconfigured, TransportError, ApiError)
