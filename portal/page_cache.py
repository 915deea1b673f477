"""Anonymous visitors get public pages from the cache; any change to public content takes effect at once.

A page is kept when an anonymous visitor (no session, no pending message) asks for it with GET, outside the
workspace, the surveys, the accounts, the search and the admin, and the answer is a plain 200 that sets no
cookie (so holds no CSRF token) and does not call itself private. It is kept under the moment public content
last changed (`portal.moments`), the host and the full path, which also fixes the language. Publishing,
unpublishing, moving or deleting a page, or saving anything of the method, the examples, images or documents,
moves that moment on (`content_changed`), so every page is made again on its next request, in every process.
With Redis, that moment is read from Redis too (a cache hit then needs no database); and each process keeps
its own copy of the pages asked for most, under the same keys, so a hit does not fetch the page from Redis (a
key names its moment, so a copy can never be out of date).

Pages served this way carry an ETag and, as Last-Modified, that moment; everything answered to a signed-in
visitor is marked private, so no shared cache (a CDN, a proxy) keeps it for others.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language_from_path

from portal import moments

PRIVATE_PREFIXES = ("/admin/", "/werkruimte/", "/doe-mee/", "/accounts/", "/zoeken/", "/healthz/", "/documents/")
KEPT_FOR = 60 * 60 * 24
COPIES = LocMemCache("page-cache-copies", {"OPTIONS": {"MAX_ENTRIES": 64}})  # a few MB per process at most


def content_changed(**_kwargs) -> None:
    """Public content changed: from now on, every cached page is made again."""
    moments.move_on(moments.PUBLIC_CONTENT)


def connect_signals() -> None:
    """Wagtail's page signals, and saving or deleting anything else public pages show."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Page, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from portal.models import Municipality
    from search.models import SynonymGroup

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"page-cache-{signal}")
    # A page made private (a view restriction) must at once stop being served from the cache and found by search.
    shown = (AbstractImage, AbstractDocument, Site, Redirect, Municipality, SynonymGroup, SearchPromotion,
             BaseViewRestriction)

    def saved(sender, instance, **_kwargs):
        # Pages count when published, not when a draft is saved; their snippets (resources, facets) always.
        content = instance._meta.app_label in ("stappen", "voorbeelden") or isinstance(instance, shown)
        if content and not isinstance(instance, Page):
            content_changed()

    def deleted(sender, instance, **_kwargs):
        if isinstance(instance, Page) or instance._meta.app_label in ("stappen", "voorbeelden") or isinstance(instance, shown):
            content_changed()

    post_save.connect(saved, dispatch_uid="page-cache-saved", weak=False)
    post_delete.connect(deleted, dispatch_uid="page-cache-deleted", weak=False)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # Possibly signed in: nothing made for this visitor may be kept by a shared cache.
                patch_cache_control(response, private=True)
            return response
        changed = moments.current(moments.PUBLIC_CONTENT)
        key = cache_key(request, changed)
        kept = kept_under(key)
        if kept is not None:
            return from_cache(kept)
        response = self.get_response(request)
        if cacheable_response(request, response):
            _prepare(response, changed)
            keep(key, response)
        return response


def keep(key: str, response) -> None:
    kept = (response.content, dict(response.items()))
    cache.set(key, kept, KEPT_FOR)
    if settings.REDIS_URL:
        COPIES.set(key, kept, KEPT_FOR)


def kept_under(key):
    """The page kept under key: this process's copy, or Redis's (then copied), or the local-memory cache's."""
    if not settings.REDIS_URL:
        return cache.get(key)
    kept = COPIES.get(key)
    if kept is None:
        kept = cache.get(key)
        if kept is not None:
            COPIES.set(key, kept, KEPT_FOR)
    return kept


def anonymous_get(request) -> bool:
    """A GET from a visitor who is not signed in and has no message waiting: the same answer for everyone."""
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def _cacheable_request(request) -> bool:
    if not anonymous_get(request):
        return False
    path = request.path_info
    language = get_language_from_path(path)
    if language and path.startswith(f"/{language}/"):
        path = path[len(language) + 1:]
    return not path.startswith(PRIVATE_PREFIXES)


def cacheable_response(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200 and not response.streaming and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def cache_key(request, changed) -> str:
    address = f"{changed.isoformat() if changed else '-'}|{request.get_host()}|{request.get_full_path()}"
    return f"page:{hashlib.sha256(address.encode()).hexdigest()}"


def _prepare(response, changed) -> None:
    response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    if changed:
        response["Last-Modified"] = http_date(changed.timestamp())
    # Browsers ask again each time (a 304 when nothing changed); a CDN may keep it as long as it is told.
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    if settings.PUBLIC_PAGES_SHARED_MAX_AGE:
        patch_cache_control(response, s_maxage=settings.PUBLIC_PAGES_SHARED_MAX_AGE)


def from_cache(kept) -> HttpResponse:
    content, headers = kept
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    response["X-Portal-Cache"] = "hit"
    return response
