"""The indicator catalogue: shipped in two languages, loaded once, kept by editors, never listing a team's own."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale

from gemeenten.figures.catalogue import cbs_tables, load_catalogue
from gemeenten.models import Indicator
from gemeenten.models.figures import Scope, Unit
from tests.users import make_user, sign_in_with_second_factor
from tests.workspace import make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def locales(nl, en):
    return nl, en


def test_catalogue_is_written_in_both_languages_and_only_once(locales, capsys):
    nl, en = locales
    Indicator.objects.all().delete()
    call_command("load_indicators")
    assert "8 indicators created" in capsys.readouterr().out
    source = Indicator.objects.get(code="kinderen-laag-inkomen-pct", locale=nl)
    english = Indicator.objects.get(translation_key=source.translation_key, locale=en)
    assert source.name.startswith("Aandeel kinderen") and english.name.startswith("Share of children")
    assert (source.unit, english.unit, source.scope) == (Unit.PERCENT, Unit.PERCENT, Scope.NATIONAL)

    source.name = "Door de redactie aangepast"
    source.save()
    assert load_catalogue() == []
    assert Indicator.objects.get(pk=source.pk).name == "Door de redactie aangepast"
    assert Indicator.objects.filter(code="kinderen-laag-inkomen-pct").count() == 2


def test_every_cbs_measure_fills_a_catalogue_indicator(locales):
    load_catalogue()
    codes = set(Indicator.objects.filter(locale=Locale.get_default()).values_list("code", flat=True))
    for table in cbs_tables().values():
        assert set(table.measures.values()) <= codes, table.identifier


def test_editors_keep_the_catalogue_but_never_see_a_teams_own_indicators(client, locales):
    load_catalogue()
    _user, team, _plan = make_team()
    Indicator.objects.create(code="team-eigen", name="Schoolontbijt in Velsen-Noord", unit=Unit.NUMBER, team=team,
                             locale=Locale.get_default())
    sign_in_with_second_factor(client, make_user("redactie@nji.example", group="Editors"))
    listing = client.get(reverse("wagtailsnippets_gemeenten_indicator:list"))
    assert listing.status_code == 200
    assert "Aandeel kinderen in een huishouden met een laag inkomen" in listing.content.decode()
    assert "Schoolontbijt in Velsen-Noord" not in listing.content.decode()
    own = Indicator.objects.get(code="team-eigen")
    for view in ("edit", "delete"):
        assert client.get(reverse(f"wagtailsnippets_gemeenten_indicator:{view}", args=[own.pk])).status_code == 404
