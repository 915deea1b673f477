from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from participatie.models import Questionnaire
from portal.admin_languages import TRANSLATION_LANGUAGES_HOOK, OriginalsFirstViewSetMixin


class QuestionnaireViewSet(OriginalsFirstViewSetMixin, SnippetViewSet):
    model = Questionnaire
    icon = "form"
    menu_label = _("Questionnaires")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "audience", "locale"]
    list_filter = ["audience", "locale"]
    search_fields = ["title"]


register_snippet(QuestionnaireViewSet)


@hooks.register(TRANSLATION_LANGUAGES_HOOK)
def questionnaires_in_every_survey_language(model):
    if issubclass(model, Questionnaire):
        return [code for code, _name in settings.SURVEY_LANGUAGES]
    return None
