"""What editors do reaches the OpenSearch index: `update_index` builds it from the demo; publishing, unpublishing,
moving and deleting a page, and saving or deleting a resource, change it at once (tasks run immediately here) or
through the task worker where one is configured. Each check reads the node itself, not the portal's pages, which
would hide a stale index behind their SQL."""

import pytest
from django.utils.text import slugify
from wagtail.models import Page

from portal.models import HomePage, User
from stappen.factories import ResourceFactory
from stappen.models import Resource
from tests.engine.conftest import NODE_URL, PREFIX, indexed
from tests.server import django_process
from voorbeelden.models import ExampleIndexPage, ExamplePage, InterventionIndexPage, InterventionPage

pytestmark = pytest.mark.django_db


def editor():
    """The administrator, who may publish, unpublish, move and delete any page."""
    return User.objects.get(email="beheer@nji.example")


def draft_intervention(title: str) -> InterventionPage:
    parent = InterventionIndexPage.objects.get(locale__language_code="nl")
    page = InterventionPage(title=title, slug=slugify(title), summary="Huiswerkbegeleiding in de buurt.", live=False)
    parent.add_child(instance=page)
    return page


def test_update_index_puts_every_page_and_resource_of_the_demo_on_the_node(engine):
    pages = engine.get_index_for_model(Page)
    resources = engine.get_index_for_model(Resource)
    assert engine.es.count(index=pages.name)["count"] == Page.objects.count() > 60
    assert engine.es.count(index=resources.name)["count"] == Resource.objects.count() > 30
    example = ExamplePage.objects.get(locale__language_code="nl", title__icontains="Utrecht")
    assert indexed(engine, example)["voorbeelden_examplepage__summary"] == example.summary


def test_publishing_unpublishing_and_editing_a_page_reach_the_index_at_once(empty_engine):
    page = draft_intervention("Huiswerkklas De Brug")
    assert indexed(empty_engine, page)["live_filter"] is False, "a draft is indexed, not live"

    page.save_revision(user=editor()).publish()
    assert indexed(empty_engine, page)["live_filter"] is True
    assert [hit.pk for hit in empty_engine.search("huiswerkklas", InterventionPage.objects.live())] == [page.pk]

    page.title = "Huiswerkklas De Overkant"
    page.save_revision(user=editor()).publish()
    assert indexed(empty_engine, page)["title"] == "Huiswerkklas De Overkant"

    page.refresh_from_db()
    page.unpublish(user=editor())
    assert indexed(empty_engine, page)["live_filter"] is False
    assert not list(empty_engine.search("huiswerkklas", InterventionPage.objects.live()))


def test_moving_a_page_reaches_the_index(empty_engine):
    home = HomePage.objects.get(locale__language_code="nl")
    archive = home.add_child(instance=ExampleIndexPage(title="Archief", slug="archief", intro="Oudere voorbeelden."))
    example = ExamplePage.objects.get(locale__language_code="nl", title__icontains="Utrecht")
    empty_engine.add(example)
    assert not list(empty_engine.search("Utrecht", ExamplePage.objects.descendant_of(archive)))

    example.move(archive, pos="last-child", user=editor())
    example.refresh_from_db()
    assert indexed(empty_engine, example)["path_filter"] == example.path
    assert [hit.pk for hit in empty_engine.search("Utrecht", ExamplePage.objects.descendant_of(archive))] == [example.pk]


def test_deleting_a_page_removes_it_from_the_index(empty_engine):
    page = draft_intervention("Zomerschool voor iedereen")
    page.save_revision(user=editor()).publish()
    assert indexed(empty_engine, page) is not None
    page.delete()
    assert indexed(empty_engine, page) is None


def test_saving_and_deleting_a_resource_reach_the_index(empty_engine):
    resource = ResourceFactory(title="Handreiking vroegsignalering schulden", organisation="NJi")
    assert indexed(empty_engine, resource)["title"] == "Handreiking vroegsignalering schulden"
    assert [hit.pk for hit in empty_engine.search("vroegsignalering", Resource.objects.all())] == [resource.pk]

    resource.title = "Handreiking vroeg eropaf bij schulden"
    resource.save()
    assert indexed(empty_engine, resource)["title"] == "Handreiking vroeg eropaf bij schulden"

    resource.delete()
    assert indexed(empty_engine, resource) is None


# With a worker, a publish only queues the index update; the worker, a process of its own, makes it.
QUEUED = """
from django.test import override_settings
from modelsearch.backends import get_search_backend
from voorbeelden.models import InterventionPage
override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}).enable()
backend = get_search_backend()
index = backend.get_index_for_model(InterventionPage)
def indexed_title(pk):
    index.refresh()
    hits = backend.es.search(index=index.name, body={"query": {"ids": {"values": [str(pk)]}}})["hits"]["hits"]
    return hits[0]["_source"]["title"] if hits else None
"""


def test_with_a_task_worker_the_worker_updates_the_index(server_database, node):
    env = {"OPENSEARCH_URL": NODE_URL, "SEARCH_INDEX_PREFIX": f"{PREFIX}worker_"}
    published = django_process(QUEUED + """
from portal.models import User
from voorbeelden.models import InterventionIndexPage
index.put()
index.add_model(InterventionPage)
page = InterventionPage(title="Huiswerkklas De Brug", slug="huiswerkklas-de-brug", summary="Hulp bij huiswerk.", live=False)
InterventionIndexPage.objects.get(locale__language_code="nl").add_child(instance=page)
page.save_revision(user=User.objects.get(email="redacteur@nji.example")).publish()
print(json.dumps({"pk": page.pk, "title": indexed_title(page.pk)}))
""", server_database, env)
    assert published["title"] is None, "the request only queued the update"

    worked = django_process(QUEUED + f"""
from django.core.management import call_command
call_command("db_worker", batch=True, verbosity=0)
title = indexed_title({published["pk"]})
InterventionPage.objects.get(pk={published["pk"]}).delete()
index.delete()
print(json.dumps({{"title": title}}))
""", server_database, env)
    assert worked == {"title": "Huiswerkklas De Brug"}
