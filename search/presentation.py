"""Turning matches into what the results page shows, and helping when nothing matches."""

import difflib
import re
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from portal import moments
from search.engine import KINDS, PAGE_KINDS
from search.highlight import WORD, excerpt, marked, pattern_of
from search.matching import highlight_terms, why
from search.vocabulary import indexed_texts
from stappen.models import Resource, StepPage
from voorbeelden.models import ExamplePage

KIND_LABELS = dict(KINDS)
BLOCK_JOINS = re.compile(r"([.?!:;-]),\s")  # the index joins a page's blocks with ", ", also after a full stop


@dataclass(frozen=True)
class ResultItem:
    kind: str
    title: str
    url: str
    excerpt: str
    meta: str
    external: bool = False
    why: str = ""
    marked_title: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


def present(matches, outcome, request) -> list[ResultItem]:
    """The result items for one page of the outcome's matches, in ranking order: one query per kind of object."""
    terms, slots = highlight_terms(outcome.slots), outcome.slots
    page_ids = [match.pk for match in matches if match.kind != "resource"]
    resource_ids = [match.pk for match in matches if match.kind == "resource"]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()} if page_ids else {}
    prefetch_related_objects([page for page in pages.values() if isinstance(page, ExamplePage)], "municipality")
    resources = {r.pk: r for r in Resource.objects.filter(pk__in=resource_ids)} if resource_ids else {}
    indexed = _indexed_bodies(outcome.texts, page_ids, resource_ids)
    items = []
    for match in matches:
        if match.kind == "resource" and match.pk in resources:
            resource = resources[match.pk]
            text = indexed.get(("resource", match.pk), resource.summary)
            items.append(ResultItem("resource", resource.title, resource.url, _excerpt(resource.summary, text, terms),
                                    resource.organisation, True, why(slots, f"{resource.title} {text}"),
                                    marked(resource.title, terms)))
        elif match.pk in pages:
            page = pages[match.pk]
            text = indexed.get(("page", match.pk), "")
            items.append(ResultItem(match.kind, page.title, page.get_url(request), _excerpt(_summary_of(page), text, terms),
                                    _meta_of(page), why=why(slots, f"{page.title} {text}"), marked_title=marked(page.title, terms)))
    return items


def _indexed_bodies(texts, page_ids, resource_ids) -> dict[tuple[str, int], str]:
    """The indexed body of each of these pages and resources: what reranking read, and the rest from the index."""
    bodies = {key: body for key, (_title, body) in texts.items()}
    for kind, model, ids in (("page", Page, page_ids), ("resource", Resource, resource_ids)):
        missing = [pk for pk in ids if (kind, pk) not in bodies]
        bodies |= {(kind, pk): body for pk, (_title, body) in indexed_texts(model, missing).items()}
    return bodies


def _excerpt(summary: str, indexed: str, terms: list[str]) -> str:
    """The summary with the searched words marked; a piece of the rest of the text when only that has them."""
    indexed = BLOCK_JOINS.sub(r"\1 ", indexed)
    pattern = pattern_of(terms)
    if summary and (not pattern or pattern.search(summary) or not pattern.search(indexed)):
        return excerpt(summary, terms)
    return excerpt(indexed, terms)


def _summary_of(page) -> str:
    return getattr(page, "summary", None) or getattr(page, "intro", "")


def _meta_of(page) -> str:
    if isinstance(page, StepPage):
        return _("Step %(number)s") % {"number": page.number}
    municipality = getattr(page, "municipality", None)
    if municipality:
        return municipality.name
    return getattr(page, "organisation", "")


def promotions(query: str, locale) -> list[ResultItem]:
    """What editors promoted for this search, in their order, in the visitor's language."""
    items = []
    if normalise_query_string(query) not in _promoted():
        return items
    picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query)).select_related("page")
    for pick in picks.order_by("sort_order"):
        if pick.page_id:
            page = pick.page.specific.get_translation_or_none(locale) or pick.page.specific
            if page.live:
                items.append(ResultItem(PAGE_KINDS.get(type(page), "step"), page.title, page.url, pick.description, ""))
        elif pick.external_link_url:
            items.append(ResultItem("resource", pick.external_link_text or pick.external_link_url, pick.external_link_url, pick.description, "", True))
    return items


def _promoted() -> frozenset[str]:
    """The searches editors promoted something for: most searches then need no query for promotions."""
    return moments.kept(moments.PUBLIC_CONTENT, "search:promoted", lambda: frozenset(
        SearchPromotion.objects.values_list("query__query_string", flat=True)))


def did_you_mean(query: str, locale) -> tuple[str, list[str]]:
    """A spelling-corrected query, and titles that look like the query, from the titles in this language."""
    titles = list(Page.objects.live().public().filter(locale=locale).type(*PAGE_KINDS).values_list("title", flat=True))
    vocabulary = {word for title in titles for word in WORD.findall(title.lower()) if len(word) > 3}
    vocabulary |= {word for title in Resource.objects.filter(locale=locale).values_list("title", flat=True) for word in WORD.findall(title.lower()) if len(word) > 3}
    words = WORD.findall(query.lower())
    corrected = [(difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75) or [word])[0] for word in words]
    correction = " ".join(corrected) if corrected != words else ""
    by_title = {title.lower(): title for title in titles}
    close = difflib.get_close_matches(query.lower(), by_title, n=5, cutoff=0.5)
    return correction, [by_title[title] for title in close]
