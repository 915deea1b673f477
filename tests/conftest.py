import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from portal.models import HomePage
from stappen.models import ContinuousStepPage, StepIndexPage, StepPage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once; each test then runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        call_command("load_demo", demo_accounts=True, verbosity=0)


@pytest.fixture(autouse=True)
def default_language():
    """Requests activate their language in the test's thread; start every test in the default one."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """allauth remembers used TOTP codes and rate limits in the cache; tests must not inherit them."""
    cache.clear()


@pytest.fixture
def nl(db):
    return Locale.objects.get(language_code="nl")


@pytest.fixture
def en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home(nl):
    return HomePage.objects.get(locale=nl)


@pytest.fixture
def step_index(nl):
    return StepIndexPage.objects.get(locale=nl)


@pytest.fixture
def steps(nl):
    return {step.number: step for step in StepPage.objects.filter(locale=nl)}


@pytest.fixture
def continuous_step(nl):
    return ContinuousStepPage.objects.get(locale=nl)
