import json
import urllib.error
import urllib.request

import pytest
from django.test import override_settings

from tests.server import start_server
from tests.test_fallbacks import REDIS_DOWN


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up", "cache": "local", "search": "database"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_names_redis_up(client, db, shared_cache):
    assert client.get("/healthz/").json() == {"status": "ok", "database": "up", "cache": "up", "search": "database"}


@override_settings(CACHES=REDIS_DOWN)
def test_healthz_answers_200_degraded_while_redis_is_down(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "up", "cache": "down", "search": "database"}


@pytest.mark.parametrize(
    "database_url",
    [
        "sqlite:////nonexistent-folder/for/health/portal.sqlite3",
        "postgres://postgres@127.0.0.1:9/closed-port",
    ],
    ids=["sqlite-unreadable", "postgres-closed-port"],
)
def test_healthz_answers_503_when_the_database_does_not(database_url):
    process, base_url = start_server(database_url)
    try:
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(f"{base_url}/healthz/", timeout=10)
        assert error.value.code == 503
        assert json.loads(error.value.read()) == {"status": "unavailable", "database": "down", "cache": "local",
                                                  "search": "database"}
    finally:
        process.terminate()
        process.wait(timeout=10)
