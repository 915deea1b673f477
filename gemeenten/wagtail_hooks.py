from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from gemeenten.models import Indicator, Membership
from portal.accounts import LOGIN_DESTINATION_HOOK
from portal.admin_languages import originals_first


class CatalogueOnly:
    """Editors act on the catalogue only: an indicator a team added for itself is that team's data."""

    def get_object(self, queryset=None):
        indicator = super().get_object(queryset)
        if indicator.team_id is not None:
            raise Http404
        return indicator


class IndicatorEditView(CatalogueOnly, EditView):
    pass


class IndicatorDeleteView(CatalogueOnly, DeleteView):
    pass


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indicators")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "code", "scope", "unit", "locale"]
    list_filter = ["scope", "unit", "locale"]
    search_fields = ["name", "code"]
    edit_view_class = IndicatorEditView
    delete_view_class = IndicatorDeleteView
    panels = [
        FieldPanel("name"), FieldPanel("code"), FieldPanel("scope"), FieldPanel("unit"), FieldPanel("decimals"),
        FieldPanel("direction"), FieldPanel("source"), FieldPanel("definition"), FieldPanel("sort_order"),
    ]

    def get_queryset(self, request):
        return originals_first(Indicator.objects.filter(team__isnull=True))


register_snippet(IndicatorViewSet)


@hooks.register(LOGIN_DESTINATION_HOOK)
def workspace_for_team_members(user):
    if Membership.objects.filter(user=user).exists():
        return reverse("gemeenten:workspace")
    return None
