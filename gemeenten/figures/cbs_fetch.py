"""Fetching a table from CBS StatLine's classic OData (v3) API, with the standard library only."""

import http.client
import json
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlencode, urlsplit
from urllib.request import Request, urlopen

from django.utils.translation import gettext as _

# Only the regions we store; every table we read keys its regions as RegioS.
REGIONS = "substringof('GM',RegioS) or substringof('WK',RegioS) or substringof('NL',RegioS)"
TIMEOUT = 60
MAX_PAGES = 1000


class FetchError(Exception):
    pass


def fetch_table(base_url: str, table: str, timeout: float = TIMEOUT) -> tuple[list[dict], dict[str, str]]:
    """The table's TypedDataSet records, following odata.nextLink, and the names of its districts."""
    base = f"{base_url.rstrip('/')}/{table}"
    records = _pages(f"{base}/TypedDataSet?{_query(REGIONS)}", timeout)
    names = {}
    if any(str(record.get("RegioS", "")).strip().startswith("WK") for record in records):
        for region in _pages(f"{base}/RegioS?" + _query("substringof('WK',Key)"), timeout):
            names[str(region.get("Key", "")).strip()] = str(region.get("Title") or "").strip()
    return records, names


def _query(condition: str) -> str:
    return urlencode({"$format": "json", "$filter": condition}, quote_via=quote)


def _pages(url: str, timeout: float) -> list[dict]:
    records, seen = [], set()
    while url and url not in seen and len(seen) < MAX_PAGES:
        seen.add(url)
        page = _get(url, timeout)
        records.extend(page["value"])
        url = page.get("odata.nextLink")
    return records


def _get(url: str, timeout: float) -> dict:
    # The next page's address comes from CBS's answer: only ever follow it over HTTP(S), never to a file.
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(_("Not a web address: %(url)s") % {"url": url})
    try:
        with urlopen(Request(url, headers={"Accept": "application/json"}), timeout=timeout) as response:  # nosec B310
            body = response.read()
    except HTTPError as error:
        message = _("CBS answered %(status)s %(reason)s for %(url)s") % {"status": error.code, "reason": error.reason, "url": url}
        raise FetchError(message) from error
    except (URLError, OSError, http.client.HTTPException, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(_("could not reach CBS at %(url)s: %(reason)s") % {"url": url, "reason": reason}) from error
    try:
        # Numbers stay text until Decimal reads them, as in the CSV files: no float rounding.
        page = json.loads(body, parse_float=str)
    except ValueError as error:
        raise FetchError(_("CBS did not answer with JSON at %(url)s") % {"url": url}) from error
    if not isinstance(page, dict) or not isinstance(page.get("value"), list):
        raise FetchError(_("CBS's answer at %(url)s holds no records") % {"url": url})
    return page
