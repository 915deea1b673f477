"""The parts a national roll-out adds work for real: a task worker runs queued work from the database (and sends the
e-mail), and a caching proxy in front is told to purge a page the moment it is published."""

import http.server
import threading

import pytest

from tests.server import django_process

pytestmark = pytest.mark.django_db


# The request and the worker are processes of their own on one database, as in production: a worker really
# closes its connections between tasks, which a test's rolled-back transaction would not survive.
QUEUED = """
from django.test import Client, override_settings
queued = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
                           EMAIL_BACKEND="portal.mail.QueuedEmailBackend",
                           QUEUED_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
queued.enable()
"""
WORKER = QUEUED + """
from django.core import mail
from django.core.management import call_command
call_command("db_worker", batch=True, verbosity=0)
print(json.dumps({"sent": [{"to": message.to, "body": message.body} for message in getattr(mail, "outbox", [])]}))
"""


def test_queued_work_waits_for_a_worker_and_the_worker_runs_it(server_database):
    queued = django_process(QUEUED + """
from participatie.models import RunTally, SurveyRun
from participatie.tasks import count_responses_task
run = SurveyRun.objects.get(code="DEMO-KIND")
RunTally.objects.filter(run=run).delete()
run.responses.update(counted=False)
result = count_responses_task.enqueue()
print(json.dumps({"id": str(result.id), "status": result.status, "counted": RunTally.objects.filter(run=run).exists(),
                  "responses": run.responses.count()}))
""", server_database)
    assert queued["status"] == "READY" and not queued["counted"], "nothing runs in the request"
    django_process(WORKER, server_database)
    done = django_process(QUEUED + f"""
from participatie.models import RunTally
from participatie.tasks import count_responses_task
result = count_responses_task.get_result("{queued['id']}")
print(json.dumps({{"status": result.status, "value": result.return_value,
                   "respondents": RunTally.objects.get(run__code="DEMO-KIND").respondents}}))
""", server_database)
    assert done == {"status": "SUCCESSFUL", "value": queued["responses"], "respondents": queued["responses"]}
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


def test_with_a_worker_e_mail_is_queued_and_the_worker_sends_it(server_database):
    request = django_process(QUEUED + """
from django.core import mail
from django.urls import reverse
response = Client().post(reverse("account_reset_password"), {"email": "beleid@velsen.example"})
print(json.dumps({"status": response.status_code, "sent": len(getattr(mail, "outbox", []))}))
""", server_database)
    assert request == {"status": 302, "sent": 0}, "the request did not wait on the mail server"
    [message] = django_process(WORKER, server_database)["sent"]
    assert message["to"] == ["beleid@velsen.example"] and "/accounts/password/reset/key/" in message["body"]


def test_the_settings_queue_e_mail_only_with_a_worker():
    from tests.test_settings import setting

    worker = {"TASKS_BACKEND": "django_tasks_db.DatabaseBackend", "EMAIL_URL": "smtp+tls://mailer:geheim@smtp.example.nl:587"}
    assert setting("EMAIL_BACKEND", worker) == "portal.mail.QueuedEmailBackend"
    assert setting("QUEUED_EMAIL_BACKEND", worker) == "django.core.mail.backends.smtp.EmailBackend"
    assert setting("EMAIL_HOST", worker) == "smtp.example.nl"
    assert setting("EMAIL_BACKEND", {}) == "django.core.mail.backends.console.EmailBackend"


def test_with_a_worker_the_plan_export_is_made_there_and_then_downloaded(server_database):
    member = QUEUED + """
from django.urls import reverse
from django.utils.translation import gettext
from gemeenten.models import PlanExport, Team
from portal.models import User
client = Client()
client.force_login(User.objects.get(email="r.koster@velsen.example"))  # a reader may download
team = Team.objects.get(name__contains="Velsen")
plan = team.current_plan()
"""
    asked = django_process(member + """
response = client.get(reverse("gemeenten:export_pdf", args=[team.pk, plan.cycle]) + "?taal=en")
export = PlanExport.objects.filter(plan=plan).latest("pk")
status_url = reverse("gemeenten:export_status", args=[team.pk, plan.cycle, export.pk])
waiting = client.get(status_url)
being_made = gettext("The plan for %(cycle)s is being made as %(kind)s. A full plan takes a few seconds to a minute.")
print(json.dumps({"redirect": response.status_code == 302 and response["Location"] == status_url, "url": status_url,
                  "waiting": waiting.status_code,
                  "says_so": being_made % {"cycle": plan.cycle, "kind": "PDF"} in waiting.content.decode()}))
""", server_database)
    assert asked["redirect"] and asked["waiting"] == 202 and asked["says_so"]
    django_process(WORKER, server_database)
    ready = django_process(member + f"""
ready = client.get("{asked['url']}")
from tests.users import make_user
import uuid
client.force_login(make_user(f"buiten-{{uuid.uuid4().hex}}@elders.example"))
print(json.dumps({{"status": ready.status_code, "type": ready["Content-Type"], "pdf": ready.content.startswith(b"%PDF"),
                   "language": ready["Content-Language"], "cache": ready["Cache-Control"],
                   "outsider": client.get("{asked['url']}").status_code}}))
""", server_database)
    assert ready["status"] == 200 and ready["type"] == "application/pdf" and ready["pdf"]
    assert ready["language"] == "en" and "private" in ready["cache"]
    assert ready["outsider"] == 404, "another team's member finds nothing"
