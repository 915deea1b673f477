"""The daily link check: find the links on live pages, ask each address once, record what was found."""

from collections import Counter

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from links.finding import Carrier, external_links
from links.models import Link, LinkOccurrence
from links.probing import TIMEOUT, WORKERS, Outcome, probe_all

UPDATED_FIELDS = ["status", "status_code", "final_url", "hops", "error", "checked_at", "problem_since"]


def check_links(timeout: float = TIMEOUT, workers: int = WORKERS) -> Counter:
    """Check every external link on the site's live pages; returns how many links have each status."""
    found = external_links()
    return record(found, probe_all(found, timeout=timeout, workers=workers))


@transaction.atomic
def record(found: dict[str, set[Carrier]], outcomes: dict[str, Outcome]) -> Counter:
    """Store each address's outcome and the pages that carry it now; addresses no page carries any more go."""
    now = timezone.now()
    known = {link.url: link for link in Link.objects.all()}
    Link.objects.filter(pk__in=[link.pk for url, link in known.items() if url not in found]).delete()
    links = [_updated(known.get(url) or Link(url=url), outcome, now) for url, outcome in outcomes.items()]
    Link.objects.bulk_update([link for link in links if link.pk], UPDATED_FIELDS)
    Link.objects.bulk_create([link for link in links if not link.pk])  # sets their keys (PostgreSQL, SQLite)
    ids = {link.url: link.pk for link in links}
    LinkOccurrence.objects.all().delete()
    # A page deleted while the addresses were being asked is skipped rather than refused by its foreign key.
    pages = set(Page.objects.filter(pk__in={c.page_id for carriers in found.values() for c in carriers})
                .values_list("pk", flat=True))
    LinkOccurrence.objects.bulk_create(
        LinkOccurrence(link_id=ids[url], page_id=c.page_id, source_type_id=c.source_type_id, source_id=c.source_id)
        for url, carriers in found.items() if url in ids
        for c in carriers if c.page_id in pages
    )
    return Counter(link.status for link in links)


def _updated(link: Link, outcome: Outcome, now) -> Link:
    if outcome.status == Link.Status.OK:
        link.problem_since = None
    elif not (link.pk and link.status == outcome.status and link.problem_since):
        link.problem_since = now  # a new problem, or a different one
    link.status, link.status_code, link.error = outcome.status, outcome.status_code, outcome.error
    link.final_url, link.hops, link.checked_at = outcome.final_url, outcome.hops, now
    return link
