from django.urls import path
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

from portal.admin_languages import PageTranslationView, SnippetTranslationView, originals_first
from portal.dashboard import add_editor_panels


class ContentAccessibilityItem(ContentCheckerItem):
    """The userbar's checker looks at what editors write: the main content, not the site's own chrome
    (which the test suite checks with axe-core), with extra rules for lists, tables, images and languages."""

    axe_include = ["main"]
    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "list",
        "listitem",
        "table-duplicate-name",
        "td-headers-attr",
        "th-has-data-cells",
        "valid-lang",
    ]


@hooks.register("construct_wagtail_userbar")
def use_content_accessibility_checker(request, items, page):
    items[:] = [
        ContentAccessibilityItem(in_editor=item.in_editor) if isinstance(item, ContentCheckerItem) else item
        for item in items
    ]


# Before wagtail-localize's own (order): the same addresses, so its "Translate" buttons and links lead here.
@hooks.register("register_admin_urls", order=-1)
def translate_into_the_languages_of_each_model():
    return [
        path("localize/submit/page/<int:page_id>/", PageTranslationView.as_view()),
        path("localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/", SnippetTranslationView.as_view()),
    ]


@hooks.register("construct_explorer_page_queryset")
def dutch_home_first(parent_page, pages, request):
    """At the root the explorer lists one home page per language; unless an editor sorts or searches, Dutch first."""
    if parent_page.is_root() and not request.GET.get("ordering") and not request.GET.get("q"):
        return originals_first(pages)
    return pages


hooks.register("construct_homepage_panels", add_editor_panels)
