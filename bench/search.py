"""Benchmark of the search page: p50 and p95 latency at N generated examples and interventions.

    python bench/search.py --database sqlite --documents 10000
    python bench/search.py --database postgres --documents 10000   # uses BENCH_POSTGRES_URL or the local server
    python bench/search.py --backend opensearch --documents 10000  # OPENSEARCH_URL, default the node of make services

It builds a fresh database (migrate, demo content), generates the documents with a fixed seed through
Wagtail's normal page creation (so they are indexed as in real life), then requests the search page
in-process with a mix of queries and facets and prints the latency percentiles as one JSON line.
With --backend opensearch, `update_index` then puts everything on the node (the indexing time), and the page is
measured on the node and, in the same run, on the database backend, so the two compare on one machine at once.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import database_url, percentiles, setup_django  # noqa: E402  (after the path is set)

QUERIES = [
    {"q": "armoedemonitor"},
    {"q": "kinderen school"},
    {"q": "schulden"},
    {"q": "sport cultuur", "type": "intervention"},
    {"q": "gemeente", "steps": "6"},
    {"q": "ouders gezin", "target_groups": "parents"},
    {"q": "\"lerende cyclus\""},
    {"q": "voedselbank"},
    {"q": "schuldhulp"},  # a part of compounds
    {"q": "kindpaket"},  # one typing error
    {"q": "kleren"},  # a synonym
]
FALLBACK_NOTICE = "Zoeken werkt even op een eenvoudigere manier"
CONTENT = [ROOT / "stappen" / "demo" / "content", ROOT / "voorbeelden" / "demo" / "content"]


def vocabulary() -> tuple[list[str], list[float]]:
    """The Dutch words of the portal's own content, weighted by rank as natural language is (Zipf),
    so that common words match many documents and specific ones few, as in a real collection."""
    import re
    from collections import Counter

    import yaml

    def dutch(node):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from [value] if key == "nl" and isinstance(value, str) else dutch(value)
        elif isinstance(node, list):
            for item in node:
                yield from dutch(item)

    counts = Counter()
    for folder in CONTENT:
        for path in folder.glob("*.yaml"):
            for text in dutch(yaml.safe_load(path.read_text(encoding="utf-8"))):
                counts.update(re.findall(r"[a-zà-ÿ]{4,}", text.lower()))
    words = [word for word, _count in counts.most_common()]
    return words, [1 / rank for rank in range(1, len(words) + 1)]


def generate(documents: int) -> float:
    from portal.models import Municipality
    from voorbeelden.facets import (
        AGE_BANDS, EVIDENCE_LEVELS, EXAMPLE_KINDS, LIFE_DOMAINS, STEPS, TARGET_GROUPS, THEMES, UNASSESSED_LEVELS,
    )
    from voorbeelden.models import ExampleIndexPage, ExamplePage, FacetValue, InterventionIndexPage, InterventionPage

    rng = random.Random(20261122)
    words, weights = vocabulary()
    examples = ExampleIndexPage.objects.get(locale__language_code="nl")
    interventions = InterventionIndexPage.objects.get(locale__language_code="nl")
    municipalities = list(Municipality.objects.all())

    def text(length):
        return " ".join(rng.choices(words, weights, k=length)).capitalize() + "."

    def evidence():
        """A level, with the recognition record an assessed level needs."""
        level = rng.choice(EVIDENCE_LEVELS)[0]
        if level in UNASSESSED_LEVELS:
            return {"evidence_level": level}
        return {"evidence_level": level, "evidence_assessed_on": datetime.date(2024, 1, 1) - datetime.timedelta(
            days=rng.randint(0, 3000)), "evidence_target_group": text(5)[:-1], "database_url": "https://example.org/"}

    def values(name, choices, most):
        return [FacetValue(facet=name, value=code) for code, _label in rng.sample(choices, rng.randint(1, most))]

    started = time.perf_counter()
    for number in range(documents):
        common = {"title": f"{text(4)[:-1]} {number}", "slug": f"bench-{number}", "summary": text(30)}
        if number % 2:
            examples.add_child(instance=ExamplePage(
                **common, kind=rng.choice(EXAMPLE_KINDS)[0], municipality=rng.choice(municipalities),
                facet_values=values("steps", STEPS, 2),
            ))
        else:
            facet_values = [*values("steps", STEPS, 2), *values("target_groups", TARGET_GROUPS, 2),
                            *values("age_bands", AGE_BANDS, 2), *values("life_domains", LIFE_DOMAINS, 2),
                            *values("themes", THEMES, 2)]
            interventions.add_child(instance=InterventionPage(
                **common, organisation=text(2)[:-1], facet_values=facet_values, **evidence(),
            ))
    return time.perf_counter() - started


def refresh_statistics():
    """What autovacuum (PostgreSQL) or a periodic ANALYZE (SQLite) does in production after bulk inserts."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(requests: int) -> list[float]:
    from django.test import Client

    client = Client()
    for params in QUERIES:  # warm up caches and connections
        ask(client, params)
    timings = []
    for number in range(requests):
        started = time.perf_counter()
        ask(client, QUERIES[number % len(QUERIES)])
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def ask(client, params) -> None:
    """One search, answered by the backend: the page the search keeps is dropped after it, so that each request
    is a new query (everything else stays cached, as on a live site)."""
    from django.core.cache import cache

    from portal import moments, page_cache

    response = client.get("/zoeken/", params)
    assert response.status_code == 200, response.status_code
    assert FALLBACK_NOTICE not in response.content.decode(), "the configured backend did not answer"
    cache.delete(page_cache.cache_key(response.wsgi_request, moments.current(moments.PUBLIC_CONTENT)))


def on_the_engine():
    """The settings OPENSEARCH_URL gives (default: the node of `make services`), on indexes of the benchmark's own."""
    import environ
    from django.test import override_settings

    from portal.settings.search import search_backends

    os.environ.setdefault("OPENSEARCH_URL", "http://127.0.0.1:9200")
    os.environ["SEARCH_INDEX_PREFIX"] = "bench_"
    backends, problem = search_backends(environ.Env())
    if problem:
        sys.exit(problem)
    return override_settings(WAGTAILSEARCH_BACKENDS=backends, SEARCH_ENGINE_PROBLEM="")


def index_on_the_engine() -> float:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("update_index", backend_name="default", verbosity=0)
    return time.perf_counter() - started


def engine_version() -> str:
    from search.ranking import backend

    return backend("default").es.info()["version"]["number"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--backend", choices=["database", "opensearch"], default="database")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--reuse", action="store_true", help="measure again on the database of the previous run")
    options = parser.parse_args()

    fresh = not options.reuse
    setup_django(database_url(options.database, fresh, "bench_search"), fresh)
    generation_seconds = generate(options.documents) if fresh else 0.0
    refresh_statistics()
    result = {"benchmark": "search", "database": options.database, "backend": options.backend,
              "documents": options.documents, "requests": options.requests}
    if options.backend == "opensearch":
        with on_the_engine():
            result |= {"engine": f"OpenSearch {engine_version()}", "indexing_s": round(index_on_the_engine(), 1),
                       **percentiles(measure(options.requests))}
        result["database_backend"] = percentiles(measure(options.requests))
        result["p50_ratio_to_database"] = round(result["p50_ms"] / result["database_backend"]["p50_ms"], 2)
    else:
        result |= percentiles(measure(options.requests))
    result["generation_s"] = round(generation_seconds, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
