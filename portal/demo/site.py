"""The site, its languages and one home page per language."""

import uuid

from django.conf import settings
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from portal.models import HomePage

HOME_TRANSLATION_KEY = uuid.UUID("5e0c7f0e-4d1a-5c61-9a52-7c0e6d1b2a01")


def ensure_locales() -> dict[str, Locale]:
    """One locale per content language; the others follow the default language's page tree."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.PORTAL_LANGUAGES}
    default = locales[settings.LANGUAGE_CODE]
    for code, locale in locales.items():
        if code != settings.LANGUAGE_CODE:
            LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})
    return locales


def ensure_survey_locales() -> dict[str, Locale]:
    """One locale per language only surveys speak (ar, tr, pl, uk): questionnaires are translated into
    them, but they get no LocaleSynchronization, so the page tree is never copied into them."""
    portal = {code for code, _name in settings.PORTAL_LANGUAGES}
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.SURVEY_LANGUAGES
        if code not in portal
    }


def ensure_home(title: str, intro: str, body: str) -> tuple[HomePage, bool]:
    """The default language's home page as the default site's root; replaces Wagtail's welcome page."""
    locale = Locale.get_default()
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    # Wagtail's welcome page holds the slug; deleting it also removes the site that points at it.
    for welcome in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
        welcome.delete()
    home = root.add_child(
        instance=HomePage(
            title=title, slug="home", intro=intro, body=body, locale=locale, translation_key=HOME_TRANSLATION_KEY
        )
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    return home, True
