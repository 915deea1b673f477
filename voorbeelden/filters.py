"""Filtering pages on facets and counting what each facet value would give, in SQL."""

from django.db.models import Count

from voorbeelden.facets import FACETS
from voorbeelden.models import FacetValue


def selection_from(query, facets) -> dict[str, list[str]]:
    """The valid values of the given facets in a query string; unknown facets and values are ignored."""
    selection = {}
    for facet in facets:
        values = [value for value in dict.fromkeys(query.getlist(facet.name)) if facet.is_valid(value)]
        if values:
            selection[facet.name] = values
    return selection


def apply_selection(queryset, selection):
    """Any of the values within one facet, all of the facets together."""
    for name, values in selection.items():
        facet = FACETS[name]
        if facet.field:
            queryset = queryset.filter(**{f"{facet.field}__in": values})
        else:
            queryset = queryset.filter(pk__in=FacetValue.objects.filter(facet=name, value__in=values).values("page_id"))
    return queryset


def facet_counts(queryset, facet_names) -> dict[str, dict[str, int]]:
    """How many pages of the queryset carry each value, per facet: one query for the multi-valued facets,
    one per single-valued facet."""
    counts = {name: {} for name in facet_names}
    multi = [name for name in facet_names if not FACETS[name].field]
    if multi:
        rows = (
            FacetValue.objects.filter(page__in=queryset.values("pk"), facet__in=multi)
            .values("facet", "value")
            .annotate(pages=Count("page_id", distinct=True))
        )
        for row in rows:
            counts[row["facet"]][row["value"]] = row["pages"]
    for name in facet_names:
        field = FACETS[name].field
        if field:
            for row in queryset.order_by().values(field).annotate(pages=Count("pk")):
                if row[field] is not None:
                    counts[name][row[field]] = row["pages"]
    return counts
