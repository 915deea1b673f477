"""The editors' dashboard: each panel's figures, their empty states, and who sees them."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.models import Translation, TranslationSource

from gemeenten.models import Team
from links.checking import record
from links.finding import Carrier
from links.models import Link
from links.probing import Outcome
from participatie.models import SurveyRun
from portal.dashboard import problem_links, questionnaires_in_use, searches_without_results, stale_translations
from search import statistics
from search.models import SearchTerm
from tests.surveys import make_questionnaire
from tests.users import make_user, sign_in_with_second_factor

TODAY = datetime.date(2027, 3, 10)


@pytest.fixture
def editor_client(client, nl):
    sign_in_with_second_factor(client, make_user("redactie@nji.example", group="Editors"))
    return client


def carried_by(page, *urls):
    return {url: {Carrier(page.pk, page.content_type_id, str(page.pk))} for url in urls}


# Searches without results


def test_searches_without_results_of_the_last_week_most_often_first(db):
    for query, found in [("kledingbank", 0), ("kledingbank", 0), ("schoolreis", 0), ("armoede", 12)]:
        statistics.record(query, "nl", found)
    SearchTerm.objects.create(query="oud", language="nl", day=timezone.localdate() - datetime.timedelta(days=8),
                              searches=5, without_results=5)

    terms = searches_without_results()

    assert [(term["query"], term["empty"]) for term in terms] == [("kledingbank", 2), ("schoolreis", 1)]


# Broken links


def test_problem_links_newest_first_with_their_pages_and_the_total(steps):
    record(carried_by(steps[2], "https://a.example/", "https://b.example/", "https://c.example/"),
           {"https://a.example/": Outcome("broken", 404), "https://b.example/": Outcome("ok", 200),
            "https://c.example/": Outcome("moved", 200, "https://c.example/nieuw")})
    Link.objects.filter(url="https://a.example/").update(problem_since=timezone.now() - datetime.timedelta(days=2))

    links, total = problem_links(limit=1)

    assert total == 2 and [link.url for link in links] == ["https://c.example/"]
    assert [occurrence.page_id for occurrence in links[0].occurrences.all()] == [steps[2].pk]


# Translations behind their original


def test_a_translation_is_stale_once_its_original_is_published_again_until_it_is_synced(steps, en,
                                                                                       django_capture_on_commit_callbacks):
    assert stale_translations() == []  # the demo's translations are up to date
    step = steps[4]
    step.intro = "Een nieuwe inleiding."
    step.save_revision().publish()
    step.refresh_from_db()

    stale = stale_translations()
    assert [(item.page.pk, item.original.pk) for item in stale] == [(step.get_translation(en).pk, step.pk)]
    source = TranslationSource.objects.get_for_instance(step)
    assert stale[0].source_id == source.pk and stale[0].changed_at == step.last_published_at

    source.update_from_db()  # synced, but the English page not published from it yet
    assert [item.page.pk for item in stale_translations()] == [step.get_translation(en).pk]

    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=en).save_target(publish=True)
    assert stale_translations() == []


# Questionnaires in running surveys


def run(questionnaire, code, opens_on, closes_on, **fields):
    return SurveyRun.objects.create(team=Team.objects.first(), questionnaire=questionnaire, title=code, audience="children",
                                    code=code, opens_on=opens_on, closes_on=closes_on, **fields)


def test_questionnaires_of_open_runs_only_with_how_many_and_until_when(db):
    SurveyRun.objects.all().delete()
    used, closed, coming, purged = (make_questionnaire(title=title) for title in ("Gebruikt", "Dicht", "Straks", "Gewist"))
    run(used, "OPEN-1", TODAY - datetime.timedelta(days=3), TODAY)
    run(used, "OPEN-2", TODAY, TODAY + datetime.timedelta(days=20))
    run(closed, "DICHT-1", TODAY - datetime.timedelta(days=30), TODAY - datetime.timedelta(days=1))
    run(coming, "STRAKS-1", TODAY + datetime.timedelta(days=1), TODAY + datetime.timedelta(days=9))
    run(purged, "GEWIST-1", TODAY - datetime.timedelta(days=3), TODAY + datetime.timedelta(days=3), purged_on=TODAY)

    in_use = questionnaires_in_use(TODAY)

    assert [(q.title, q.running, q.until) for q in in_use] == [("Gebruikt", 2, TODAY + datetime.timedelta(days=20))]


# The dashboard itself


def test_an_editor_sees_the_four_panels_with_their_figures(editor_client, steps, en):
    statistics.record("kledingbank", "nl", 0)
    record(carried_by(steps[2], "https://kapot.example/"), {"https://kapot.example/": Outcome("broken", 404)})
    steps[4].save_revision().publish()

    body = editor_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Zoekopdrachten zonder resultaat" in body and "<td>kledingbank</td>" in body
    assert "Kapotte en verhuisde links" in body and "https://kapot.example/" in body and "Kapot (404)" in body
    assert reverse("link_report") in body
    assert "Vertalingen om bij te werken" in body
    assert reverse("wagtailadmin_pages:edit", args=[steps[4].get_translation(en).pk]) in body
    assert "Vragenlijsten in lopende peilingen" in body and "Hoe gaat het met jou?" in body  # the demo's DEMO-KIND


def test_each_panel_says_so_in_plain_words_when_there_is_nothing(editor_client, db):
    SurveyRun.objects.all().delete()

    body = editor_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Elke zoekopdracht van de afgelopen 7 dagen vond iets." in body
    assert "De links zijn nog niet gecontroleerd." in body
    assert "Alle vertaalde pagina's zijn bijgewerkt met hun origineel." in body
    assert "Er loopt nu geen peiling. Er is dus geen vragenlijst in gebruik." in body


def test_the_dashboard_asks_as_many_queries_for_many_problems_as_for_one(editor_client, steps,
                                                                         django_assert_max_num_queries):
    def publish_and_break(numbers):
        found = {}
        for number in numbers:
            steps[number].save_revision().publish()
            found.update(carried_by(steps[number], f"https://kapot.example/{number}"))
        record(found, {url: Outcome("broken", 500) for url in found})

    publish_and_break([1])
    editor_client.get(reverse("wagtailadmin_home"))
    with django_assert_max_num_queries(60) as one:
        editor_client.get(reverse("wagtailadmin_home"))
    publish_and_break(steps)
    with django_assert_max_num_queries(len(one.captured_queries)):
        body = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "7 links op de gepubliceerde pagina's vragen aandacht." in body
    assert "7 vertaalde pagina's lopen achter" in body


def test_admin_users_who_do_not_edit_pages_get_no_editor_panels(client, nl):
    user = make_user("lezer@nji.example")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_with_second_factor(client, user)

    body = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Kapotte en verhuisde links" not in body and "Zoekopdrachten zonder resultaat" not in body
