"""The parts a national roll-out adds work for real: a task worker runs queued work from the database, and a
caching proxy in front is told to purge a page the moment it is published."""

import http.server
import threading

import pytest
from django.core.management import call_command
from django.test import override_settings

from participatie.models import RunTally, SurveyRun
from participatie.tasks import count_responses_task

pytestmark = pytest.mark.django_db


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_queued_work_waits_for_a_worker_and_the_worker_runs_it():
    run = SurveyRun.objects.get(code="DEMO-KIND")
    RunTally.objects.filter(run=run).delete()
    run.responses.update(counted=False)
    result = count_responses_task.enqueue()
    assert result.status == "READY" and not RunTally.objects.filter(run=run).exists(), "nothing runs in the request"
    call_command("db_worker", batch=True, verbosity=0)
    result.refresh()
    assert result.status == "SUCCESSFUL" and result.return_value == 94
    assert RunTally.objects.get(run=run).respondents == 94


class PurgeLog(http.server.BaseHTTPRequestHandler):
    purged: list[str] = []

    def do_PURGE(self):  # noqa: N802  (the HTTP method's name)
        PurgeLog.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def caching_proxy():
    server = http.server.HTTPServer(("127.0.0.1", 0), PurgeLog)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeLog.purged = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_publishing_purges_the_page_from_the_caching_proxy(caching_proxy, steps, settings):
    settings.WAGTAILFRONTENDCACHE = {"default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                                                 "LOCATION": caching_proxy}}
    page = steps[4]
    page.title = "Formuleer samen concrete resultaten"
    page.save_revision().publish()
    assert page.url in PurgeLog.purged
