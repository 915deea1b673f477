"""One search over the method, resources, practice examples and interventions, with facets.

The search backend (database or Elasticsearch) only ranks: it returns the matching objects with a
score. Which of them are public, and all facet filtering and counting, is done in SQL on those
ids, so both backends behave the same.
"""

import json
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, Count, F, Q, Value
from django.db.models.functions import Cast
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.models import Page

from search.expansion import Slot, expand
from search.ranking import ranked
from search.reranking import Text, best_first, reranked
from search.retrieval import database_scores, engine_query, query_of
from search.vocabulary import indexed_texts

from stappen.models import ContinuousStepPage, Resource, StepPage
from voorbeelden.facets import FACETS as PRACTICE_FACETS
from voorbeelden.facets import Facet
from voorbeelden.models import ExamplePage, FacetValue, InterventionPage

MAX_QUERY_LENGTH = 200
# Ranking beyond this many matches per kind of object adds nothing a person would page through.
MAX_MATCHES = 500
RESOURCE_SPREAD = 0.75

KINDS = [
    ("step", _("Step of the method")),
    ("example", _("Practice example")),
    ("intervention", _("Intervention")),
    ("resource", _("Resource")),
]
PAGE_KINDS = {StepPage: "step", ContinuousStepPage: "step", ExamplePage: "example", InterventionPage: "intervention"}

# The search offers the type of content and the facets the overviews of examples and interventions use.
FACETS = {
    "type": Facet("type", _("Type"), KINDS),
    **{name: PRACTICE_FACETS[name] for name in ("steps", "target_groups", "life_domains", "evidence_level", "municipality")},
}


def clean_query(text: str) -> str:
    return " ".join((text or "").split())[:MAX_QUERY_LENGTH]


@dataclass
class Match:
    """A matching object (a page or a resource) with its score."""

    kind: str
    pk: int
    score: float


@dataclass
class Outcome:
    query: str
    matches: list[Match] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    fallback: bool = False  # ranked by the database because the configured backend could not be reached

    @property
    def total(self):
        return len(self.matches)


def search(query: str, locale, selection: dict[str, list[str]]) -> Outcome:
    query = clean_query(query)
    outcome = Outcome(query)
    if not query:
        return outcome
    outcome.slots = expand(query, locale)
    if not outcome.slots:
        return outcome
    page_scores, outcome.fallback = _scores(Page.objects.live().filter(locale=locale).only("id"), outcome.slots)
    pages = Page.objects.filter(pk__in=one_parameter(page_scores)).live().public().type(*PAGE_KINDS)
    # At most MAX_MATCHES ids: every count below then uses this short list instead of the whole filter again.
    kinds = _page_kinds(_apply(pages, selection))
    outcome.counts = _counts(kinds)
    matches = [Match(kind, pk, page_scores[pk]) for pk, kind in kinds.items()]
    if _resources_selected(selection):
        resource_scores, fallback = _scores(Resource.objects.filter(locale=locale).only("id"), outcome.slots)
        outcome.fallback |= fallback
        matches += [Match("resource", pk, score) for pk, score in resource_scores.items()]
        if resource_scores:
            outcome.counts["type"]["resource"] = len(resource_scores)
    outcome.matches = _spread(sorted(matches, key=lambda match: -match.score))
    return outcome


def _spread(matches: list[Match]) -> list[Match]:
    """Each resource counts a little less for every resource ranked above it, so that the resources a page links to
    do not push the other pages down the list."""
    resources_above = 0
    for match in matches:
        if match.kind == "resource":
            match.score *= RESOURCE_SPREAD ** resources_above
            resources_above += 1
    return sorted(matches, key=lambda match: -match.score)


def _scores(queryset, slots) -> tuple[dict[int, float], bool]:
    """The backend's matches, the best of them ordered again by where and how they matched."""
    def scores(backend):
        if isinstance(backend, ElasticsearchBaseSearchBackend):
            return _engine_scores(backend.search(query_of(slots), queryset), queryset, slots)
        return database_scores(backend, queryset, slots, MAX_MATCHES)

    found, fallback = ranked(scores)
    best = best_first(found)
    texts = {pk: Text.of(title, body) for pk, (title, body) in indexed_texts(queryset.model, best).items()}
    return reranked(found, texts, slots), fallback


