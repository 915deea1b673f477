"""Which backend ranks searches: the database by default, a search engine when its address is set.

OPENSEARCH_URL selects OpenSearch 2 (modelsearch's opensearch2 backend, opensearch-py 2); ELASTICSEARCH_URL
selects Elasticsearch 8 (elasticsearch-py 8 refuses OpenSearch servers). With either, the database index is
kept up to date beside the engine ("database"), and search.ranking ranks with it while the engine cannot be
reached. Both engines analyse full text alike: Dutch stemming and stop words; autocomplete keeps its n-grams.
"""

from urllib.parse import urlparse

DATABASE = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
ENGINES = {
    "OPENSEARCH_URL": "modelsearch.backends.opensearch2",
    "ELASTICSEARCH_URL": "modelsearch.backends.elasticsearch8",
}
DUTCH_ANALYSIS = {"settings": {"analysis": {"analyzer": {"default": {"type": "dutch"}}}}}


def url_problem(url: str) -> str:
    """Why an engine address cannot be used, or "" when it can."""
    parsed = urlparse(url)
    try:
        parsed.port  # noqa: B018  (raises on a port that is not a number from 0 to 65535)
    except ValueError as error:
        return f"{url!r} has no valid port ({error})"
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return f"{url!r} is not an http:// or https:// address with a host name"
    return ""


def search_backends(env) -> tuple[dict, str]:
    """WAGTAILSEARCH_BACKENDS for the environment, and what is wrong with the engine's address ("" if nothing).

    An engine whose address cannot even be parsed stays configured, so that searches fall back with the notice
    and the log says why, but nothing tries to index into it (saving a page would fail)."""
    for variable, backend in ENGINES.items():
        url = env(variable, default="")
        if not url:
            continue
        engine = {
            "BACKEND": backend,
            "URLS": [url],
            "INDEX_PREFIX": env("SEARCH_INDEX_PREFIX", default="portal_"),
            "TIMEOUT": env.int("SEARCH_TIMEOUT", default=5),
            "INDEX_SETTINGS": DUTCH_ANALYSIS,
        }
        problem = url_problem(url)
        if problem:
            engine["AUTO_UPDATE"] = False
            problem = f"{variable}: {problem}"
        return {"default": engine, "database": DATABASE}, problem
    return {"default": DATABASE}, ""
