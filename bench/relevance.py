"""Search relevance: hits@5 and mean reciprocal rank of query sets on the demo content, per backend.

    python bench/relevance.py                                   # SQLite, database search
    python bench/relevance.py --database postgres               # BENCH_POSTGRES_URL or the server of make services
    python bench/relevance.py --backend opensearch              # OPENSEARCH_URL, default the node of make services
    python bench/relevance.py --set bench/relevance/development.yaml --verbose

A query is a hit when one of its expected paths is among the first five results of the search page (/zoeken/ or
/en/zoeken/), read from the page's own HTML. Each set in bench/relevance/ is a list of {q, lang, expect}; the
report is one JSON line with the figures per set and the queries that missed.
"""

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import database_url, setup_django  # noqa: E402  (after the path is set)
from bench.search import index_on_the_engine, on_the_engine  # noqa: E402

SETS = sorted((ROOT / "bench" / "relevance").glob("*.yaml"))
# The ranked results' links; editors' promotions (portal-card--promoted) are not part of the ranking.
RESULT_LINK = re.compile(r'<article class="portal-card">.*?<h3[^>]*><a class="utrecht-link" href="([^"]+)"', re.DOTALL)
DEPTH = 5


def ranks(queries: list[dict]) -> list[int | None]:
    """The 1-based rank of the first expected page in each query's results, None when it is not in the first five."""
    from django.test import Client

    client = Client()
    found = []
    for query in queries:
        path = "/en/zoeken/" if query["lang"] == "en" else "/zoeken/"
        response = client.get(path, {"q": query["q"]})
        assert response.status_code == 200, (query, response.status_code)
        links = RESULT_LINK.findall(response.content.decode())[:DEPTH]
        found.append(next((rank for rank, link in enumerate(links, 1) if link in query["expect"]), None))
    return found


def figures(queries: list[dict]) -> dict:
    found = ranks(queries)
    return {
        "queries": len(queries),
        "hits_at_5": round(sum(rank is not None for rank in found) / len(queries), 3),
        "mrr": round(sum(1 / rank for rank in found if rank) / len(queries), 3),
        "missed": [query["q"] for query, rank in zip(queries, found, strict=True) if rank is None],
        "ranks": {query["q"]: rank for query, rank in zip(queries, found, strict=True)},
    }


def measure(sets: list[Path], verbose: bool) -> dict:
    import yaml

    report = {}
    for path in sets:
        result = figures(yaml.safe_load(path.read_text(encoding="utf-8")))
        if not verbose:
            result.pop("ranks")
        report[path.stem] = result
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--backend", choices=["database", "opensearch"], default="database")
    parser.add_argument("--set", type=Path, action="append", help="a query set (default: every set in bench/relevance/)")
    parser.add_argument("--reuse", action="store_true", help="measure again on the database of the previous run")
    parser.add_argument("--verbose", action="store_true", help="also the rank of every query")
    options = parser.parse_args()

    setup_django(database_url(options.database, not options.reuse, "bench_relevance"), not options.reuse)
    result = {"benchmark": "relevance", "database": options.database, "backend": options.backend}
    if options.backend == "opensearch":
        with on_the_engine():
            index_on_the_engine()
            result["sets"] = measure(options.set or SETS, options.verbose)
    else:
        result["sets"] = measure(options.set or SETS, options.verbose)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
