"""The editors' admin: previews the admin may frame, blocks that explain themselves, the languages each kind of
content is translated into, Dutch originals first, corrected Dutch admin texts, and where a login leads."""

import re

import pytest
import wagtail_factories
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail import blocks
from wagtail.admin.icons import get_icons
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, streamfield

from participatie.models import Questionnaire
from portal.admin_texts import PLURAL_TEXTS, TEXTS
from portal.demo.users import DEMO_PASSWORD
from stappen.factories import ResourceFactory
from stappen.models import Resource
from tests.surveys import make_questionnaire
from tests.test_security_headers import directives
from tests.users import PASSWORD, current_code, enrol_totp, make_user, sign_in_with_second_factor
from voorbeelden.factories import ExamplePageFactory
from voorbeelden.models import ExampleIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, nl):
    sign_in_with_second_factor(client, make_user("redactie@nji.example", group="Editors"))
    return client


# Item 8: the preview side panel


def test_every_preview_mode_may_be_framed_by_the_admin_and_keeps_the_public_policy(editor_client, steps):
    step = steps[2]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[step.pk])
    form = nested_form_data({"title": "Voorvertoning van stap 2", "slug": step.slug, "number": 2,
                             "intro": step.intro, "body": streamfield([("tip", {"text": "Begin bij de school."})])})
    assert editor_client.post(url, form).json() == {"is_valid": True, "is_available": True}

    for mode, _label in step.preview_modes:
        response = editor_client.get(url, {"mode": mode, "in_preview_panel": "true"})
        assert response.status_code == 200, mode
        html = response.content.decode()
        assert "Voorvertoning van stap 2" in html and "Begin bij de school." in html, mode
        policy = directives(response)
        assert policy["frame-ancestors"] == ["'self'"], mode
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"], "as visitors get it"
        assert response["X-Frame-Options"] == "SAMEORIGIN", mode


