"""The moment something that cached pages are made of last changed: a cached page or form is kept under the moment
it was made for, so moving the moment on makes every one of them again, in every process, without finding them.

The truth is one database row per kind (`ChangeMoment`). With Redis, the moment is also kept there for a few
seconds at a time and dropped when a change commits, so that reading it needs no database query. Within one
request a moment is read once: the page cache, the search's kept parts and the menu all ask for it.
"""

import threading

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.utils import timezone

from portal.models import ChangeMoment

PUBLIC_CONTENT = "public-content"
SURVEYS = "surveys"
# How long a process may go by Redis's copy of a moment. Dropped on every change, so this only bounds how long a
# copy read just before a change was committed can last, or one in a process's memory while Redis is down.
KEPT_IN_REDIS_FOR = 5
KEPT_FOR = 60 * 60 * 24
_copies: dict[str, tuple[str, object]] = {}  # key: (the moment it was made at, what was made)
_this_request = threading.local()  # .read: the moments this thread's request has read (None outside a request)


def _cache_key(name: str) -> str:
    return f"moment:{name}"


def move_on(name: str) -> None:
    """Something of this kind changed: from now on, what was cached under the old moment is made again."""
    now = timezone.now()
    if not ChangeMoment.objects.filter(name=name).update(changed_at=now):
        ChangeMoment.objects.update_or_create(name=name, defaults={"changed_at": now})
    if settings.REDIS_URL:
        transaction.on_commit(lambda: cache.delete(_cache_key(name)))
    read = getattr(_this_request, "read", None)
    if read is not None:
        read.pop(name, None)


def current(name: str):
    """The moment of the last change of this kind (None before the first), read once per request."""
    read = getattr(_this_request, "read", None)
    if read is None:
        return _current(name)
    if name not in read:
        read[name] = _current(name)
    return read[name]


def _begin_request(**_kwargs) -> None:
    _this_request.read = {}


def _end_request(**_kwargs) -> None:
    _this_request.read = None


request_started.connect(_begin_request, dispatch_uid="moments-begin-request")
request_finished.connect(_end_request, dispatch_uid="moments-end-request")


def _current(name: str):
    """From Redis when it is configured, else from the database."""
    if not settings.REDIS_URL:
        return ChangeMoment.objects.filter(name=name).values_list("changed_at", flat=True).first()
    moment = cache.get(_cache_key(name))
    if moment is None:
        moment = ChangeMoment.objects.filter(name=name).values_list("changed_at", flat=True).first() or ""
        cache.set(_cache_key(name), moment, KEPT_IN_REDIS_FOR)
    return moment or None


def kept(name: str, key: str, make):
    """What make() returns, made once per change of this kind: kept in the cache (shared by the processes) and in
    this process's memory, under the moment of the last change."""
    changed = current(name)
    moment = changed.isoformat() if changed else "-"
    copy = _copies.get(key)
    if copy is not None and copy[0] == moment:
        return copy[1]
    cache_key = f"{key}:{moment}"
    made = cache.get(cache_key)
    if made is None:
        made = make()
        cache.set(cache_key, made, KEPT_FOR)
    _copies[key] = (moment, made)
    return made
