"""The demo content says only what its sources support, and marks what the portal adds to NJi's method."""

import re
from html import unescape

import pytest

from stappen.models import ContinuousStepPage, StepPage
from voorbeelden.models import ExamplePage, InterventionPage

MARK = {
    "nl": "Aanvulling van dit portaal, geen onderdeel van het stappenplan van het NJi.",
    "en": "Added by this portal; not part of NJi's step-by-step plan.",
}
EXAMPLE_MARK = {
    "nl": "Voorbeelden van dit portaal, geen onderdeel van het stappenplan van het NJi.",
    "en": "Examples added by this portal; not part of NJi's step-by-step plan.",
}
EXAMPLE_BADGE = {"nl": "Voorbeeld", "en": "Example"}


def html_of(client, page) -> str:
    """The rendered page with character references resolved, so texts can be compared as written."""
    response = client.get(page.get_url())  # an example page's `url` field is its source
    assert response.status_code == 200
    return unescape(response.content.decode())


def section(html: str, css_class: str) -> str:
    """The first <section> with this class; the step blocks do not nest sections."""
    found = re.search(rf'<section class="{css_class}">(.*?)</section>', html, re.DOTALL)
    assert found, css_class
    return found.group(1)


def step(locale, number) -> StepPage:
    return StepPage.objects.get(locale__language_code=locale, number=number)


@pytest.fixture
def met_andere_ogen(db):
    return {page.locale.language_code: page for page in ExamplePage.objects.filter(slug="met-andere-ogen-lerende-cyclus")}


def test_met_andere_ogen_is_not_presented_as_a_poverty_programme(client, met_andere_ogen):
    """It is a collaboration of education, care and youth services; NJi points to it in step 6 and the continuous step."""
    dutch, english = met_andere_ogen["nl"], met_andere_ogen["en"]
    assert dutch.kind != "poverty_monitor"
    assert sorted(dutch.facet_codes("steps")) == ["6", "c"]
    assert "armoede" not in (dutch.title + dutch.summary).lower()
    assert "poverty" not in (english.title + english.summary).lower()
    assert "onderwijs, zorg en jeugd" in dutch.summary
    text = html_of(client, dutch)
    for claim in ("gezinnen in armoede", "vaste cyclus", "oordelen en handelen", "De cyclus in vier vragen"):
        assert claim not in text, claim


def test_the_four_cycle_phases_are_not_attributed_to_met_andere_ogen(client, db):
    """The phase names are the portal's labels for NJi's questions, not Met Andere Ogen's own."""
    for language in ("nl", "en"):
        reading = section(html_of(client, step(language, 6)), "portal-further-reading")
        assert "Met Andere Ogen" in reading
        assert not re.search(r"oordelen|handelen|judging|acting", reading), reading


@pytest.mark.parametrize("model", [ExamplePage, InterventionPage], ids=lambda model: model.__name__)
def test_no_quotation_without_a_source(db, model):
    """A quote block needs someone to attribute it to and a source the page links to; invented quotes go."""
    pages = list(model.objects.all())
    assert pages
    for page in pages:
        for block in page.body:
            if block.block_type == "quote":
                assert block.value["attribution"] and page.url, f"{page.slug}: {block.value['text']}"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_questions_first_in_steps_one_and_two_are_marked_as_the_portals_own(client, db, language):
    for number in (1, 2):
        assert MARK[language] in section(html_of(client, step(language, number)), "portal-questions-first"), number
    # NJi asks questions up front from step 3 on: there the block is theirs and carries no mark.
    assert MARK[language] not in section(html_of(client, step(language, 3)), "portal-questions-first")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_example_rows_of_the_indicator_table_are_marked_as_examples(client, db, language):
    page = step(language, 4)
    rows = next(block.value["rows"] for block in page.body if block.block_type == "indicator_table")
    table = section(html_of(client, page), "portal-indicators")
    assert EXAMPLE_MARK[language] in table
    badge = f'<span class="utrecht-data-badge">{EXAMPLE_BADGE[language]}</span>'
    assert rows and table.count(badge) == len(rows)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_continuous_step_has_no_goal_or_result_of_its_own_and_marks_its_questions(client, db, language):
    """NJi gives the continuous step no goal or result; the portal's questions for the agreements are marked."""
    page = ContinuousStepPage.objects.get(locale__language_code=language)
    assert not [block for block in page.body if block.block_type in ("goal", "result")]
    html = html_of(client, page)
    assert "portal-callout--goal" not in html and "portal-callout--result" not in html
    assert -1 < html.find(MARK[language]) < html.find('class="portal-question"')


@pytest.mark.parametrize(
    ("number", "kept", "shifted"),
    [
        # Step 1 is about feeling the urgency together, not about acting in haste.
        (1, "voelen samen hoe dringend", "met spoed"),
        # Step 5 asks how you establish that what you do works, not only what is known to be effective.
        (5, "hoe je vaststelt of een aanpak effect heeft", "kennis over wat effectief is"),
    ],
)
def test_steps_keep_the_meaning_of_the_method(client, db, number, kept, shifted):
    html = html_of(client, step("nl", number))
    assert kept in html and shifted not in html


def test_continuous_step_is_about_listening_and_a_voice_not_co_deciding(client, db):
    html = html_of(client, ContinuousStepPage.objects.get(locale__language_code="nl"))
    assert "meebeslissen" not in html and "een stem" in html


def test_english_method_pages_avoid_translated_dutch(client, db):
    for page in [*StepPage.objects.filter(locale__language_code="en"), ContinuousStepPage.objects.get(locale__language_code="en")]:
        html = html_of(client, page).lower()
        for phrase in ("common ground in the urgency", "signals from practice", "societal result"):
            assert phrase not in html, (page.slug, phrase)