def test_a_public_page_still_refuses_every_frame(editor_client, steps):
    editor_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[steps[2].pk]))
    for client in (editor_client, Client()):
        response = client.get(steps[2].url)
        assert response.status_code == 200
        assert directives(response)["frame-ancestors"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"


# Item 9: blocks that explain themselves


def chooser_blocks(block):
    """Every block an editor can pick in a StreamBlock below `block`, however deeply nested."""
    if isinstance(block, blocks.StreamBlock):
        for child in block.child_blocks.values():
            yield child
            yield from chooser_blocks(child)
    elif isinstance(block, blocks.StructBlock):
        for child in block.child_blocks.values():
            yield from chooser_blocks(child)
    elif isinstance(block, blocks.ListBlock):
        yield from chooser_blocks(block.child_block)


def stream_blocks():
    for app in ("stappen", "voorbeelden", "participatie"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if isinstance(field, StreamField):
                    yield f"{model.__name__}.{field.name}", field.stream_block


def first_text(block, value):
    """The first text an editor wrote in a preview value: the words the preview must show."""
    if isinstance(value, RichText):
        return next(text for text in re.split(r"<[^>]+>", value.source) if text.strip())
    if isinstance(block, blocks.StructBlock):
        texts = (first_text(child, value.get(name)) for name, child in block.child_blocks.items())
        return next((text for text in texts if text), None)
    if isinstance(block, blocks.ListBlock):
        return next((text for text in (first_text(block.child_block, item) for item in value or []) if text), None)
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return value
    return None


BLOCKS = {block.definition_prefix: (f"{where}: {block.name}", block)
          for where, stream in stream_blocks() for block in chooser_blocks(stream)}


def test_the_streamfields_of_every_app_are_walked():
    names = {block.name for _where, block in BLOCKS.values()}
    assert {"worksheet_question", "learning_cycle", "quote", "document", "face_scale", "segment"} <= names, names


@pytest.mark.parametrize("where", [where for where, _stream in stream_blocks()])
def test_long_streamfields_start_collapsed(where):
    assert dict(stream_blocks())[where].meta.collapsed


@pytest.fixture
def library_document(db):
    """A block that shows a chosen document previews the newest one in the library."""
    return wagtail_factories.DocumentFactory(title="Beleidsplan", file__filename="beleidsplan.pdf")


@pytest.mark.parametrize("block_id", sorted(BLOCKS))
def test_every_block_has_an_icon_a_description_a_content_label_and_a_preview(editor_client, library_document, block_id):
    name, block = BLOCKS[block_id]
    assert f'id="icon-{block.meta.icon}"' in get_icons(), f"{name}: icon {block.meta.icon} does not exist"
    assert str(block.get_description()).strip(), f"{name}: no description"
    assert re.search(r"\{\w+\}", block.meta.label_format or ""), f"{name}: no label_format"
    assert block.is_previewable, f"{name}: no preview"

    value = block.get_preview_value()
    text = first_text(block, value)
    assert text, f"{name}: the preview value holds no text"
    response = editor_client.get(reverse("wagtailadmin_block_preview"), {"id": block_id})
    assert response.status_code == 200, name
    assert escape(text) in response.content.decode(), f"{name}: the preview does not show {text!r}"


# Item 10: translation


def offered_languages(response) -> list[str]:
    return [locale.language_code for locale in response.context["form"].fields["locales"].queryset]


@pytest.fixture
def new_example(nl):
    return ExamplePageFactory(parent=ExampleIndexPage.objects.get(locale=nl), title="Ontbijt op school")


def test_a_page_is_translated_into_the_portal_languages_only(editor_client, new_example):
    url = reverse("wagtail_localize:submit_page_translation", args=[new_example.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    assert offered_languages(response) == ["en"]

    arabic = Locale.objects.get(language_code="ar")
    response = editor_client.post(url, {"locales": [arabic.pk]})
    assert response.status_code == 200 and response.context["form"].errors["locales"]
    assert not Page.objects.filter(translation_key=new_example.translation_key, locale=arabic).exists()


def test_a_page_in_every_portal_language_has_nothing_left_to_translate(editor_client, steps):
    response = editor_client.get(reverse("wagtail_localize:submit_page_translation", args=[steps[1].pk]), follow=True)
    assert response.redirect_chain
    assert "is al in alle mogelijke talen vertaald" in response.content.decode()


def test_a_questionnaire_is_translated_into_every_survey_language(editor_client):
    questionnaire = make_questionnaire(title="Hoe is het op school?")
    url = reverse("wagtail_localize:submit_snippet_translation",
                  args=["participatie", "questionnaire", questionnaire.pk])
    assert offered_languages(editor_client.get(url)) == ["en", "ar", "tr", "pl", "uk"]


def test_other_snippets_are_translated_into_the_portal_languages_only(editor_client):
    resource = ResourceFactory()
    url = reverse("wagtail_localize:submit_snippet_translation", args=["stappen", "resource", resource.pk])
    assert offered_languages(editor_client.get(url)) == ["en"]


def listed_languages(client, model) -> list[str]:
    response = client.get(reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list"))
    return [item.locale.language_code for item in response.context["object_list"]]


def test_snippet_listings_show_the_dutch_originals_first(editor_client):
    languages = listed_languages(editor_client, Questionnaire)
    assert languages[:3] == ["nl", "nl", "nl"]
    assert languages.index("en") < languages.index("ar"), languages
    assert listed_languages(editor_client, Resource)[0] == "nl"


def test_the_explorer_lists_the_dutch_home_first(editor_client, home):
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    html = editor_client.get(reverse("wagtailadmin_explore", args=[Page.get_first_root_node().pk])).content.decode()
    assert html.index(home.title) < html.index(english_home.title)


class Samples(dict):
    def __missing__(self, key):
        return 7


@pytest.mark.parametrize("count", [1, 7])
def test_corrected_library_texts_keep_words_apart_in_dutch(count):
    with translation.override("nl"):
        texts = [translation.gettext(text) % Samples() for text in TEXTS]
        texts += [text % Samples({"count": count, "total": count, "translation_descendant_count": count})
                  for text in PLURAL_TEXTS]
    for text in texts:
        assert not re.search(r"\w7|7\w", text.replace("7-7", "")), text


def test_the_explorer_counts_its_pages_in_proper_dutch(editor_client):
    html = editor_client.get(reverse("wagtailadmin_explore", args=[Page.get_first_root_node().pk])).content.decode()
    assert "1-2 van 2 pagina" in " ".join(html.split())


def test_the_translation_editor_speaks_proper_dutch(editor_client):
    assert "Terug naar de originele tekst (%s)" in editor_client.get("/admin/localize/jsi18n/").content.decode()


# Item 12: after login


def log_in(client, email, password=PASSWORD, path=None, **query):
    return client.post(path or reverse("account_login"), {"login": email, "password": password, **query})


def test_an_editor_lands_in_the_admin(client, nl):
    editor = make_user("redactie@nji.example", group="Editors")
    secret = enrol_totp(editor)
    assert log_in(client, editor.email)["Location"] == reverse("mfa_authenticate")
    assert client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})["Location"] == "/admin/"


def test_a_team_member_lands_in_the_workspace(client, nl):
    assert log_in(client, "beleid@velsen.example", DEMO_PASSWORD)["Location"] == "/werkruimte/"


def test_a_team_member_sent_to_log_in_returns_where_they_were(client, nl):
    response = log_in(client, "beleid@velsen.example", DEMO_PASSWORD, next="/stappenplan/")
    assert response["Location"] == "/stappenplan/"


@pytest.mark.parametrize(("path", "query", "landing"), [
    (None, {"next": "/zoeken/?q=schulden"}, "/zoeken/?q=schulden"),
    (None, {}, "/"),
    ("/en/accounts/login/", {}, "/en/"),
    (None, {"next": "https://elders.example/"}, "/"),
    (None, {"next": "//elders.example/"}, "/"),
])
def test_anyone_else_returns_where_they_came_from_or_home(client, nl, path, query, landing):
    make_user("bewoner@voorbeeld.example")
    assert log_in(client, "bewoner@voorbeeld.example", path=path, **query)["Location"] == landing
