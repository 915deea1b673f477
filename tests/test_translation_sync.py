"""wagtail-localize keeps the English tree in step with the Dutch one."""

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import Translation, TranslationSource

from stappen.models import StepPage
from tests.users import make_user, sign_in_with_second_factor


def test_a_new_dutch_page_gets_an_english_alias_until_it_is_translated(client, step_index, en):
    sign_in_with_second_factor(client, make_user("admin@nji.example", superuser=True))
    StepPage.objects.filter(locale=step_index.locale, number=7).delete()
    url = reverse("wagtailadmin_pages:add", args=("stappen", "steppage", step_index.pk))
    data = nested_form_data(
        {"title": "Nieuwe stap zeven", "slug": "nieuwe-stap-zeven", "number": 7, "intro": "Inleiding.", "body": streamfield([]), "action-publish": "publish"}
    )
    assert client.post(url, data).status_code == 302

    page = StepPage.objects.get(slug="nieuwe-stap-zeven", locale=step_index.locale)
    alias = page.get_translation(en)
    assert alias.alias_of_id == page.pk
    assert alias.get_parent().specific == step_index.get_translation(en)

    # Until an editor translates it, the English address shows the Dutch text, and says so.
    body = client.get(alias.url).content.decode()
    assert "This page has not been translated yet" in body
    assert '<div lang="nl">' in body and '<html lang="en"' in body


def test_changing_the_dutch_source_updates_the_english_page_and_keeps_block_ids(steps, en, django_capture_on_commit_callbacks):
    step = steps[1]
    english = step.get_translation(en)
    translated_question = english.worksheet_questions()[0].question

    step.body.append(("tip", {"text": "Een nieuwe tip van de redactie."}))
    step.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(step)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=en).save_target(publish=True)

    english = StepPage.objects.get(pk=english.pk)
    assert english.live and english.live_revision.content["body"] == english.get_latest_revision().content["body"]
    assert [block.id for block in english.body] == [block.id for block in step.body]
    assert english.worksheet_questions()[0].question == translated_question
    assert english.body[-1].value["text"] == "Een nieuwe tip van de redactie."  # untranslated until an editor translates it
