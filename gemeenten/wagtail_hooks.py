from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from gemeenten.models import Indicator


class IndicatorViewSet(SnippetViewSet):
    """The catalogue editors keep; indicators a team added for itself stay in that team's workspace."""

    model = Indicator
    icon = "table"
    menu_label = _("Indicators")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "code", "scope", "unit", "locale"]
    list_filter = ["scope", "unit", "locale"]
    search_fields = ["name", "code"]
    panels = [
        FieldPanel("name"), FieldPanel("code"), FieldPanel("scope"), FieldPanel("unit"), FieldPanel("decimals"),
        FieldPanel("direction"), FieldPanel("source"), FieldPanel("definition"), FieldPanel("sort_order"),
    ]

    def get_queryset(self, request):
        return Indicator.objects.filter(team__isnull=True)


register_snippet(IndicatorViewSet)
