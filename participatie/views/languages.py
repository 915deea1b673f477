"""Which language a respondent sees: chosen once from the browser, and from then on from the address.

Dutch has no prefix (/doe-mee/...), every other language has one (/ar/doe-mee/...). A prefix or a
`?taal=` parameter is an explicit choice; only without one does the browser's Accept-Language count.
"""

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

from participatie.models import SurveyRun
from participatie.questions import survey_languages

CHOICE_PARAMETER = "taal"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str  # where a link leads: the start of the page in this language
    action: str  # where the form goes when the answers must come along
    is_current: bool


def url_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(f"participatie:{name}", kwargs=kwargs)


def start_url(language: str, name: str, **kwargs) -> str:
    """A link that keeps its language: the unprefixed Dutch address says so, or the browser would choose."""
    url = url_in(language, name, **kwargs)
    return f"{url}?{CHOICE_PARAMETER}={language}" if language == settings.LANGUAGE_CODE else url


def run_languages(run: SurveyRun) -> list[tuple[str, str]]:
    """The languages the run's questionnaire is published in; at least the questionnaire's own."""
    languages = survey_languages(run)
    if languages:
        return languages
    own = run.questionnaire.locale.language_code
    return [(code, name) for code, name in settings.SURVEY_LANGUAGES if code == own] or [settings.SURVEY_LANGUAGES[0]]


def language_links(languages, name: str, **kwargs) -> list[LanguageLink]:
    current = translation.get_language()
    return [
        LanguageLink(code, label, start_url(code, name, **kwargs), url_in(code, name, **kwargs), code == current)
        for code, label in languages
    ]


def choose_language(request, languages, name: str, **kwargs):
    """A redirect to the language this visitor should see, or None when the current one is right."""
    codes = [code for code, _label in languages]
    current = translation.get_language()
    chosen = request.GET.get(CHOICE_PARAMETER, "")
    target = None
    if chosen in codes:
        target = chosen if chosen != current else None
    elif translation.get_language_from_path(request.path_info) is None:
        preferred = _preferred(request, codes)
        target = preferred if preferred and preferred != current else None
    if target is None and current not in codes:
        target = codes[0]
    if target is None:
        return None
    response = redirect(start_url(target, name, **kwargs))
    patch_vary_headers(response, ["Accept-Language"])
    return response


def _preferred(request, codes) -> str | None:
    for tag, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        for candidate in (tag, tag.split("-")[0]):
            if candidate in codes:
                return candidate
    return None


def is_explicit(request) -> bool:
    return request.GET.get(CHOICE_PARAMETER) == translation.get_language()
