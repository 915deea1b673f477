"""Loads the seven steps, the continuous step, their resources and the glossary, in Dutch with English translations."""

from pathlib import Path

import yaml
from django.db import transaction
from wagtail.models import Locale

from portal.demo.site import ensure_home
from portal.demo.pages import LoadReport, ensure, translate_missing
from portal.demo.translate import Glossary
from portal.demo.stream import stable_id
from stappen.demo.glossary import load_glossary
from stappen.demo.stream import MethodStreamBuilder
from stappen.factories import ContinuousStepPageFactory, ResourceFactory, StepIndexPageFactory, StepPageFactory
from stappen.models import ContinuousStepPage, Resource, StepIndexPage, StepPage

CONTENT_DIR = Path(__file__).parent / "content"


def read_content(name: str):
    return yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))


def load_method(default_locale: Locale, target_locales: list[Locale]) -> LoadReport:
    """Create what is missing, leave what exists (editors may have changed it), translate what is untranslated.

    The Dutch content is created in one transaction; each translation then commits on its own,
    so a run that stops half-way is completed by the next.
    """
    report = LoadReport()
    with transaction.atomic():
        glossary, objects = _load_default_language(default_locale, report)
    translate_missing(objects, target_locales, glossary, report)
    report.extend(load_glossary(default_locale, target_locales))
    return report


def _load_default_language(default_locale, report):
    glossary = Glossary()
    method = read_content("method.yaml")
    builder = MethodStreamBuilder(glossary, {})

    resources = {}
    for entry in read_content("resources.yaml"):
        resources[entry["key"]] = ensure(
            Resource,
            ResourceFactory,
            report,
            stable_id("resource", entry["key"]),
            default_locale,
            title=builder.text(entry["title"]),
            url=entry["url"],
            organisation=_organisation(builder, entry["organisation"]),
            kind=entry["kind"],
            language=entry["language"],
            summary=builder.text(entry["summary"]),
        )
    builder.resource_ids = {key: resource.pk for key, resource in resources.items()}

    home_content = method["home"]
    home, created = ensure_home(
        title=builder.text(home_content["title"]),
        intro=builder.text(home_content["intro"]),
        body=builder.paragraphs(home_content["body"]),
    )
    if created:
        report.created.append(str(home))

    index_content = method["index"]
    index = ensure(
        StepIndexPage,
        StepIndexPageFactory,
        report,
        stable_id("page", index_content["slug"]),
        default_locale,
        parent=home,
        slug=index_content["slug"],
        title=builder.text(index_content["title"]),
        intro=builder.text(index_content["intro"]),
        show_in_menus=True,
    )
    pages = []
    for step in method["steps"]:
        pages.append(
            ensure(
                StepPage,
                StepPageFactory,
                report,
                stable_id("page", step["slug"]),
                default_locale,
                parent=index,
                number=step["number"],
                **_method_page_fields(builder, step),
            )
        )
    continuous = method["continuous_step"]
    pages.append(
        ensure(
            ContinuousStepPage,
            ContinuousStepPageFactory,
            report,
            stable_id("page", continuous["slug"]),
            default_locale,
            parent=index,
            **_method_page_fields(builder, continuous),
        )
    )
    for slug in [home.slug, index.slug, *(page.slug for page in pages)]:
        glossary.add(slug, slug)
    return glossary, [*resources.values(), home, index, *pages]


def _organisation(builder, value):
    if isinstance(value, dict):
        return builder.text(value)
    builder.glossary.add(value, value)
    return value


def _method_page_fields(builder, content):
    return {
        "slug": content["slug"],
        "title": builder.text(content["title"]),
        "intro": builder.text(content["intro"]),
        "body": builder.body(content["slug"], content["body"]),
    }

