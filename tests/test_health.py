import urllib.error
import urllib.request

import pytest

from tests.server import start_server


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}
    assert "no-cache" in response["Cache-Control"]


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
        assert b'"database": "down"' in error.value.read()
    finally:
        process.terminate()
        process.wait(timeout=10)
