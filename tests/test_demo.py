"""The demo command builds the whole method in two languages, once."""

from io import StringIO

import pytest
import yaml
from allauth.account.models import EmailAddress
from django.core.management import call_command
from wagtail.models import Page, Revision

from portal.demo.users import DEMO_USERS
from portal.models import User
from stappen.demo.method import CONTENT_DIR
from stappen.demo.stream import question_id
from stappen.models import ContinuousStepPage, Resource, StepPage

METHOD = yaml.safe_load((CONTENT_DIR / "method.yaml").read_text(encoding="utf-8"))
RESOURCES = yaml.safe_load((CONTENT_DIR / "resources.yaml").read_text(encoding="utf-8"))


def question_keys(body):
    for item in body:
        (block_type, value), = item.items()
        if block_type == "question":
            yield value["key"]
        elif block_type == "questions_first":
            yield from (question["key"] for question in value["questions"])


def test_running_the_demo_again_adds_nothing(db):
    counts = lambda: (Page.objects.count(), Resource.objects.count(), User.objects.count(), Revision.objects.count())  # noqa: E731
    before = counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert counts() == before
    assert "0 created, 0 translated" in out.getvalue()


def test_seven_steps_and_the_continuous_step_in_both_languages(nl, en):
    for locale in (nl, en):
        assert list(StepPage.objects.filter(locale=locale).order_by("number").values_list("number", flat=True)) == list(range(1, 8))
        assert ContinuousStepPage.objects.filter(locale=locale).live().count() == 1


@pytest.mark.parametrize("content", [*METHOD["steps"], METHOD["continuous_step"]], ids=lambda c: c["slug"])
def test_every_worksheet_question_is_on_its_page_in_both_languages(content, nl, en):
    page = Page.objects.get(slug=content["slug"], locale=nl).specific
    english = page.get_translation(en)
    expected_ids = [question_id(key) for key in question_keys(content["body"])]
    assert expected_ids, "every step asks questions"
    assert [q.id for q in page.worksheet_questions()] == expected_ids
    assert [q.id for q in english.worksheet_questions()] == expected_ids
    for dutch, translated in zip(page.worksheet_questions(), english.worksheet_questions(), strict=True):
        assert translated.question != dutch.question or len(dutch.question) < 20


def test_resources_carry_the_seeds_links_in_both_languages(nl, en):
    urls = {entry["url"] for entry in RESOURCES}
    assert "https://www.nji.nl/nl/Databank/Effectieve-Jeugdinterventies" in urls
    assert "https://www.waarstaatjegemeente.nl" in {url.rstrip("/") for url in urls}
    assert set(Resource.objects.filter(locale=nl).values_list("url", flat=True)) == urls
    assert set(Resource.objects.filter(locale=en).values_list("url", flat=True)) == urls


def test_demo_accounts_exist_with_verified_addresses(db):
    for spec in DEMO_USERS:
        user = User.objects.get(email=spec["email"])
        assert EmailAddress.objects.get(user=user).verified
        assert user.is_superuser == spec.get("superuser", False)
        if "group" in spec:
            assert user.groups.filter(name=spec["group"]).exists()


def test_page_tree_counts_match_after_loading(db):
    """wagtail-localize publishes on commit; a stale child count would make English pages 404."""
    for page in Page.objects.all():
        assert page.numchild == Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count(), page
