"""The demo glossary: loaded once in Dutch and English, and explained on the demo's public pages."""

import html
import re

import pytest
import yaml
from django.utils import translation

from stappen.demo.glossary import CONTENT, load_glossary
from stappen.models import ContinuousStepPage, GlossaryTerm, StepPage
from voorbeelden.models import ExamplePage, InterventionPage

EXPLAINED = re.compile(r'<strong class="portal-term__name">([^<]*)</strong> ([^<]*)</span>')
ENTRIES = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))


def test_every_demo_term_is_published_in_dutch_and_english(nl, en):
    dutch = GlossaryTerm.objects.filter(locale=nl, live=True)
    assert sorted(dutch.values_list("term", flat=True)) == sorted(entry["term"]["nl"] for entry in ENTRIES)
    for term in dutch:
        english = term.get_translation(en)
        assert english.live and english.term != "" and english.explanation != term.explanation
    assert all(len(entry["explanation"][language]) <= 300 for entry in ENTRIES for language in ("nl", "en"))


def test_loading_the_demo_glossary_again_changes_nothing(nl, en):
    before = list(GlossaryTerm.objects.order_by("pk").values_list("pk", "term", "explanation"))
    report = load_glossary(nl, [en])
    assert report.created == [] and report.translated == []
    assert list(GlossaryTerm.objects.order_by("pk").values_list("pk", "term", "explanation")) == before


@pytest.mark.parametrize("language", ["nl", "en"])
def test_public_pages_explain_each_term_once_in_their_language(client, db, language):
    explanations = {entry["term"][language]: entry["explanation"][language] for entry in ENTRIES}
    pages = [
        *StepPage.objects.filter(locale__language_code=language).live(),
        *ContinuousStepPage.objects.filter(locale__language_code=language).live(),
        *ExamplePage.objects.filter(locale__language_code=language).live(),
        *InterventionPage.objects.filter(locale__language_code=language).live(),
    ]
    explained = {}
    for page in pages:
        address = page.get_url()  # examples and interventions have a field `url`: their source elsewhere
        with translation.override(language):
            body = client.get(address).content.decode()
        found = EXPLAINED.findall(body)
        names = [name for name, _text in found]
        assert len(names) == len(set(names)), address
        for name, text in found:
            assert html.unescape(text) == explanations[name], (address, name)
        explained[address] = names
    assert sum(map(len, explained.values())) >= 10, explained
    assert any(explained[page.get_url()] for page in pages if isinstance(page, (ExamplePage, InterventionPage))), explained

