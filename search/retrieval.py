"""Each backend matches and ranks a query's alternatives (search.expansion) with its own means.

A match must have, for each word of the query, one of that word's alternatives. The best matches are then ordered
again by where and how they matched (search.reranking).

- SQLite: an FTS5 MATCH on the index entries, ranked by bm25 with titles weighing more than the rest.
- PostgreSQL: a tsquery in the index's configuration (Dutch stemming), ranked by ts_rank.
- OpenSearch/Elasticsearch: the same alternatives as a bool query, scored by the engine (search.engine).
"""

from typing import NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connection
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.expansion import Alternative, Slot
from search.vocabulary import index_entries

TITLE_WEIGHT = 4.0  # a word in the title counts as much as four in the rest of the text


class Scored(NamedTuple):
    score: float
    content_type: int  # the object's own content type (a page's specific type)


def ranks_in_sql(backend) -> bool:
    """Whether the backend's database is ranked by database_scores: SQLite and PostgreSQL."""
    # By name: each backend's module can only be imported on its own database.
    return type(backend).__name__ in ("SQLiteSearchBackend", "PostgresSearchBackend")


def database_scores(backend, queryset, slots: list[Slot], limit: int) -> dict[int, Scored]:
    """The best `limit` objects of queryset for these alternatives, ranked by SQLite or PostgreSQL (ranks_in_sql).
    Only the ids of queryset are matched, so any filter on it (facets, view restrictions) costs no query of its own."""
    per_slot = [slot.alternatives for slot in slots]
    if type(backend).__name__ == "SQLiteSearchBackend":
        return _ranked_sql(_sqlite_sql, queryset, per_slot, limit)
    return _ranked_sql(_postgres_sql(backend.config or "simple"), queryset, per_slot, limit)


def engine_query(compiler, slots: list[Slot]) -> dict:
    """The alternatives as an OpenSearch/Elasticsearch query, with modelsearch's filters (type, live, language).

    Each alternative is one multi_match over every text field with its boost, "cross_fields" with operator "and":
    its words may be spread over title and summary. (modelsearch compiles an And for each field apart, so words
    kept in differently boosted fields, as a title and a summary are, could never match together.)"""
    fields = [field.field_name_with_boost for field in compiler.remapped_fields]

    def alternative(found: Alternative) -> dict:
        kind = {"type": "phrase"} if found.phrase else {"type": "cross_fields", "operator": "and"}
        return {"multi_match": {"query": found.text, "fields": fields, **kind}}

    slots_query = [{"bool": {"should": [alternative(found) for found in slot.alternatives]}} for slot in slots]
    return {"bool": {"must": slots_query, "filter": compiler.get_filters()}}


def query_of(slots: list[Slot]) -> And:
    """The alternatives as modelsearch query classes: what databases without full-text search match, and what gives
    an engine's results their query compiler (whose filters engine_query uses)."""
    def alternative(found: Alternative):
        if found.phrase:
            return Phrase(found.text)
        return PlainText(found.text, operator="and")

    return And([Or([alternative(found) for found in slot.alternatives]) for slot in slots])


def _ranked_sql(make_sql, queryset, per_slot, limit) -> dict[int, Scored]:
    try:
        ids_sql, ids_params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # the filters leave nothing: Django does not even write the query
        return {}
    content_types = list(get_descendants_content_types_pks(queryset.model))
    sql, params = make_sql(per_slot, ids_sql, content_types)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *ids_params, limit])
        return {int(object_id): Scored(float(score), content_type) for object_id, content_type, score in cursor.fetchall()}


def _sqlite_sql(per_slot, ids_sql, content_types):
    def alternative(found: Alternative) -> str:
        quoted = [f'"{word}"' for word in found.words]
        if found.phrase:
            return '"' + " ".join(found.words) + '"'
        return quoted[0] if len(quoted) == 1 else "(" + " AND ".join(quoted) + ")"

    match = " AND ".join("(" + " OR ".join(alternative(found) for found in alternatives) + ")" for alternatives in per_slot)
    table, fts = index_entries()._meta.db_table, f"{index_entries()._meta.db_table}_fts"
    placeholders = ", ".join(["%s"] * len(content_types))
    # bm25 weighs the columns autocomplete, body and title; it is lower for better matches.
    sql = (
        # Only table names, a constant and Django's own SQL are put in; the words go as parameters.
        f"SELECT e.object_id, e.content_type_id, -bm25({fts}, 0.0, 1.0, {TITLE_WEIGHT}) AS score FROM {fts} f "  # nosec B608
        f"JOIN {table} e ON e.id = f.rowid WHERE {fts} MATCH %s AND e.content_type_id IN ({placeholders}) "
        f"AND CAST(e.object_id AS INTEGER) IN ({ids_sql}) ORDER BY score DESC LIMIT %s"
    )
    return sql, ["{title body} : (" + match + ")", *content_types]


def _postgres_sql(config: str):
    def make(per_slot, ids_sql, content_types):
        def alternative(found: Alternative) -> str:
            quoted = [f"'{word}'" for word in found.words]
            return "(" + (" <-> " if found.phrase else " & ").join(quoted) + ")"

        groups = ["(" + " | ".join(alternative(found) for found in alternatives) + ")" for alternatives in per_slot]
        table = index_entries()._meta.db_table
        sql = (
            # Only a table name, a constant and Django's own SQL are put in; the words go as parameters.
            # Title and body are matched as one text, for a query's words may be spread over both; the GIN index
            # on that expression (migration search 0004) finds the entries that match.
            f"SELECT e.object_id, e.content_type_id, ts_rank(e.title, q) * {TITLE_WEIGHT} * e.title_norm + ts_rank(e.body, q) AS score "  # nosec B608
            f"FROM {table} e, to_tsquery(%s::regconfig, %s) q WHERE e.content_type_id = ANY(%s) "
            f"AND (e.title || e.body) @@ q AND CAST(e.object_id AS INTEGER) IN ({ids_sql}) ORDER BY score DESC LIMIT %s"
        )
        return sql, [config, " & ".join(groups), content_types]

    return make