def _engine_scores(results, queryset, slots) -> dict[int, float]:
    """A search engine's best MAX_MATCHES ids and scores in one request. Wagtail's results would page through
    them with the scroll API (a request and an open scroll context per hundred) and load every object, where
    the portal needs only the ids; one query then drops what the index holds but the database no longer does."""
    found = results._backend_do_search(
        {"query": engine_query(results.query_compiler, slots)},
        index=results.backend.get_index_for_model(queryset.model).name,
        size=MAX_MATCHES,
        _source=False,
        **{results.fields_param_name: "pk"},
    )
    scores = {int(hit["fields"]["pk"][0]): hit["_score"] or 0.0 for hit in found["hits"]["hits"]}
    present = set(queryset.filter(pk__in=one_parameter(scores)).values_list("pk", flat=True))
    return {pk: score for pk, score in scores.items() if pk in present}


def one_parameter(ids) -> RawSQL:
    """Up to MAX_MATCHES ids as one query parameter, for `pk__in`: Django and the driver would otherwise prepare
    each value apart, in each of the half-dozen queries of a search (some 30 ms a search at 500 matches)."""
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def _resources_selected(selection) -> bool:
    """Resources carry no facets: they match only when nothing but the type is chosen, and that type allows them."""
    if any(name != "type" for name in selection):
        return False
    return "resource" in selection.get("type", ["resource"])


def _apply(pages, selection):
    for name, values in selection.items():
        pages = pages.filter(_condition(name, values))
    return pages


def _condition(name, values) -> Q:
    if name == "type":
        models = [model for model, kind in PAGE_KINDS.items() if kind in values]
        return Q(content_type__in=[_content_type(model) for model in models])
    if name == "steps":
        numbers = [int(value) for value in values if value.isdigit()]
        condition = Q(steppage__number__in=numbers) | Q(pk__in=_tagged("steps", values))
        if "c" in values:
            condition |= Q(continuoussteppage__isnull=False)
        return condition
    if name == "evidence_level":
        return Q(interventionpage__evidence_level__in=values)
    if name == "municipality":
        return Q(examplepage__municipality__code__in=values)
    return Q(pk__in=_tagged(name, values))


def _tagged(name, values):
    return FacetValue.objects.filter(facet=name, value__in=values).values("page_id")


def _content_type(model):
    return ContentType.objects.get_for_model(model)  # cached by Django after the first call


def _page_kinds(pages) -> dict[int, str]:
    by_type = {_content_type(model).pk: kind for model, kind in PAGE_KINDS.items()}
    return {pk: by_type[content_type] for pk, content_type in pages.values_list("pk", "content_type")}


def _counts(kinds: dict[int, str]) -> dict[str, dict[str, int]]:
    """How many of these pages each facet value has, in one query (UNION ALL of one count per kind of facet)."""
    counts = {name: {} for name in FACETS}
    counts["type"] = dict(Counter(kinds.values()))
    if not kinds:
        return counts
    ids = one_parameter(kinds)
    tagged = FacetValue.objects.filter(page__in=ids, facet__in=["steps", "target_groups", "life_domains"]).order_by()
    parts = []
    if counts["type"].get("step"):
        parts += [_grouped(StepPage.objects.filter(pk__in=ids), "steps", Cast("number", CharField())),
                  _grouped(ContinuousStepPage.objects.filter(pk__in=ids), "steps", Value("c"))]
    if counts["type"].get("intervention"):
        parts.append(_grouped(InterventionPage.objects.filter(pk__in=ids), "evidence_level", F("evidence_level")))
    if counts["type"].get("example"):
        examples = ExamplePage.objects.filter(pk__in=ids, municipality__isnull=False)
        parts.append(_grouped(examples, "municipality", F("municipality__code")))
    rows = tagged.values_list("facet", "value").annotate(n=Count("page_id", distinct=True)).union(*parts, all=True)
    for facet, value, number in rows:
        counts[facet][value] = counts[facet].get(value, 0) + number
    return counts


def _grouped(pages, facet: str, value):
    """Pages counted per value, as rows (facet, value, count). Without Wagtail's order by path, which would
    otherwise be grouped by too."""
    named = pages.order_by().annotate(facet_name=Value(facet, output_field=CharField()), facet_value=value)
    return named.values_list("facet_name", "facet_value").annotate(n=Count("pk"))
