"""The editors' panels on the admin's home page: what to look at today, each with real figures.

Each panel reads through the owning app's own interface where it has one (search counts, the link check);
the figures on translations and running surveys are read from wagtail-localize and the survey runs.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationLog

from links.models import Link
from links.views import may_edit_pages
from participatie.models import Questionnaire
from search.statistics import top_terms

SHOWN = 5  # rows per panel
SEARCH_DAYS = 7


@dataclass
class StaleTranslation:
    """A translated page whose original changed after the translation was last brought up to date."""

    page: Page
    original: Page
    source_id: int  # the wagtail-localize source, for its "update translations" view
    changed_at: datetime.datetime


def searches_without_results(days: int = SEARCH_DAYS, limit: int = SHOWN):
    """The terms that found nothing most often in the last `days` days, with how often."""
    return list(top_terms(days, limit=limit, without_results=True))


def problem_links(limit: int = SHOWN) -> tuple[list[Link], int]:
    """The newest broken, unreachable or moved links with their pages, and how many there are in all."""
    problems = Link.objects.problems()
    return list(problems.with_carriers()[:limit]), problems.count()


def stale_translations() -> list[StaleTranslation]:
    """Translated pages whose original was published after its text was last taken for translation, or whose
    translation has not been published since: newest change first."""
    translations = list(
        Translation.objects.filter(enabled=True, source__object__content_type=ContentType.objects.get_for_model(Page))
        .select_related("source")
    )
    keys = {translation.source.object_id for translation in translations}
    pages = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .only("title", "draft_title", "translation_key", "locale_id", "live", "last_published_at", "content_type_id")
    }
    published = {
        (log["source_id"], log["locale_id"]): log["last"]
        for log in TranslationLog.objects.filter(source__in={t.source_id for t in translations})
        .values("source_id", "locale_id").annotate(last=Max("created_at"))
    }
    stale = []
    for translation in translations:
        source = translation.source
        original = pages.get((source.object_id, source.locale_id))
        page = pages.get((source.object_id, translation.target_locale_id))
        if not (original and page and original.live and original.last_published_at):
            continue
        translated_at = published.get((source.pk, translation.target_locale_id))
        if original.last_published_at > source.last_updated_at or not translated_at or translated_at < source.last_updated_at:
            stale.append(StaleTranslation(page, original, source.pk, original.last_published_at))
    return sorted(stale, key=lambda item: item.changed_at, reverse=True)


def questionnaires_in_use(today: datetime.date | None = None):
    """The questionnaires that open survey runs use today, with how many runs and until when."""
    today = today or timezone.localdate()
    running = Q(runs__purged_on__isnull=True, runs__opens_on__lte=today, runs__closes_on__gte=today)
    return (
        Questionnaire.objects.annotate(running=Count("runs", filter=running), until=Max("runs__closes_on", filter=running))
        .filter(running__gt=0)
        .select_related("locale")
        .order_by("-running", "title")
    )


class DashboardPanel(Component):
    """A panel with a heading, its figures, and a sentence in plain words when there are none."""

    name = ""
    order = 100

    class Media:
        css = {"all": ["portal/admin/card_rows.css", "portal/admin/dashboard.css"]}

    def get_context_data(self, parent_context):
        return {"request": parent_context["request"], **self.figures()}

    def figures(self) -> dict:
        raise NotImplementedError


class SearchesWithoutResultsPanel(DashboardPanel):
    name = "searches_without_results"
    template_name = "portal/dashboard/searches_without_results.html"
    order = 110

    def figures(self):
        return {"terms": searches_without_results(), "days": SEARCH_DAYS}


class BrokenLinksPanel(DashboardPanel):
    name = "broken_links"
    template_name = "portal/dashboard/broken_links.html"
    order = 120

    def figures(self):
        links, total = problem_links()
        return {"links": links, "total": total, "last_checked_at": Link.objects.last_checked_at()}


class StaleTranslationsPanel(DashboardPanel):
    name = "stale_translations"
    template_name = "portal/dashboard/stale_translations.html"
    order = 130

    def figures(self):
        stale = stale_translations()
        return {"stale": stale[:SHOWN], "total": len(stale)}


class QuestionnairesInUsePanel(DashboardPanel):
    name = "questionnaires_in_use"
    template_name = "portal/dashboard/questionnaires_in_use.html"
    order = 140

    def figures(self):
        return {"questionnaires": list(questionnaires_in_use())}


PANELS = [SearchesWithoutResultsPanel, BrokenLinksPanel, StaleTranslationsPanel, QuestionnairesInUsePanel]


def add_editor_panels(request, panels) -> None:
    """The `construct_homepage_panels` hook: editors get the four panels, other admin users none."""
    if may_edit_pages(request.user):
        panels.extend(panel() for panel in PANELS)
