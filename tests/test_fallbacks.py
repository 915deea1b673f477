"""With Redis or Elasticsearch unreachable (pointed at a closed port) the site keeps serving: the cache falls
back to each process's memory, search to the database backend with a notice."""

import os
import time

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from portal import cache as portal_cache
from portal.models import User
from search import ranking
from tests.test_settings import setting

pytestmark = pytest.mark.django_db

CLOSED = "127.0.0.1:9"  # the discard port: nothing listens there
REDIS_DOWN = {"default": {"BACKEND": "portal.cache.RedisWithLocalFallback", "LOCATION": f"redis://{CLOSED}/0",
                          "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}
# Database 15 unless TEST_REDIS_DB names another, so that two runs of the suite at once do not empty each other's.
REDIS_DATABASE = os.environ.get("TEST_REDIS_DB", "15")
REDIS_UP = {"default": {**REDIS_DOWN["default"], "LOCATION": f"redis://127.0.0.1:6379/{REDIS_DATABASE}"}}
SESSIONS_IN_DATABASE = "django.contrib.sessions.backends.cached_db"


@pytest.fixture
def search_backends():
    """Elasticsearch as configured for production, at a closed port; the database index beside it."""
    backends = setting("WAGTAILSEARCH_BACKENDS", {"ELASTICSEARCH_URL": f"http://{CLOSED}"})
    backends["default"]["TIMEOUT"] = 1
    ranking._down_until = 0.0
    yield backends
    ranking._down_until = 0.0


@override_settings(CACHES=REDIS_DOWN, SESSION_ENGINE=SESSIONS_IN_DATABASE)
def test_without_redis_pages_sign_in_and_surveys_keep_working(client, steps):
    started = time.monotonic()
    assert client.get(steps[3].url).status_code == 200
    assert client.get(steps[3].url)["X-Portal-Cache"] == "hit", "kept in this process's memory"
    response = client.post(reverse("account_login"), {"login": "beleid@velsen.example", "password": "demo-wachtwoord-2026"})
    assert response.status_code == 302
    assert client.get(reverse("gemeenten:workspace")).status_code == 200
    assert time.monotonic() - started < 10, "a failed Redis call is not repeated for every request"
    assert caches["default"].down_until > time.monotonic()


@override_settings(CACHES=REDIS_UP)
def test_with_redis_the_cache_is_shared():
    cache = caches["default"]
    cache.set("fallback-test", "gedeeld", 30)
    assert cache.redis.get("fallback-test") == "gedeeld", "stored in Redis itself"
    assert cache.local.get("fallback-test") is None
    cache.delete("fallback-test")


def test_a_redis_failure_is_remembered_for_a_while():
    cache = portal_cache.RedisWithLocalFallback(f"redis://{CLOSED}/0", {"OPTIONS": {"socket_connect_timeout": 0.5}})
    assert cache.add("key", 1) is True and cache.incr("key") == 2
    assert cache.down_until > time.monotonic() + portal_cache.RETRY_AFTER - 1
    assert cache.get("key") == 2


def test_without_elasticsearch_search_falls_back_to_the_database_with_a_notice(client, search_backends):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends):
        response = client.get("/zoeken/", {"q": "armoede"})
        assert response.status_code == 200
        assert response.context["fallback"] is True and response.context["results"].paginator.count > 0
        assert "Zoeken werkt even op een eenvoudigere manier" in response.content.decode()
        suggestions = client.get("/zoeken/suggesties/", {"q": "armoe"}).json()["suggestions"]
        assert suggestions, "autocomplete does not need the engine"
        assert "X-Portal-Cache" not in client.get("/zoeken/", {"q": "armoede"}), "a fallback answer is not kept"


def test_without_elasticsearch_an_editor_can_still_publish(search_backends, steps):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends):
        page = steps[6]
        page.title = "Maak samen afspraken over meten"
        page.save_revision(user=User.objects.get(email="redacteur@nji.example")).publish()
    page.refresh_from_db()
    assert page.title == "Maak samen afspraken over meten" and page.live
