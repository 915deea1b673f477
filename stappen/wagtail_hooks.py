from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_languages import OriginalsFirstViewSetMixin
from stappen.models import GlossaryTerm, Resource


class ResourceViewSet(OriginalsFirstViewSetMixin, SnippetViewSet):
    model = Resource
    icon = "link"
    menu_label = _("Resources")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "organisation", "kind", "locale"]
    list_filter = ["kind", "language", "locale"]
    search_fields = ["title", "organisation", "summary"]


register_snippet(ResourceViewSet)


class GlossaryTermViewSet(OriginalsFirstViewSetMixin, SnippetViewSet):
    model = GlossaryTerm
    icon = "info-circle"
    menu_label = _("Glossary")
    menu_order = 205
    add_to_admin_menu = True
    list_display = ["term", "variants", "explanation", "locale"]
    list_filter = ["locale", "live"]
    search_fields = ["term", "variants", "explanation"]


register_snippet(GlossaryTermViewSet)
