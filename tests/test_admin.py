"""Editors create step pages through Wagtail's admin forms."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.models import HomePage
from stappen.factories import StepIndexPageFactory
from stappen.models import StepPage
from tests.users import make_user, sign_in_with_second_factor


@pytest.fixture
def admin_client(client, nl):
    sign_in_with_second_factor(client, make_user("admin@nji.example", superuser=True))
    return client


@pytest.fixture
def editor_client(client, nl):
    sign_in_with_second_factor(client, make_user("redactie@nji.example", group="Moderators"))
    return client


def step_form(number, **overrides):
    data = {
        "title": "Stap voor de test",
        "slug": "stap-voor-de-test",
        "number": number,
        "intro": "Een korte inleiding.",
        "body": streamfield(
            [
                ("goal", {"text": "Samen meer bereiken."}),
                ("worksheet_question", {"question": "Wat valt ons op?", "help_text": "", "answer_kind": "text", "columns": {"count": 0}}),
                ("tip", {"text": "Houd het klein."}),
            ]
        ),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_and_publishes_a_step_page(admin_client, nl):
    home = HomePage(title="Testhuis", slug="testhuis", locale=nl)
    HomePage.get_first_root_node().add_child(instance=home)
    index = StepIndexPageFactory(parent=home, slug="methode")
    url = reverse("wagtailadmin_pages:add", args=("stappen", "steppage", index.pk))

    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, step_form(1))

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = StepPage.objects.child_of(index).get()
    assert page.live and page.number == 1
    assert [block.block_type for block in page.body] == ["goal", "worksheet_question", "tip"]
    assert [q.question for q in page.worksheet_questions()] == ["Wat valt ons op?"]


def test_two_steps_with_one_number_are_refused_with_a_message(admin_client, step_index):
    url = reverse("wagtailadmin_pages:add", args=("stappen", "steppage", step_index.pk))
    response = admin_client.post(url, step_form(3))
    assert response.status_code == 200
    assert "Er is al een stap met dit nummer in deze taal." in response.content.decode()
    assert StepPage.objects.child_of(step_index).filter(number=3).count() == 1


def test_admin_edit_form_of_a_demo_step_opens(admin_client, steps):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(steps[5].pk,)))
    assert response.status_code == 200
    assert "Bouwstenen voor effectiviteit" in response.content.decode()


def test_resource_snippets_are_listed_and_editable(admin_client, nl):
    response = admin_client.get(reverse("wagtailsnippets_stappen_resource:list"))
    assert response.status_code == 200
    assert "Databank Effectieve Jeugdinterventies" in response.content.decode()


def test_english_page_opens_in_the_translation_editor(admin_client, steps, en):
    english = steps[3].get_translation(en)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(english.pk,)))
    assert response.status_code == 200
    assert "wagtail_localize" in " ".join(template.name for template in response.templates)


def test_userbar_checks_the_content_editors_write(admin_client, steps):
    body = admin_client.get(steps[3].url).content.decode()
    assert '"include": ["main"]' in body
    assert '"valid-lang"' in body


def test_editors_group_manages_resources_and_publishes_steps(editor_client, steps):
    assert editor_client.get(reverse("wagtailsnippets_stappen_resource:list")).status_code == 200
    assert editor_client.get(reverse("wagtailsnippets_stappen_resource:add")).status_code == 200
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=(steps[2].pk,)))
    assert response.status_code == 200
    assert 'name="action-publish"' in response.content.decode()
