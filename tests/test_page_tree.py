"""Where each page type may live: the method is one index per language with seven steps and one continuous step."""

from wagtail.models import Page

from portal.models import HomePage
from stappen.models import ContinuousStepPage, StepIndexPage, StepPage
from voorbeelden.models import ExampleIndexPage, InterventionIndexPage


def test_allowed_parents_and_children():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert HomePage.allowed_subpage_models() == [StepIndexPage, ExampleIndexPage, InterventionIndexPage]
    assert StepIndexPage.allowed_parent_page_models() == [HomePage]
    assert set(StepIndexPage.allowed_subpage_models()) == {StepPage, ContinuousStepPage}
    assert StepPage.allowed_parent_page_models() == [StepIndexPage]
    assert StepPage.allowed_subpage_models() == []
    assert ContinuousStepPage.allowed_parent_page_models() == [StepIndexPage]
    assert ContinuousStepPage.allowed_subpage_models() == []


def test_one_step_index_and_one_continuous_step_per_parent(home, step_index):
    assert not StepIndexPage.can_create_at(home)
    assert not ContinuousStepPage.can_create_at(step_index)
    assert StepPage.can_create_at(step_index)


def test_step_pages_cannot_live_under_home(home):
    assert not StepPage.can_create_at(home)
    assert not ContinuousStepPage.can_create_at(home)


def test_each_language_has_its_own_tree(nl, en):
    for model in (HomePage, StepIndexPage, ContinuousStepPage):
        assert model.objects.filter(locale=nl).count() == 1
        assert model.objects.filter(locale=en).count() == 1
    assert sorted(StepPage.objects.filter(locale=nl).values_list("number", flat=True)) == list(range(1, 8))
    assert sorted(StepPage.objects.filter(locale=en).values_list("number", flat=True)) == list(range(1, 8))
