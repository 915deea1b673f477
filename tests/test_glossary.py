"""Glossary terms are explained where they first appear in a page's body, in the page's language, from published terms."""

import re
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from stappen.explanations import Terms, explain, terms_for
from stappen.factories import GlossaryTermFactory
from stappen.models import GlossaryTerm
from tests.users import make_user, sign_in_with_second_factor

BUTTON = re.compile(r'<button type="button" class="portal-term" popovertarget="(term-\d+)">(.*?)<span class="portal-visually-hidden">[^<]*</span></button>', re.DOTALL)
EXPLANATION = re.compile(r'<span class="portal-term__explanation" id="term-\d+" popover><strong class="portal-term__name">[^<]*</strong> [^<]*</span>')
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def marked_words(html: str) -> list[str]:
    return [shown for _anchor, shown in BUTTON.findall(html)]


def without_marks(html: str) -> str:
    """The HTML as it was before marking: explanations removed, buttons unwrapped."""
    return BUTTON.sub(lambda found: found.group(2), EXPLANATION.sub("", html))


class Nesting(HTMLParser):
    """Fails on an end tag that does not close the innermost open element."""

    def __init__(self):
        super().__init__()
        self.open = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()


def assert_well_nested(html: str) -> None:
    nesting = Nesting()
    nesting.feed(html)
    nesting.close()
    assert nesting.open == []


@pytest.fixture
def opgave(db):
    return GlossaryTermFactory(term="vakopgave", variants="vakopgaven, vak opgaaf", explanation="Wat we samen oplossen.")


@pytest.fixture
def terms(opgave):
    return Terms([opgave])


def render_body(body: str, language: str = "nl") -> str:
    with translation.override(language):
        return Template("{% load glossary_tags %}{% filter explain_terms %}" + body + "{% endfilter %}").render(Context())


def test_only_the_first_occurrence_of_a_term_is_explained(terms, opgave):
    html = explain("<p>De vakopgave is groot.</p><p>Die vakopgave delen we.</p>", terms)
    assert marked_words(html) == ["vakopgave"]
    assert html.index("<button") < html.index("</p>")
    assert f'id="term-{opgave.pk}" popover>' in html and "Wat we samen oplossen." in html


def test_other_forms_count_as_the_term_and_match_in_any_case_as_whole_words(terms):
    html = explain("<p>Vakopgaven zijn er twee: een vakopgave, vakopgavebeschrijving.</p>", terms)
    assert marked_words(html) == ["Vakopgaven"]
    assert marked_words(explain("<p>De vakopgavebeschrijving en de vakopgave-lijst.</p>", terms)) == []


def test_a_capitalised_form_inside_a_sentence_is_a_name_and_stays_as_it_is(terms):
    html = explain("<p>De Commissie Vakopgaven oordeelt. Vakopgave twee; de vakopgave.</p>", terms)
    assert marked_words(html) == ["Vakopgave"]
    assert "De Commissie Vakopgaven oordeelt." in html


def test_a_phrase_matches_across_a_line_break_and_the_longest_form_wins(db):
    phrase = GlossaryTermFactory(term="lerende vakcyclus")
    word = GlossaryTermFactory(term="vakcyclus")
    html = explain("<p>Een lerende\n  vakcyclus, daarna een vakcyclus.</p>", Terms([word, phrase]))
    assert marked_words(html) == ["lerende\n  vakcyclus", "vakcyclus"]
    assert html.index(f'popovertarget="term-{phrase.pk}"') < html.index(f'popovertarget="term-{word.pk}"')


@pytest.mark.parametrize("where", [
    '<h2>vakopgave</h2>', '<h3 class="x"><em>vakopgave</em></h3>', '<a href="/vakopgave/">de vakopgave</a>',
    '<button type="button">vakopgave</button>', '<label>vakopgave <input name="vakopgave"></label>',
    '<table><caption>vakopgave</caption><tr><th>vakopgave</th></tr></table>', '<p title="vakopgave">Niets</p>',
    '<!-- vakopgave -->', '<script>var vakopgave = 1;</script>',
])
def test_never_inside_links_headings_buttons_labels_attributes_or_comments(terms, where):
    html = explain(f"{where}<p>Hier staat de vakopgave.</p>", terms)
    assert html.startswith(where)
    assert marked_words(html) == ["vakopgave"]


def test_the_html_stays_valid_and_unchanged_apart_from_the_marks(terms):
    body = (
        '<div class="portal-block"><p>De <strong>vakopgave</strong> &amp; meer&nbsp;tekst,<br>ook &#x27;hier&#x27;.</p>'
        '<ul><li>Een <a href="/x/?a=1&amp;b=2">link</a> en vakopgaven</li></ul><!-- opmerking --><p>Klaar<br/></p></div>'
    )
    html = explain(body, terms)
    assert marked_words(html) == ["vakopgave"]
    assert_well_nested(html)
    assert without_marks(html) == body


