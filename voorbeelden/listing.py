"""What an index page of examples or interventions shows: the filtered, paginated pages and the facets."""

from dataclasses import dataclass

from django.core.paginator import Paginator

from voorbeelden.facets import FACETS
from voorbeelden.filters import apply_selection, facet_counts, selection_from


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    checked: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    label: str
    options: list[FacetOption]


# A facet without a fixed vocabulary (municipalities) shows its most frequent values and the chosen ones.
MAX_OPEN_OPTIONS = 15


def facet_groups(counts, selection, facets) -> list[FacetGroup]:
    """Every value that has results or is chosen, in vocabulary order (municipalities by name)."""
    groups = []
    for facet in facets:
        name = facet.name
        chosen = selection.get(name, [])
        shown = counts[name]
        if not facet.choices:
            shown = sorted(shown, key=lambda value: -shown[value])[:MAX_OPEN_OPTIONS]
        labels = facet.labels_for([*shown, *chosen])
        options = [
            FacetOption(value, label, counts[name].get(value, 0), value in chosen)
            for value, label in labels.items()
            if counts[name].get(value) or value in chosen
        ]
        if facet.choices:
            order = [value for value, _label in facet.choices]
            options.sort(key=lambda option: order.index(option.value))
        else:
            options.sort(key=lambda option: str(option.label))
        if options:
            groups.append(FacetGroup(name, facet.label, options))
    return groups


def query_without_page(query) -> str:
    """The query string for links that keep the search and filters but start a new page count."""
    query = query.copy()
    query.pop("page", None)
    return query.urlencode()


def listing_context(request, pages, facet_names, per_page) -> dict:
    facets = [FACETS[name] for name in facet_names]
    selection = selection_from(request.GET, facets)
    results = apply_selection(pages, selection)
    counts = facet_counts(results, facet_names)
    page_of_results = Paginator(results, per_page).get_page(request.GET.get("page"))
    return {
        "results": page_of_results,
        "facet_groups": facet_groups(counts, selection, facets),
        "selection": selection,
        "filter_query": query_without_page(request.GET),
    }
