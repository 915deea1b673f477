"""The parts a national roll-out adds work for real: a task worker runs queued work from the database (and sends the
e-mail), and a caching proxy in front is told to purge a page the moment it is published."""

import http.server
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext

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


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
                   EMAIL_BACKEND="portal.mail.QueuedEmailBackend",
                   QUEUED_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_with_a_worker_e_mail_is_queued_and_the_worker_sends_it(client):
    response = client.post(reverse("account_reset_password"), {"email": "beleid@velsen.example"})
    assert response.status_code == 302
    assert mail.outbox == [], "the request did not wait on the mail server"
    call_command("db_worker", batch=True, verbosity=0)
    [message] = mail.outbox
    assert message.to == ["beleid@velsen.example"] and "/accounts/password/reset/key/" in message.body


def test_the_settings_queue_e_mail_only_with_a_worker():
    from tests.test_settings import setting

    worker = {"TASKS_BACKEND": "django_tasks_db.DatabaseBackend", "EMAIL_URL": "smtp+tls://mailer:geheim@smtp.example.nl:587"}
    assert setting("EMAIL_BACKEND", worker) == "portal.mail.QueuedEmailBackend"
    assert setting("QUEUED_EMAIL_BACKEND", worker) == "django.core.mail.backends.smtp.EmailBackend"
    assert setting("EMAIL_HOST", worker) == "smtp.example.nl"
    assert setting("EMAIL_BACKEND", {}) == "django.core.mail.backends.console.EmailBackend"


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_with_a_worker_the_plan_export_is_made_there_and_then_downloaded(client):
    from gemeenten.models import PlanExport, Team
    from portal.models import User
    from tests.users import make_user

    team = Team.objects.get(name__contains="Velsen")
    plan = team.current_plan()
    client.force_login(User.objects.get(email="r.koster@velsen.example"))  # a reader may download
    response = client.get(reverse("gemeenten:export_pdf", args=[team.pk, plan.cycle]) + "?taal=en")
    export = PlanExport.objects.get(plan=plan)
    status_url = reverse("gemeenten:export_status", args=[team.pk, plan.cycle, export.pk])
    assert response.status_code == 302 and response["Location"] == status_url
    waiting = client.get(status_url)
    assert waiting.status_code == 202
    being_made = gettext("The plan for %(cycle)s is being made as %(kind)s. A full plan takes a few seconds to a minute.")
    assert being_made % {"cycle": plan.cycle, "kind": "PDF"} in waiting.content.decode()
    call_command("db_worker", batch=True, verbosity=0)
    ready = client.get(status_url)
    assert ready.status_code == 200 and ready["Content-Type"] == "application/pdf" and ready.content.startswith(b"%PDF")
    assert ready["Content-Language"] == "en" and "private" in ready["Cache-Control"]
    client.force_login(make_user("buiten@elders.example"))
    assert client.get(status_url).status_code == 404, "another team's member finds nothing"