def test_explanations_are_escaped(db):
    term = GlossaryTermFactory(term="vakgebied", explanation='Een <script>alert("x")</script> veld & meer.')
    html = explain("<p>Ons vakgebied.</p>", Terms([term]))
    assert "<script>" not in html
    assert "Een &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; veld &amp; meer." in html


def test_the_filter_escapes_text_that_is_not_yet_html(opgave):
    with translation.override("nl"):
        html = Template("{% load glossary_tags %}{{ text|explain_terms }}").render(Context({"text": "<b>vakopgave</b>"}))
    assert html.startswith("&lt;b&gt;") and marked_words(html) == ["vakopgave"]


def test_a_page_in_english_uses_the_english_terms(opgave, en):
    english = opgave.copy_for_translation(en)
    english.term, english.variants, english.explanation = "joint vaktask", "", "What we solve together."
    english.save()
    body = "<p>De vakopgave, the joint vaktask.</p>"

    dutch, english_html = render_body(body, "nl"), render_body(body, "en")

    assert marked_words(dutch) == ["vakopgave"] and "Wat we samen oplossen." in dutch
    assert marked_words(english_html) == ["joint vaktask"] and "What we solve together." in english_html
    assert "Wat we samen oplossen." not in english_html


def test_only_the_published_version_of_a_term_is_explained(opgave):
    GlossaryTermFactory(term="vakconcept", explanation="Nog niet af.", live=False)
    opgave.explanation = "Een nieuwe uitleg in concept."
    opgave.save_revision()

    html = render_body("<p>Het vakconcept en de vakopgave.</p>")

    assert marked_words(html) == ["vakopgave"]
    assert "Wat we samen oplossen." in html and "Een nieuwe uitleg in concept." not in html


def test_the_kept_list_is_made_again_when_a_term_is_published(db, django_assert_max_num_queries):
    term = GlossaryTermFactory(term="vaknieuw", explanation="Pas net gepubliceerd.", live=False)
    assert "vaknieuw" not in terms_for("nl").explanations
    with django_assert_max_num_queries(1):  # the moment of the last change; the list itself is kept
        assert "vaknieuw" not in terms_for("nl").explanations

    term.save_revision().publish()

    assert terms_for("nl").explanations["vaknieuw"].text == "Pas net gepubliceerd."
    assert "Pas net gepubliceerd." in render_body("<p>Iets vaknieuw.</p>")


def test_a_form_belongs_to_one_term_only(opgave):
    twin = GlossaryTerm(term="vakopdracht", variants="Vak  Opgaaf", explanation="Dubbel.", locale=opgave.locale)
    with pytest.raises(ValidationError) as refused:
        twin.full_clean()
    assert "“vak opgaaf” wordt al uitgelegd bij “vakopgave”" in str(refused.value.message_dict["variants"])


@pytest.mark.parametrize(("term", "variants", "field", "message"), [
    ("vak, opgave", "", "term", "Een begrip is één woord of woordgroep"),
    ("vakwerk", "vakwerken,, vakwerkje", "variants", "Er staat een lege vorm tussen twee komma's"),
    ("vakwerk", "vakwerken, Vakwerk", "variants", "“vakwerk” staat er meer dan één keer in"),
])
def test_bad_forms_are_refused_with_a_message(nl, term, variants, field, message):
    with pytest.raises(ValidationError) as refused:
        GlossaryTerm(term=term, variants=variants, explanation="Uitleg.", locale=nl).full_clean()
    assert message in str(refused.value.message_dict[field])


def test_forms_are_tidied_when_saved(nl):
    term = GlossaryTerm(term="  lerende   vakcyclus ", variants=" cycli ,  lerende  vakcycli,", explanation="Uitleg.", locale=nl)
    term.full_clean()
    assert (term.term, term.variants) == ("lerende vakcyclus", "cycli, lerende vakcycli")
    assert term.forms == ["lerende vakcyclus", "cycli", "lerende vakcycli"]


@pytest.fixture
def editor_client(client, nl):
    sign_in_with_second_factor(client, make_user("redactie@nji.example", group="Editors"))
    return client


def test_an_editor_publishes_a_term_and_a_taken_form_gets_a_message(editor_client, opgave):
    url = reverse("wagtailsnippets_stappen_glossaryterm:add") + "?locale=nl"
    form = {"term": "vakregie", "variants": "vakregisseur", "explanation": "Wie het overzicht houdt.", "action-publish": "publish"}

    assert editor_client.post(url, form).status_code == 302
    assert GlossaryTerm.objects.get(term="vakregie").live

    response = editor_client.post(url, {**form, "term": "vakrol", "variants": "vakopgaven"})
    assert response.status_code == 200
    assert "“vakopgaven” wordt al uitgelegd bij “vakopgave”" in response.content.decode()
    assert editor_client.get(reverse("wagtailsnippets_stappen_glossaryterm:list") + "?q=vakregie").status_code == 200
