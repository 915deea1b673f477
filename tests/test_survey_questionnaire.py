"""Editors keep questionnaire templates in the admin: drafts, revisions, translations, checked question types."""

import pytest
from django.urls import reverse
from wagtail.blocks.struct_block import StructBlockValidationError

from participatie.blocks import FaceScaleBlock
from participatie.models import Questionnaire
from tests.surveys import make_questionnaire
from tests.users import make_user, sign_in_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, nl):
    sign_in_with_second_factor(client, make_user("redactie@nji.example", group="Moderators"))
    return client


def test_editors_list_add_and_edit_questionnaires(editor_client):
    questionnaire = make_questionnaire()
    assert editor_client.get(reverse("wagtailsnippets_participatie_questionnaire:list")).status_code == 200
    assert editor_client.get(reverse("wagtailsnippets_participatie_questionnaire:add")).status_code == 200
    response = editor_client.get(reverse("wagtailsnippets_participatie_questionnaire:edit", args=(questionnaire.pk,)))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="action-publish"' in body, "editors may publish"
    assert "Hoe voel je je?" in body


def test_a_draft_does_not_change_the_live_questionnaire():
    questionnaire = make_questionnaire()
    questionnaire.title = "Nieuwe titel in concept"
    questionnaire.save_revision()
    live = Questionnaire.objects.get(pk=questionnaire.pk)
    assert live.title == "Testpeiling kinderen"
    assert live.has_unpublished_changes and live.live


@pytest.mark.parametrize("labels", [["Boos", "Blij"], ["1", "2", "3", "4"]])
def test_a_face_scale_has_three_or_five_faces(labels):
    block = FaceScaleBlock()
    value = block.to_python({"text": "Hoe gaat het?", "theme": "wellbeing", "labels": labels})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_a_face_scale_of_five_is_accepted():
    block = FaceScaleBlock()
    value = block.to_python({"text": "Hoe gaat het?", "theme": "wellbeing", "labels": ["a", "b", "c", "d", "e"]})
    assert len(block.clean(value)["labels"]) == 5
