"""Reports read from the read replica when one is configured (DATABASE_REPLICA_URL); all else uses the primary.

A report is a view that only shows data: survey results and their downloads, the plan's export, the public
"what we heard" page. Inside `replica_reads()` the router sends reads to the replica, except inside a
transaction on the primary and inside `primary_reads()`, for code that must see its own latest writes.
"""

import functools
import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import connections

REPLICA = "replica"
_state = threading.local()


@contextmanager
def _reading(where: str):
    previous = getattr(_state, "where", None)
    _state.where = where
    try:
        yield
    finally:
        _state.where = previous


def replica_reads():
    return _reading(REPLICA)


def primary_reads():
    return _reading("default")


def reads_from_replica(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        with replica_reads():
            return view(*args, **kwargs)

    return wrapped


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if getattr(_state, "where", None) == REPLICA and REPLICA in settings.DATABASES:
            if not connections["default"].in_atomic_block:
                return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA
