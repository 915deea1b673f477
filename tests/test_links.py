"""The link check: which links live pages carry, what each address answers, and the editors' report.

Every address the tests ask is on 127.0.0.1 (tests/link_server.py); the demo's own links are taken off line
first, and each test that checks asserts that no other address is left to ask.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail.rich_text import RichText

from links.checking import check_links
from links.finding import Carrier, external_links, links_in_rich_text
from links.models import Link, LinkOccurrence
from links.probing import probe_all
from links.tasks import check_links_task
from stappen.factories import ResourceFactory, StepPageFactory
from stappen.models import Resource, StepPage
from tests.link_server import link_server, refused_address
from tests.users import make_user, sign_in_with_second_factor
from voorbeelden.factories import InterventionPageFactory
from voorbeelden.models import InterventionIndexPage, InterventionPage

TIMEOUT = 2.0  # ample for a local answer on a busy machine; /slow answers later (tests/link_server.py)


@pytest.fixture
def server():
    with link_server() as (server, base):
        yield server, base


@pytest.fixture
def base(server):
    return server[1]


@pytest.fixture
def offline_demo(db):
    """Only the pages a test makes are live: the demo's pages link to the internet."""
    Page.objects.filter(depth__gt=1).update(live=False)


@pytest.fixture
def index(nl, offline_demo):
    return InterventionIndexPage.objects.get(locale=nl)


def intervention(index, title, *, url="", database_url="", body=()):
    return InterventionPageFactory(parent=index, title=title, url=url, database_url=database_url, body=list(body))


def text(html):
    return ("text", {"text": RichText(html)})


def further_reading(*urls):
    return ("links", {"heading": "", "links": [{"title": "Meer", "url": url, "description": ""} for url in urls]})


def only_local(found, base):
    assert found and all(url.startswith(base) or url.startswith("http://127.0.0.1:") for url in found), found
    return found


# What each address answers


def test_each_answer_gets_its_outcome(server, base):
    refused = refused_address()
    paths = ["/ok", "/moved", "/elsewhere", "/missing", "/error", "/slow", "/no-head", "/moved-missing"]
    outcomes = probe_all([base + path for path in paths] + [refused], timeout=TIMEOUT, workers=8)
    seen = {url.removeprefix(base): (o.status, o.status_code, o.final_url.removeprefix(base)) for url, o in outcomes.items()}

    assert seen == {
        "/ok": ("ok", 200, ""),
        "/moved": ("moved", 200, "/ok"),
        "/elsewhere": ("ok", 200, "/ok"),  # a temporary redirect leaves the link as it is
        "/missing": ("broken", 404, ""),
        "/error": ("broken", 500, ""),
        "/slow": ("unreachable", None, ""),
        "/no-head": ("ok", 200, ""),
        "/moved-missing": ("broken", 404, "/missing"),
        refused: ("unreachable", None, ""),
    }
    assert outcomes[base + "/moved"].hops == [{"status": 301, "url": base + "/moved"}, {"status": 200, "url": base + "/ok"}]
    assert "Timeout" in outcomes[base + "/slow"].error
    assert "ConnectionError" in outcomes[refused].error and "refused" in outcomes[refused].error.lower()


def test_head_first_then_get_when_head_is_refused_with_a_clear_user_agent(server, base):
    http, _base = server
    probe_all([base + "/ok", base + "/no-head", base + "/missing"], timeout=TIMEOUT)

    asked = sorted((method, path) for method, path, _agent in http.requests)
    assert asked == [("GET", "/missing"), ("GET", "/no-head"), ("HEAD", "/missing"), ("HEAD", "/no-head"), ("HEAD", "/ok")]
    assert {agent for *_request, agent in http.requests} == {
        "ArmoedePortalLinkCheck/1.0 (+http://127.0.0.1:8000; checks the links on the portal's pages once a day)"
    }


# Which links the pages carry


def test_rich_text_gives_only_its_external_links():
    html = (
        '<p><a href="https://www.nji.nl/armoede">NJi</a> <a linktype="page" id="3">step 3</a> '
        '<a href="mailto:info@nji.nl">mail</a> <a href=" http://example.nl/x ">spaced</a> '
        '<a linktype="document" id="2">plan</a> <a href="/zoeken/">search</a></p>'
    )
    assert list(links_in_rich_text(html)) == ["https://www.nji.nl/armoede", "http://example.nl/x"]


