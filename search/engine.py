"""One search over the method, resources, practice examples and interventions, with facets.

Which pages may be found (live, public, in the language, of the chosen facets) is one Django queryset on every
backend. SQLite and PostgreSQL rank within it in one query; a search engine ranks within what it can filter itself
(live, language), and one query then keeps the matches that queryset holds. Facets are counted from each page's
kept facet values (search.facet_counts), so every backend counts the same way.
"""

import json
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Lookup, Q
from django.utils.translation import gettext_lazy as _
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.models import Page

from search import facet_counts
from search.expansion import Slot, expand
from search.ranking import ranked
from search.reranking import Text, best_first, reranked
from search.retrieval import Scored, database_scores, engine_query, query_of, ranks_in_sql
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
    # The indexed title and body of the best matches, by ("page" or "resource", id): what reranking read.
    texts: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
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
    searched = Page.objects.live().filter(locale=locale).only("id")  # what an engine can filter by itself
    found, texts, outcome.fallback = _scores(searched, _apply(searched.public().type(*PAGE_KINDS), selection), outcome.slots)
    outcome.texts = {("page", pk): text for pk, text in texts.items()}
    kinds = {_content_type(model).pk: kind for model, kind in PAGE_KINDS.items()}
    matches = [Match(kinds[scored.content_type], pk, scored.score) for pk, scored in found.items()]
    outcome.counts = facet_counts.counts({match.pk: match.kind for match in matches}, FACETS)
    if _resources_selected(selection):
        resources = Resource.objects.filter(locale=locale).only("id")
        found, texts, fallback = _scores(resources, resources, outcome.slots)
        outcome.texts |= {("resource", pk): text for pk, text in texts.items()}
        outcome.fallback |= fallback
        matches += [Match("resource", pk, scored.score) for pk, scored in found.items()]
        if found:
            outcome.counts["type"]["resource"] = len(found)
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


def _scores(searched, allowed, slots) -> tuple[dict[int, Scored], dict[int, tuple[str, str]], bool]:
    """The backend's best matches among `allowed` (a filtered `searched`), the best of them ordered again by where
    and how they matched. An engine or a database without ranking in SQL searches `searched` with the filters it
    knows; one query then keeps what `allowed` holds."""
    def scores(backend):
        if ranks_in_sql(backend):
            return database_scores(backend, allowed, slots, MAX_MATCHES)
        if isinstance(backend, ElasticsearchBaseSearchBackend):
            return _within(allowed, _engine_scores(backend.search(query_of(slots), searched), slots))
        results = backend.search(query_of(slots), searched).annotate_score("_score")[:MAX_MATCHES]
        return _within(allowed, {obj.pk: obj._score or 0.0 for obj in results})

    found, fallback = ranked(scores)
    plain = {pk: scored.score for pk, scored in found.items()}
    texts = indexed_texts(allowed.model, best_first(plain))
    new = reranked(plain, {pk: Text.of(title, body) for pk, (title, body) in texts.items()}, slots)
    return {pk: scored._replace(score=new[pk]) for pk, scored in found.items()}, texts, fallback


def _engine_scores(results, slots) -> dict[int, float]:
    """A search engine's best MAX_MATCHES ids and scores in one request. Wagtail's results would page through
    them with the scroll API (a request and an open scroll context per hundred) and load every object, where
    the portal needs only the ids."""
    found = results._backend_do_search(
        {"query": engine_query(results.query_compiler, slots)},
        index=results.backend.get_index_for_model(results.query_compiler.queryset.model).name,
        size=MAX_MATCHES,
        _source=False,
        stored_fields="_none_",
        docvalue_fields=["pk"],  # read from the column store, not from each stored document
    )
    return {int(hit["fields"]["pk"][0]): hit["_score"] or 0.0 for hit in found["hits"]["hits"]}


def _within(allowed, scores: dict[int, float]) -> dict[int, Scored]:
    """The scores of the objects `allowed` holds (not what the index holds but the database no longer does, nor
    what a filter leaves out), with their content types."""
    kept = allowed.order_by().filter(InArray(F("pk"), list(scores)))
    if hasattr(allowed.model, "content_type"):
        rows = kept.values_list("pk", "content_type")
    else:
        content_type = _content_type(allowed.model).pk
        rows = [(pk, content_type) for pk in kept.values_list("pk", flat=True)]
    return {pk: Scored(scores[pk], content_type) for pk, content_type in rows}


class InArray(Lookup):
    """A field among up to MAX_MATCHES ids, passed as one query parameter (`= ANY(array)` on PostgreSQL, json_each
    on SQLite): with `__in`, Django and the driver would prepare each value apart, and the planner reads the whole
    table where the ids can be looked up one by one."""

    lookup_name = "in_array"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        column, params = self.process_lhs(compiler, connection)
        ids = [int(pk) for pk in self.rhs]
        # The column is Django's own SQL for the field; the ids go as one parameter.
        if connection.vendor == "postgresql":
            return f"{column} = ANY(%s::bigint[])", [*params, ids]
        return f"{column} IN (SELECT value FROM json_each(%s))", [*params, json.dumps(ids)]  # nosec B608


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
