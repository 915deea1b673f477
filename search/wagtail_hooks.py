from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_languages import OriginalsFirstViewSetMixin
from search.admin_views import search_terms_report
from search.models import SynonymGroup


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("reports/search-terms/", search_terms_report, name="search_terms_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return MenuItem(_("Search terms"), reverse("search_terms_report"), icon_name="search", order=700)


class SynonymGroupViewSet(OriginalsFirstViewSetMixin, SnippetViewSet):
    model = SynonymGroup
    icon = "resubmit"
    menu_label = _("Synonyms")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["__str__", "locale"]
    search_fields = ["words"]


register_snippet(SynonymGroupViewSet)
