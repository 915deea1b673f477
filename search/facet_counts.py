"""How many of a search's matches each facet value has, with no query: the facet values of every page are made
once per change of public content (portal.moments) and kept, and a search looks its matches up in them."""

from collections import Counter, defaultdict

from portal import moments
from stappen.models import ContinuousStepPage, StepPage
from voorbeelden.models import ExamplePage, FacetValue, InterventionPage

TAGGED = ["steps", "target_groups", "life_domains"]  # the facets kept as FacetValue rows that the search offers


def counts(kinds: dict[int, str], names) -> dict[str, dict[str, int]]:
    """For the matched pages (id: kind) and each facet name: how many of them have each value."""
    found = {name: Counter() for name in names}
    found["type"].update(kinds.values())
    values = _page_values()
    for pk in kinds:
        for facet, value in values.get(pk, ()):
            found[facet][value] += 1
    return {name: dict(counted) for name, counted in found.items()}


def _page_values() -> dict[int, tuple[tuple[str, str], ...]]:
    return moments.kept(moments.PUBLIC_CONTENT, "search:facet-values", _made)


def _made() -> dict[int, tuple[tuple[str, str], ...]]:
    """Each page's (facet, value) pairs: its tags, a step page's number (the continuous step as "c"), an
    intervention's evidence level and an example's municipality. Every pair is one shared object, so that the
    pages of a large site take little memory."""
    rows = [
        *FacetValue.objects.filter(facet__in=TAGGED).values_list("page_id", "facet", "value"),
        *((pk, "steps", str(number)) for pk, number in StepPage.objects.order_by().values_list("pk", "number")),
        *((pk, "steps", "c") for pk in ContinuousStepPage.objects.order_by().values_list("pk", flat=True)),
        *((pk, "evidence_level", level)
          for pk, level in InterventionPage.objects.order_by().values_list("pk", "evidence_level")),
        *((pk, "municipality", code) for pk, code in ExamplePage.objects.filter(municipality__isnull=False)
          .order_by().values_list("pk", "municipality__code")),
    ]
    shared: dict[tuple[str, str], tuple[str, str]] = {}
    values = defaultdict(set)
    for pk, facet, value in rows:
        values[pk].add(shared.setdefault((facet, value), (facet, value)))
    return {pk: tuple(pairs) for pk, pairs in values.items()}
