from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stappen.models import Resource


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "link"
    menu_label = _("Resources")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "organisation", "kind", "locale"]
    list_filter = ["kind", "language", "locale"]
    search_fields = ["title", "organisation", "summary"]


register_snippet(ResourceViewSet)
