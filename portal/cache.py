"""Redis as the shared cache, with this process's memory standing in while Redis cannot be reached.

Everything the portal keeps in the cache can be made again (pages, figures, counts) or may start afresh
(rate-limit counters, now per process), so a Redis outage slows the site down rather than stopping it.
After a failed call, Redis is left alone for RETRY_AFTER seconds, so that requests do not each wait for
a connection timeout.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class RedisWithLocalFallback(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self.redis = RedisCache(location, params)
        self.local = LocMemCache(f"fallback-{location}", {"TIMEOUT": params.get("TIMEOUT", 300)})
        self.down_until = 0.0

    def _call(self, method: str, *args, **kwargs):
        if time.monotonic() >= self.down_until:
            try:
                return getattr(self.redis, method)(*args, **kwargs)
            except UNREACHABLE as error:
                self._unreachable(error)
        return getattr(self.local, method)(*args, **kwargs)

    def _unreachable(self, error):
        self.down_until = time.monotonic() + RETRY_AFTER
        logger.warning("Redis unreachable (%s); using this process's memory for %ss", error, RETRY_AFTER)

    def state(self) -> str:
        """"up", or "down" while this process uses its own memory (a failed probe starts that, too)."""
        if time.monotonic() >= self.down_until:
            try:
                self.redis.get("portal:health-probe")
                return "up"
            except UNREACHABLE as error:
                self._unreachable(error)
        return "down"

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        timeout = self.redis.default_timeout if timeout is BaseCache.get_backend_timeout else timeout
        return self._call("set", key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        timeout = self.redis.default_timeout if timeout is BaseCache.get_backend_timeout else timeout
        return self._call("add", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        timeout = self.redis.default_timeout if timeout is BaseCache.get_backend_timeout else timeout
        return self._call("touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", key, version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        timeout = self.redis.default_timeout if timeout is BaseCache.get_backend_timeout else timeout
        return self._call("set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version)

    def clear(self):
        self.local.clear()
        return self._call("clear")
