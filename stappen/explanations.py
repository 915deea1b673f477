"""The glossary's terms explained where they first appear on a public page.

The rendered body of a page is read as a stream of tags and text (`html.parser`): tags, attributes, comments and
character references are written back exactly as they came, and only text outside links, headings, buttons,
labels and the like is searched. The first occurrence of each term (or one of its other forms), as a whole word
in any case, becomes a toggletip: a button with the word as it stood, and after it the explanation as a native
`popover`, which opens and closes without JavaScript and tells assistive technology whether it is open.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.translation import gettext

from portal import moments
from stappen.glossary import GlossaryTerm, tidy

# Text inside these is never marked: it is interactive already, a heading or label, or not prose.
UNMARKED = frozenset({
    "a", "button", "h1", "h2", "h3", "h4", "h5", "h6", "label", "legend", "summary", "caption", "th", "dt",
    "select", "option", "textarea", "abbr", "dfn", "code", "kbd", "samp", "pre", "script", "style", "template",
    "noscript", "svg", "math", "iframe", "object", "title",
})


@dataclass(frozen=True)
class Explanation:
    number: int
    term: str
    text: str

    def markup(self, shown: str) -> str:
        """The word as it stood (raw HTML text) as the button, and the explanation to open beside it."""
        anchor = f"term-{self.number}"
        question = escape(gettext("what does this mean?"))
        return (
            f'<button type="button" class="portal-term" popovertarget="{anchor}">{shown}'
            f'<span class="portal-visually-hidden">, {question}</span></button>'
            f'<span class="portal-term__explanation" id="{anchor}" popover>'
            f'<strong class="portal-term__name">{escape(self.term)}</strong> {escape(self.text)}</span>'
        )


class Terms:
    """One language's published terms: a pattern that finds any of their forms, and the explanation of each form."""

    def __init__(self, terms):
        self.explanations: dict[str, Explanation] = {}
        for term in terms:
            explanation = Explanation(term.pk, term.term, term.explanation)
            for form in term.forms:
                self.explanations.setdefault(form, explanation)
        # Longest first, so that "integrale aanpak" wins over a term "aanpak" at the same place.
        forms = sorted(self.explanations, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(re.escape(word) for word in form.split()) for form in forms)
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE) if forms else None

    def explanation(self, found: str) -> Explanation:
        return self.explanations[tidy(found)]


def terms_for(language: str) -> Terms:
    """The published terms in this language, made again after any change to public content (`portal.moments`)."""
    return moments.kept(moments.PUBLIC_CONTENT, f"glossary:{language}", lambda: Terms(
        GlossaryTerm.objects.filter(locale__language_code=language, live=True).only("term", "variants", "explanation")
    ))


def explain(html: str, terms: Terms) -> str:
    """The HTML with the first occurrence of each term marked, or the HTML as it was when no term occurs in it."""
    if terms.pattern is None or not terms.pattern.search(html):
        return html
    marker = _Marker(terms)
    marker.feed(html)
    marker.close()
    return "".join(marker.out)


class _Marker(HTMLParser):
    def __init__(self, terms: Terms):
        super().__init__(convert_charrefs=False)
        self.terms = terms
        self.explained: set[int] = set()
        self.unmarked: list[str] = []  # the open elements whose text stays as it is
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in UNMARKED:
            self.unmarked.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in self.unmarked:
            # Also closes what was left open inside it, as a browser would.
            del self.unmarked[len(self.unmarked) - 1 - self.unmarked[::-1].index(tag):]

    def handle_data(self, data):
        self.out.append(data if self.unmarked else self._marked(data))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def _marked(self, text: str) -> str:
        pieces, start = [], 0
        for found in self.terms.pattern.finditer(text):
            explanation = self.terms.explanation(found.group())
            if explanation.number in self.explained or _in_a_name(text, found, explanation.term):
                continue
            self.explained.add(explanation.number)
            pieces += [text[start:found.start()], explanation.markup(found.group())]
            start = found.end()
        return "".join(pieces) + text[start:]


def _in_a_name(text: str, found: re.Match, term: str) -> bool:
    """A term written in lower case but found with a capital inside a sentence is part of a name
    ("Erkenningscommissie Interventies"), not the word the glossary explains."""
    before = text[:found.start()].rstrip()
    return found.group()[0].isupper() and not term[:1].isupper() and bool(before) and before[-1] not in ".!?:"
