"""Submission limits kept only as short-lived counters under hashed keys: no address is ever stored.

A class session counts per class code, so a school behind one network address is never blocked; a
respondent on their own device counts per hashed address (the client's, also behind a proxy: allauth's
get_client_ip with TRUSTED_PROXY_COUNT), generously.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 600


def _key(*parts: str) -> str:
    digest = hashlib.sha256("|".join((settings.SECRET_KEY, *parts)).encode()).hexdigest()
    return f"participatie:limit:{digest[:32]}"


def allow_submission(run_code: str, *, class_code: str = "", address: str = "") -> bool:
    """Count this submission and say whether it stays within the limit for its class code or address."""
    if class_code:
        key, limit = _key(run_code, "class", class_code), settings.SURVEY_LIMIT_PER_CLASS
    else:
        key, limit = _key(run_code, "address", address), settings.SURVEY_LIMIT_PER_ADDRESS
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # the counter expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    # Without a reachable cache there is no count (None): the answers are taken rather than lost.
    return count is None or count <= limit
