"""Asking a web address whether it still answers, the way a visitor's browser would reach it."""

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests
from django.conf import settings

from links.models import Link

TIMEOUT = 10.0  # seconds to connect, and again to wait for an answer
WORKERS = 8  # addresses asked at the same time
PERMANENT_REDIRECTS = (301, 308)
USER_AGENT = "ArmoedePortalLinkCheck/1.0 (+{site}; checks the links on the portal's pages once a day)"

_sessions = threading.local()


@dataclass
class Outcome:
    status: str  # a Link.Status
    status_code: int | None = None
    final_url: str = ""
    hops: list[dict] = field(default_factory=list)
    error: str = ""


def probe_all(urls, timeout: float = TIMEOUT, workers: int = WORKERS) -> dict[str, Outcome]:
    """Probe many addresses, `workers` at a time."""
    urls = list(urls)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="link-check") as pool:
        return dict(zip(urls, pool.map(lambda url: probe(url, timeout), urls)))


def probe(url: str, timeout: float = TIMEOUT) -> Outcome:
    """What a visitor finds at the address: HEAD first, and GET when the server answers HEAD with an error
    (some refuse HEAD with 405 or 501, others answer it with a 403 or 404 while the page itself works)."""
    try:
        response = _request("HEAD", url, timeout)
        if response.status_code >= 400:
            response = _request("GET", url, timeout)
    except (requests.Timeout, requests.ConnectionError) as error:
        return Outcome(Link.Status.UNREACHABLE, error=_describe(error))
    except (requests.RequestException, ValueError) as error:  # too many redirects, an address no server can have
        return Outcome(Link.Status.BROKEN, error=_describe(error))
    return _outcome(url, response)


def _request(method: str, url: str, timeout: float) -> requests.Response:
    # stream: for GET only the status line and headers are read; the body is never downloaded.
    response = _session().request(method, url, timeout=timeout, allow_redirects=True, stream=True)
    response.close()
    return response


def _session() -> requests.Session:
    """One session per thread: requests' sessions are not safe to share between threads."""
    if not hasattr(_sessions, "session"):
        session = requests.Session()
        session.headers["User-Agent"] = USER_AGENT.format(site=settings.WAGTAILADMIN_BASE_URL)
        session.max_redirects = 10
        _sessions.session = session
    return _sessions.session


def _describe(error: Exception) -> str:
    """The error as the HTTP library words it, for whoever looks into a link that fails."""
    return f"{type(error).__name__}: {error}"[:500]


def _outcome(url: str, response: requests.Response) -> Outcome:
    hops = [{"status": answer.status_code, "url": answer.url} for answer in (*response.history, response)]
    if response.status_code >= 400:
        status = Link.Status.BROKEN
    elif any(answer.status_code in PERMANENT_REDIRECTS for answer in response.history) and response.url != url:
        status = Link.Status.MOVED
    else:
        # A temporary redirect (a login, a language choice) is the site's own business: the link stays as it is.
        status = Link.Status.OK
    final_url = response.url if response.history else ""
    return Outcome(status, response.status_code, final_url, hops)
