"""With DATABASE_REPLICA_URL set, reports read from the replica and everything else from the primary.

The "replica" here is the same database under a second connection, as in a test set-up with a mirror; what
is proven is which connection each view's queries go through.
"""

from tests.server import django_process

CODE = """
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from gemeenten.models import Team
from participatie.demo.questionnaires import read_content
from participatie.models import SurveyRun
from portal.models import User

client = Client()
client.force_login(User.objects.get(email="beleid@velsen.example"))
team = Team.objects.get(name__contains="Velsen")
plan, run = team.current_plan(), SurveyRun.objects.get(code=read_content("run.yaml")["code"])  # the demo run
views = {
    "plan export": f"/werkruimte/{team.pk}/{plan.cycle}/export.docx",
    "survey results": f"/werkruimte/{team.pk}/peilingen/{run.pk}/resultaten/",
    "results download": f"/werkruimte/{team.pk}/peilingen/{run.pk}/resultaten.csv",
    "public results": f"/doe-mee/{run.code}/resultaten/",
    "worksheet": f"/werkruimte/{team.pk}/{plan.cycle}/stap/3/",
    "members": f"/werkruimte/{team.pk}/leden/",
}
found = {}
for name, url in views.items():
    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(connections["replica"]) as replica:
        status = client.get(url).status_code
    found[name] = {"status": status, "primary": len(primary), "replica": len(replica),
                   "writes_on_replica": [q["sql"] for q in replica.captured_queries if not q["sql"].startswith("SELECT")]}
print(json.dumps(found))
"""


def test_reports_read_from_the_replica_and_the_workspace_from_the_primary(server_database):
    found = django_process(CODE, server_database, {"DATABASE_REPLICA_URL": server_database})
    for name in ("plan export", "survey results", "results download", "public results"):
        assert found[name]["status"] == 200, (name, found[name])
        assert found[name]["replica"] > 0, (name, found[name])
        assert found[name]["primary"] > 0, "the access check and the audit log use the primary"
        assert found[name]["writes_on_replica"] == []
    for name in ("worksheet", "members"):
        assert found[name]["status"] == 200 and found[name]["replica"] == 0, (name, found[name])
