"""On PostgreSQL, one GIN index over the title and body of the search index's entries together.

A query's words may be spread over a page's title and the rest of its text, so the ranking matches the two as one
(search.retrieval). Without this index PostgreSQL reads every entry to do so; with it, only those that match.
The index belongs to the search app's own way of querying, so it is made here and not in Wagtail's tables'
migrations; other databases have no such index.
"""

from django.db import migrations

NAME = "search_indexentry_text_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON {table} USING GIN ((title || body))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_editors_manage_synonyms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
