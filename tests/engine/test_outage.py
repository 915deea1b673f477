"""A node that stops in the middle of a run: search goes on through the database with the notice, the health
check says search is down, and once the node is back the portal uses it again, with the index it had.
The test runs a node of its own (the same launcher as `make services`), so that stopping it disturbs nothing else."""

import subprocess
import time
import urllib.error
import urllib.request

import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests.engine.conftest import PREFIX, engine_settings, node_version, use
from tests.server import ROOT, free_port

pytestmark = pytest.mark.django_db

NOTICE = "Zoeken werkt even op een eenvoudigere manier"


def start_node(home, port) -> subprocess.Popen:
    log = open(home / "node.log", "ab")  # noqa: SIM115  (the node writes to it as long as it runs)
    process = subprocess.Popen([ROOT / "services" / "opensearch" / "node", "run", str(home), str(port)],
                               stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            node_version(f"http://127.0.0.1:{port}", timeout=1)
            # A restarted node answers before its shards are back; until then a search gets a 503.
            health = f"http://127.0.0.1:{port}/_cluster/health?wait_for_status=yellow&timeout=60s"
            urllib.request.urlopen(health, timeout=70).close()
            return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    process.kill()
    pytest.fail(f"the node did not start: {(home / 'node.log').read_text()[-3000:]}")


def stop_node(process: subprocess.Popen):
    process.terminate()
    process.wait(timeout=60)


def searched(client, query="armoedemonitor"):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    return response


def test_a_stopped_node_gives_the_database_with_the_notice_and_a_node_back_is_used_again(
    node, tmp_path, settings, client, caplog
):
    port = free_port()
    own = start_node(tmp_path, port)
    try:
        use(settings, engine_settings(f"http://127.0.0.1:{port}", f"{PREFIX}outage_"))
        settings.SEARCH_RETRY_AFTER = 1
        call_command("update_index", backend_name="default", verbosity=0)
        before = searched(client)
        assert before.context["fallback"] is False and NOTICE not in before.content.decode()

        stop_node(own)
        kept = searched(client)
        assert kept["X-Portal-Cache"] == "hit", "a search made before the outage is answered as it was"
        cache.clear()  # the kept answers would hide the outage from the rest of this test
        during = searched(client)
        assert during.context["fallback"] is True and NOTICE in during.content.decode()
        assert during.context["results"].paginator.count > 0, "the database still finds the pages"
        assert "Search engine unavailable (ConnectionError" in caplog.text
        health = client.get("/healthz/")
        assert health.status_code == 200 and health.json()["search"] == "down" and health.json()["status"] == "degraded"

        own = start_node(tmp_path, port)
        time.sleep(settings.SEARCH_RETRY_AFTER)
        after = searched(client)  # not kept while the database ranked: the engine ranks it again
        assert after.context["fallback"] is False and NOTICE not in after.content.decode()
        assert [item.title for item in after.context["items"]] == [item.title for item in before.context["items"]], (
            "the node kept its index through the restart")
        assert client.get("/healthz/").json()["search"] == "up"
    finally:
        stop_node(own)