def test_the_demo_links_are_found_where_editors_keep_them(nl):
    found = external_links()

    website = InterventionPage.objects.filter(locale=nl).exclude(url="").first()
    assert website.pk in {carrier.page_id for carrier in found[website.url]}
    resource_type = ContentType.objects.get_for_model(Resource)
    resource_links = {url for url, carriers in found.items() for c in carriers if c.source_type_id == resource_type.pk}
    step_resources = {resource.url for step in StepPage.objects.filter(locale=nl)
                      for block in step.body if block.block_type == "resource_list"
                      for resource in block.value["resources"]}
    assert step_resources and step_resources <= resource_links
    assert not any(url.startswith(("mailto:", "/")) for url in found)


def test_links_in_fields_rich_text_blocks_and_resources_are_found_with_their_carriers(base, index, steps):
    resource = ResourceFactory(url=base + "/missing")
    page = intervention(index, "Schuldhulp op school", url=base + "/ok", database_url=base + "/moved",
                        body=[text(f'<p>Zie <a href="{base}/error">het rapport</a>.</p>'), further_reading(base + "/slow")])
    step = StepPageFactory(parent=steps[1].get_parent(), number=1, slug="stap-een-test", title="Stap een",
                           body=[("resource_list", {"heading": "", "resources": [resource]})])

    found = external_links()

    assert set(found) == {base + path for path in ("/ok", "/moved", "/error", "/slow", "/missing")}
    page_type = ContentType.objects.get_for_model(InterventionPage).pk
    assert {(c.page_id, c.source_type_id) for c in found[base + "/error"]} == {(page.pk, page_type)}
    resource_type = ContentType.objects.get_for_model(Resource).pk
    assert found[base + "/missing"] == {Carrier(step.pk, resource_type, str(resource.pk))}


# The check over the site


def test_the_check_records_each_address_once_with_the_pages_that_carry_it(base, index):
    first = intervention(index, "Eerste", url=base + "/ok", database_url=base + "/missing")
    second = intervention(index, "Tweede", url=base + "/missing", body=[text(f'<a href="{base}/moved">nieuw</a>')])
    only_local(external_links(), base)

    counts = check_links(timeout=TIMEOUT, workers=4)

    assert counts == {"ok": 1, "broken": 1, "moved": 1}
    missing = Link.objects.get(url=base + "/missing")
    assert (missing.status, missing.status_code, missing.checked_at is not None) == ("broken", 404, True)
    assert {o.page_id for o in missing.occurrences.all()} == {first.pk, second.pk}
    moved = Link.objects.get(url=base + "/moved")
    assert (moved.status, moved.final_url) == ("moved", base + "/ok")
    assert Link.objects.get(url=base + "/ok").problem_since is None


def test_a_page_that_drops_a_link_no_longer_lists_it_and_a_lasting_problem_keeps_its_date(base, index):
    keeps = intervention(index, "Houdt", url=base + "/missing", database_url=base + "/error")
    drops = intervention(index, "Laat los", url=base + "/missing", database_url=base + "/moved")
    only_local(external_links(), base)
    check_links(timeout=TIMEOUT)
    first_seen = Link.objects.get(url=base + "/missing").problem_since

    drops.url, drops.database_url = "", ""
    drops.save_revision().publish()
    check_links(timeout=TIMEOUT)

    missing = Link.objects.get(url=base + "/missing")
    assert [o.page_id for o in missing.occurrences.all()] == [keeps.pk]
    assert missing.problem_since == first_seen and missing.checked_at > first_seen
    assert not Link.objects.filter(url=base + "/moved").exists()  # no page carries it any more
    assert LinkOccurrence.objects.filter(page=drops).count() == 0


def test_a_link_that_works_again_loses_its_problem_and_an_unpublished_page_drops_out(base, index):
    page = intervention(index, "Weer goed", url=base + "/missing")
    other = intervention(index, "Onzichtbaar", url=base + "/error")
    check_links(timeout=TIMEOUT)
    assert Link.objects.problems().count() == 2

    page.url = base + "/ok"
    page.save_revision().publish()
    other.unpublish()
    check_links(timeout=TIMEOUT)

    assert list(Link.objects.values_list("url", "status", "problem_since")) == [(base + "/ok", "ok", None)]


def test_the_command_reports_its_counts_and_refuses_bad_options(base, index, capsys):
    intervention(index, "Opdracht", url=base + "/ok", database_url=base + "/missing")
    only_local(external_links(), base)

    call_command("check_links", timeout=TIMEOUT, workers=2)
    assert capsys.readouterr().out.strip() == "2 links checked: 1 ok, 0 moved, 1 broken, 0 unreachable."
    with pytest.raises(CommandError, match="--timeout"):
        call_command("check_links", timeout=0)


def test_the_task_runs_the_check(base, index):
    intervention(index, "Taak", url=base + "/error")
    only_local(external_links(), base)

    result = check_links_task.enqueue()

    assert result.return_value == {"broken": 1}
    assert Link.objects.get().status_code == 500


# The editors' report


@pytest.fixture
def editor_client(client, nl):
    sign_in_with_second_factor(client, make_user("redactie@nji.example", group="Editors"))
    return client


@pytest.fixture
def checked(base, index, steps):
    """Pages with a working, a moved, a broken and an unreachable link, checked once."""
    resource = ResourceFactory(title="Armoedemonitor", url=base + "/missing")
    pages = {
        "fine": intervention(index, "Werkt prima", url=base + "/ok"),
        "moved": intervention(index, "Verhuisd", url=base + "/moved", body=[further_reading(base + "/ok")]),
        "down": intervention(index, "Niet bereikbaar", url=refused_address()),
        "step": StepPageFactory(parent=steps[1].get_parent(), number=1, slug="stap-een-test", title="Stap met bron",
                                body=[("resource_list", {"heading": "", "resources": [resource]})]),
    }
    only_local(external_links(), base)
    check_links(timeout=TIMEOUT)
    return pages, resource


def test_the_report_lists_broken_and_moved_links_with_their_pages_newest_first(editor_client, checked, base):
    pages, resource = checked
    broken_since = Link.objects.get(url=base + "/missing").problem_since
    Link.objects.filter(url=base + "/moved").update(problem_since=broken_since - timedelta(days=3))

    response = editor_client.get(reverse("link_report"))

    assert response.status_code == 200
    listed = [link.url for link in response.context["object_list"]]
    assert base + "/ok" not in listed and len(listed) == 3
    assert listed.index(base + "/missing") < listed.index(base + "/moved")  # the older problem comes last
    body = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[pages["moved"].pk]) in body
    assert reverse("wagtailadmin_pages:edit", args=[pages["step"].pk]) in body
    assert reverse("wagtailsnippets_stappen_resource:edit", args=[resource.pk]) in body
    assert "Werkt prima" not in body
    assert f"{base}/ok</a>" in body  # where the moved link goes now
    assert "De site antwoordt met foutcode 404." in body


def test_the_report_filters_on_status(editor_client, checked, base):
    response = editor_client.get(reverse("link_report_results"), {"status": "unreachable"})
    assert [link.status for link in response.context["object_list"]] == ["unreachable"]


def test_the_report_reads_its_links_in_a_fixed_number_of_queries(editor_client, checked, base, index,
                                                                   django_assert_max_num_queries):
    with django_assert_max_num_queries(40) as few:
        editor_client.get(reverse("link_report"))
    for number in range(8):
        intervention(index, f"Nog een {number}", url=f"{base}/missing?{number}", database_url=f"{base}/moved?{number}")
    check_links(timeout=TIMEOUT)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = editor_client.get(reverse("link_report"))
    assert len(response.context["object_list"]) == 19


def test_the_report_says_when_nothing_was_checked_and_when_nothing_is_wrong(editor_client, base, index):
    unchecked = editor_client.get(reverse("link_report")).content.decode()
    assert "De links zijn nog niet gecontroleerd." in unchecked
    assert "bij de laatste controle" not in unchecked

    intervention(index, "Alles goed", url=base + "/ok")
    only_local(external_links(), base)
    check_links(timeout=TIMEOUT)

    body = editor_client.get(reverse("link_report")).content.decode()
    assert "bij de laatste controle werkte elke link op de gepubliceerde pagina's" in body


def test_someone_who_cannot_edit_pages_cannot_open_the_report(client, nl):
    user = make_user("lezer@nji.example")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_with_second_factor(client, user)

    response = client.get(reverse("link_report"))

    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert reverse("link_report") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_visitor_without_an_account_is_sent_to_log_in(client):
    response = client.get(reverse("link_report"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
