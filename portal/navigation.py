"""Where a visitor is and where else they can go: home, menu, breadcrumbs and language versions."""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from portal import moments


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # True when the page has no version in this language and the link leads to that language's home.
    is_fallback: bool


@dataclass(frozen=True)
class MenuLink:
    title: str
    url: str
    path: str  # the page's place in the tree: the current page is in this section when its path starts with it


@dataclass(frozen=True)
class Menu:
    home_url: str
    links: list[MenuLink]


def main_menu(request) -> Menu | None:
    """The home page and the pages shown in the menu, in the visitor's language. Kept until public content changes
    (portal.moments), so that pages that are not cached themselves (search, workspace) need no queries for it."""
    site = Site.find_for_request(request)
    if site is None:
        return None

    def made() -> Menu:
        home = site.root_page.localized
        pages = home.get_children().live().in_menu()
        return Menu(home.get_url(request), [MenuLink(page.title, page.get_url(request), page.path) for page in pages])

    return moments.kept(moments.PUBLIC_CONTENT, f"menu:{site.pk}:{get_language()}", made)


def language_links(request, page: Page | None) -> list[LanguageLink]:
    """Where each language's version of this page is; computed once per request."""
    cache = request.__dict__.setdefault("_portal_language_links", {})
    key = page.pk if page is not None else None
    if key not in cache:
        cache[key] = _language_links(request, page)
    return cache[key]


def _language_links(request, page):
    current = get_language()
    translations = {}
    homes = {}
    if page is not None:
        translations = _by_language(page.get_translations(inclusive=True))
        site = Site.find_for_request(request)
        if site is not None:  # where a page without a version in a language leads instead
            homes = _by_language(site.root_page.get_translations(inclusive=True))
    links = []
    for code, name in settings.PORTAL_LANGUAGES:
        fallback = False
        if page is None:
            url = translate_url(request.get_full_path(), code)
        elif code in translations:
            url = translations[code].get_url(request)
        elif code in homes:
            url, fallback = homes[code].get_url(request), True
        else:
            continue
        links.append(LanguageLink(code, name, url, code == current, fallback))
    return links


def _by_language(pages) -> dict[str, Page]:
    return {p.locale.language_code: p for p in pages.live().select_related("locale")}


def breadcrumb_pages(page: Page) -> list[Page]:
    """The page's ancestors from the language's home page down, without the tree root."""
    return list(page.get_ancestors().filter(depth__gt=1))


def find_in_other_languages(request) -> list[Page]:
    """Live pages at the requested path in the other languages' trees, for a helpful 404."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    current = get_language()
    path = request.path
    prefix = f"/{current}/"
    if current != settings.LANGUAGE_CODE and path.startswith(prefix):
        path = path[len(prefix) - 1 :]
    components = [part for part in path.split("/") if part]
    found = []
    for root in site.root_page.get_translations(inclusive=True).live().specific():
        if root.locale.language_code == current:
            continue
        try:
            page = root.route(request, components)[0]
        except Http404:
            continue
        if not page.get_view_restrictions().exists():
            found.append(page)
    return found
