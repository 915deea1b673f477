from django import template
from wagtail.models import Page

from portal import navigation

register = template.Library()


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.inclusion_tag("portal/includes/language_switch.html", takes_context=True)
def language_switch(context):
    return {"links": navigation.language_links(context["request"], _current_page(context))}


@register.inclusion_tag("portal/includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    links = navigation.language_links(context["request"], _current_page(context))
    return {"links": [link for link in links if not link.is_fallback], "request": context["request"]}


@register.inclusion_tag("portal/includes/main_menu.html", takes_context=True)
def main_menu(context):
    menu = navigation.main_menu(context["request"])
    current = _current_page(context)
    current_path = current.path if current else ""
    items = [(link, current_path.startswith(link.path)) for link in menu.links] if menu else []
    return {"menu": menu, "items": items}


@register.inclusion_tag("portal/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = _current_page(context)
    return {"ancestors": navigation.breadcrumb_pages(page) if page else [], "page": page}


@register.simple_tag(takes_context=True)
def untranslated_source(context):
    """For a page that mirrors another language's page (a wagtail-localize alias not yet translated): that page."""
    page = _current_page(context)
    if page is None or not page.alias_of_id:
        return None
    source = page.alias_of
    return source if source.locale_id != page.locale_id else None
