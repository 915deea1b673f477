import datetime

import factory
import wagtail_factories

from voorbeelden.models import ExampleIndexPage, ExamplePage, InterventionIndexPage, InterventionPage


class ExampleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Praktijkvoorbeelden"
    slug = "voorbeelden"

    class Meta:
        model = ExampleIndexPage


class InterventionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Interventies"
    slug = "interventies"

    class Meta:
        model = InterventionIndexPage


class ExamplePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5, locale="nl_NL")
    kind = "approach"
    summary = factory.Faker("paragraph", nb_sentences=2, locale="nl_NL")
    body = factory.LazyFunction(list)

    class Meta:
        model = ExamplePage


class InterventionPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4, locale="nl_NL")
    organisation = factory.Faker("company", locale="nl_NL")
    summary = factory.Faker("paragraph", nb_sentences=2, locale="nl_NL")
    body = factory.LazyFunction(list)

    class Meta:
        model = InterventionPage

    class Params:
        # A level with the record that supports it, as the intervention's entry in a national database states it.
        assessed = factory.Trait(
            evidence_level="good_indications",
            evidence_assessed_on=datetime.date(2019, 4, 8),
            evidence_target_group="ouders met minstens één kind van zes jaar of jonger",
            database_url="https://www.nji.nl/nl/Databank/Effectieve-Jeugdinterventies/Interventies/Erkend/Home-Start",
        )
