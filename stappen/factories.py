import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from stappen.models import ContinuousStepPage, GlossaryTerm, Resource, StepIndexPage, StepPage


class ResourceFactory(DjangoModelFactory):
    title = factory.Faker("sentence", nb_words=4, locale="nl_NL")
    url = factory.Sequence(lambda n: f"https://www.nji.nl/voorbeeld/{n}")
    organisation = "NJi"
    kind = Resource.Kind.GUIDE
    language = Resource.Language.DUTCH
    summary = factory.Faker("paragraph", nb_sentences=2, locale="nl_NL")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Resource


class GlossaryTermFactory(DjangoModelFactory):
    """A published term; pass live=False for one that was never published."""

    term = factory.Sequence(lambda n: f"vakterm{n}")
    variants = ""
    explanation = factory.Faker("sentence", nb_words=12, locale="nl_NL")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = GlossaryTerm


class StepIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stappenplan"
    slug = "stappenplan"
    intro = factory.Faker("paragraph", nb_sentences=2, locale="nl_NL")

    class Meta:
        model = StepIndexPage


class StepPageFactory(wagtail_factories.PageFactory):
    number = factory.Sequence(lambda n: n % 7 + 1)
    title = factory.LazyAttribute(lambda page: f"Stap {page.number}")
    slug = factory.LazyAttribute(lambda page: f"stap-{page.number}")
    intro = factory.Faker("sentence", nb_words=12, locale="nl_NL")
    body = factory.LazyFunction(list)

    class Meta:
        model = StepPage


class ContinuousStepPageFactory(wagtail_factories.PageFactory):
    title = "Betrek jongeren en ouders"
    slug = "betrek-jongeren-en-ouders"
    intro = factory.Faker("sentence", nb_words=12, locale="nl_NL")
    body = factory.LazyFunction(list)

    class Meta:
        model = ContinuousStepPage
