from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from participatie.models import Questionnaire


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "form"
    menu_label = _("Questionnaires")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "audience", "locale"]
    list_filter = ["audience", "locale"]
    search_fields = ["title"]


register_snippet(QuestionnaireViewSet)
