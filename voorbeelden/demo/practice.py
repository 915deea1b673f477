"""Loads the overview pages, practice examples and interventions, in Dutch with English translations."""

from pathlib import Path

import yaml
from django.db import transaction
from wagtail.models import Locale

from portal.demo.pages import LoadReport, ensure, translate_missing
from portal.demo.stream import StreamBuilder, stable_id
from portal.demo.translate import Glossary
from portal.models import HomePage, Municipality
from voorbeelden.factories import (
    ExampleIndexPageFactory,
    ExamplePageFactory,
    InterventionIndexPageFactory,
    InterventionPageFactory,
)
from voorbeelden.models import ExampleIndexPage, ExamplePage, FacetValue, InterventionIndexPage, InterventionPage

CONTENT_DIR = Path(__file__).parent / "content"


class PracticeStreamBuilder(StreamBuilder):
    def _results(self, key, value):
        return "results", {"heading": self.optional_text(value.get("heading")), "items": self.items(key, value["items"], self.text)}

    def _quote(self, key, value):
        return "quote", {"text": self.text(value["text"]), "attribution": self.optional_text(value.get("attribution"))}

    def _links(self, key, value):
        def link(entry):
            return {"title": self.text(entry["title"]), "url": entry["url"], "description": ""}

        return "links", {"heading": self.optional_text(value.get("heading")), "links": self.items(key, value["items"], link)}


def read_content(name: str):
    return yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))


def load_practice(default_locale: Locale, target_locales: list[Locale]) -> LoadReport:
    report = LoadReport()
    glossary = Glossary()
    with transaction.atomic():
        objects = _load_default_language(default_locale, PracticeStreamBuilder(glossary), report)
    translate_missing(objects, target_locales, glossary, report)
    return report


def _load_default_language(locale, builder, report):
    home = HomePage.objects.get(locale=locale, depth=2)
    indexes = read_content("indexes.yaml")
    example_index = _index(ExampleIndexPage, ExampleIndexPageFactory, indexes["examples"], home, locale, builder, report)
    intervention_index = _index(
        InterventionIndexPage, InterventionIndexPageFactory, indexes["interventions"], home, locale, builder, report
    )
    municipalities = {m.code: m for m in Municipality.objects.all()}
    pages = [example_index, intervention_index]
    for entry in read_content("examples.yaml"):
        pages.append(
            ensure(
                ExamplePage, ExamplePageFactory, report, stable_id("page", entry["slug"]), locale,
                parent=example_index,
                municipality=municipalities[entry["municipality"]] if entry.get("municipality") else None,
                kind=entry["kind"],
                url=entry.get("url", ""),
                facet_values=_facet_values(entry, ExamplePage.facet_names),
                **_page_fields(builder, entry),
            )
        )
    for entry in read_content("interventions.yaml"):
        if entry.get("organisation"):
            builder.glossary.add(entry["organisation"], entry["organisation"])
        pages.append(
            ensure(
                InterventionPage, InterventionPageFactory, report, stable_id("page", entry["slug"]), locale,
                parent=intervention_index,
                organisation=entry.get("organisation", ""),
                evidence_level=entry["evidence_level"],
                evidence_assessed_on=entry.get("evidence_assessed_on"),
                evidence_target_group=builder.optional_text(entry.get("evidence_target_group")),
                url=entry.get("url", ""),
                database_url=entry.get("database_url", ""),
                facet_values=_facet_values(entry, InterventionPage.facet_names),
                **_page_fields(builder, entry),
            )
        )
    for page in pages:
        builder.glossary.add(page.slug, page.slug)
    return pages


def _index(model, factory_class, content, home, locale, builder, report):
    return ensure(
        model, factory_class, report, stable_id("page", content["slug"]), locale,
        parent=home,
        slug=content["slug"],
        title=builder.text(content["title"]),
        intro=builder.text(content["intro"]),
        show_in_menus=True,
    )


def _page_fields(builder, entry):
    return {
        "slug": entry["slug"],
        "title": builder.text(entry["title"]),
        "summary": builder.text(entry["summary"]),
        "body": builder.body(entry["slug"], entry.get("body", [])),
    }


def _facet_values(entry, facet_names):
    return [FacetValue(facet=name, value=str(value)) for name in facet_names for value in entry.get(name, [])]
