"""`manage.py import_cbs`: CBS StatLine figures from both CSV formats, a zip and the OData API, all or nothing."""

import io
import shutil
import socket
import threading
import zipfile
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import Locale

from gemeenten.figures.catalogue import load_catalogue
from gemeenten.models import Indicator, IndicatorValue, Team
from gemeenten.models.figures import Origin, Status

DATA = Path(__file__).parent / "data" / "cbs"
CLASSIC = DATA / "86202NED_TypedDataSet.csv"
OBSERVATIONS = DATA / "86202NED_v4"
COUNT, SHARE = "kinderen-laag-inkomen", "kinderen-laag-inkomen-pct"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(default_language):
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def without_public_figures():
    """The demo loads public figures for Velsen; each test starts without them (rolled back after it)."""
    IndicatorValue.objects.filter(team=None).delete()


def run(*args, **options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_cbs", *[str(arg) for arg in args], stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def refused(*args, **options) -> tuple[str, str]:
    """The error message and the listed errors of a run that must fail."""
    err = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_cbs", *[str(arg) for arg in args], stdout=io.StringIO(), stderr=err, **options)
    return str(failure.value), err.getvalue()


def values() -> dict:
    return {
        (value.indicator.code, value.region, value.year): (value.value, value.status)
        for value in IndicatorValue.objects.filter(team=None).select_related("indicator")
    }


def test_classic_csv_with_symbols_padded_keys_and_unknown_regions():
    out, err = run(CLASSIC)
    assert values() == {
        (COUNT, "NL01", 2022): (Decimal("246000"), Status.FINAL),
        (SHARE, "NL01", 2022): (Decimal("7.1"), Status.FINAL),
        (COUNT, "NL01", 2023): (Decimal("250000"), Status.PROVISIONAL),  # '2023JJ00*'
        (SHARE, "NL01", 2023): (Decimal("7.3"), Status.PROVISIONAL),
        (COUNT, "GM0453", 2022): (Decimal("1230"), Status.FINAL),
        (SHARE, "GM0453", 2022): (Decimal("8.2"), Status.FINAL),
        (COUNT, "GM0453", 2023): (Decimal("1310"), Status.PROVISIONAL),  # '1310*'
        (SHARE, "GM0453", 2023): (Decimal("8.7"), Status.PROVISIONAL),  # '8,7*'
        (COUNT, "GM0479", 2022): (None, Status.SECRET),  # '.'
        (SHARE, "GM0479", 2022): (None, Status.SECRET),
        (COUNT, "GM0479", 2023): (Decimal("0"), Status.FINAL),  # '-' is nil; the empty share is left out
        (COUNT, "WK045301", 2022): (Decimal("150"), Status.FINAL),
        (SHARE, "WK045301", 2022): (Decimal("9.9"), Status.FINAL),
    }
    value = IndicatorValue.objects.get(indicator__code=COUNT, region="GM0453", year=2022, team=None)
    assert (value.origin, value.source, value.team) == (Origin.CBS, "CBS StatLine 86202NED", None)
    assert value.indicator.locale == Locale.get_default()
    assert "86202NED_TypedDataSet.csv:5:" in err and "GM0003" in err  # the former municipality, by its line
    assert err.count("\n") == 1
    assert "created 13, changed 0, unchanged 0, secret 2, provisional 4, skipped regions 2, warnings 1" in out


def test_observations_with_code_files():
    out, err = run(OBSERVATIONS / "Observations.csv")
    assert values() == {
        (COUNT, "NL01", 2022): (Decimal("246000"), Status.FINAL),
        (SHARE, "NL01", 2022): (Decimal("7.1"), Status.FINAL),
        (COUNT, "GM0453", 2023): (Decimal("1320"), Status.PROVISIONAL),  # PeriodenCodes: Voorlopig
        (SHARE, "GM0453", 2023): (Decimal("8.8"), Status.PROVISIONAL),
        (COUNT, "GM0479", 2023): (None, Status.SECRET),  # Confidential; the Unknown share is left out
        (COUNT, "WK045301", 2022): (Decimal("150"), Status.FINAL),
    }
    assert IndicatorValue.objects.get(team=None, region="WK045301").region_name == "Wijk 01 IJmuiden"
    assert "Observations.csv:10:" in err and "GM0003" in err
    assert "created 6, changed 0, unchanged 0, secret 1, provisional 2, skipped regions 1, warnings 1" in out


@pytest.mark.parametrize("packed", ["folder", "zip"])
def test_observations_from_a_folder_or_a_zip(tmp_path, packed):
    path = OBSERVATIONS
    if packed == "zip":
        path = tmp_path / "86202NED.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for file in OBSERVATIONS.iterdir():
                archive.write(file, f"download/{file.name}")
    run(path)
    assert len(values()) == 6
    assert values()[(COUNT, "GM0479", 2023)] == (None, Status.SECRET)


def test_observations_without_their_code_file_are_refused(tmp_path):
    folder = tmp_path / "86202NED"
    shutil.copytree(OBSERVATIONS, folder)
    (folder / "PeriodenCodes.csv").unlink()
    message, err = refused(folder)
    assert "PeriodenCodes.csv" in err
    assert "Nothing was imported" in message
    assert not IndicatorValue.objects.filter(team=None).exists()


def test_monthly_table_keeps_december_and_the_totals():
    run(DATA / "82015NED_TypedDataSet.csv")
    assert values() == {
        ("bijstandsuitkeringen", "GM0453", 2022): (Decimal("800"), Status.FINAL),
        ("bijstandsuitkeringen", "GM0453", 2023): (Decimal("820"), Status.FINAL),
        ("bijstandsuitkeringen", "NL01", 2023): (Decimal("410000"), Status.FINAL),
    }


def test_importing_again_touches_only_what_changed(tmp_path):
    run(CLASSIC)
    loaded = dict(IndicatorValue.objects.filter(team=None).values_list("pk", "loaded_at"))
    out, _err = run(CLASSIC)
    assert "created 0, changed 0, unchanged 13" in out
    assert dict(IndicatorValue.objects.filter(team=None).values_list("pk", "loaded_at")) == loaded

    changed = tmp_path / "86202NED_update.csv"
    changed.write_text(CLASSIC.read_text().replace('"      1230"', '"      1240"'))
    out, _err = run(changed)
    assert "created 0, changed 1, unchanged 12" in out
    value = IndicatorValue.objects.get(indicator__code=COUNT, region="GM0453", year=2022, team=None)
    assert value.value == Decimal("1240")
    assert value.loaded_at > loaded[value.pk]
    assert {pk: at for pk, at in IndicatorValue.objects.filter(team=None).values_list("pk", "loaded_at") if pk != value.pk} == {
        pk: at for pk, at in loaded.items() if pk != value.pk
    }


def test_cbs_figures_replace_demo_figures_but_not_a_teams_own():
    load_catalogue()
    indicator = Indicator.objects.get(code=COUNT, locale=Locale.get_default())
    team = Team.objects.first()
    demo = {year: IndicatorValue.objects.create(
        indicator=indicator, region="GM0453", year=year, value=Decimal("840"), origin=Origin.DEMO, source="Demo"
    ) for year in (2019, 2022)}
    own = IndicatorValue.objects.create(
        indicator=indicator, region="GM0453", year=2022, value=Decimal("777"), origin=Origin.TEAM, source="Eigen", team=team
    )
    out, _err = run(CLASSIC)
    assert "created 12, changed 1, unchanged 0" in out
    demo[2022].refresh_from_db()
    assert (demo[2022].value, demo[2022].origin, demo[2022].source) == (Decimal("1230"), Origin.CBS, "CBS StatLine 86202NED")
    assert IndicatorValue.objects.get(pk=demo[2019].pk).origin == Origin.DEMO
    own.refresh_from_db()
    assert (own.value, own.origin, own.team) == (Decimal("777"), Origin.TEAM, team)


def test_dry_run_writes_nothing():
    out, _err = run(CLASSIC, dry_run=True, verbosity=2)
    assert "created 13," in out and "Dry run" in out
    assert f"+ {SHARE} GM0453 2023: 8.7 (Provisional)" in out.splitlines()
    assert not IndicatorValue.objects.filter(team=None).exists()


def test_broken_file_is_reported_row_by_row_and_nothing_is_kept():
    load_catalogue()
    indicator = Indicator.objects.get(code=COUNT, locale=Locale.get_default())
    count = IndicatorValue.objects.count()
    before = IndicatorValue.objects.create(
        indicator=indicator, region="GM0453", year=2020, value=Decimal("1400"), origin=Origin.CBS, source="CBS StatLine 85678NED"
    )
    message, err = refused(DATA / "85678NED_broken.csv")
    assert "Nothing was imported: 3 errors" in message
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("85678NED_broken.csv:3:") and "2,5,0" in lines[0]
    assert lines[1].startswith("85678NED_broken.csv:5:") and "expected 5 fields, found 4" in lines[1]
    assert lines[2].startswith("85678NED_broken.csv:6:") and "2020JX00" in lines[2]
    assert IndicatorValue.objects.count() == count + 1
    kept = IndicatorValue.objects.get(team=None)
    assert (kept.value, kept.loaded_at) == (Decimal("1400"), before.loaded_at)


def test_a_long_list_of_errors_is_cut_short(tmp_path):
    broken = tmp_path / "86202NED.csv"
    rows = [f'"{n}";"GM0453";"{1990 + n}JJ00";"many"' for n in range(60)]
    broken.write_text('"ID";"RegioS";"Perioden";"MinderjarigeKinderen_1"\n' + "\n".join(rows))
    message, err = refused(broken)
    assert "60 errors" in message
    assert len(err.splitlines()) == 51 and err.splitlines()[-1] == "… and 10 more"


def test_a_file_without_the_tables_measures_is_refused():
    message, err = refused(DATA / "82015NED_TypedDataSet.csv", table="86202NED")
    assert "MinderjarigeKinderen" in err
    assert not IndicatorValue.objects.filter(team=None).exists()


def test_unknown_or_missing_table(tmp_path):
    message, _err = refused(CLASSIC, table="12345XYZ")
    assert "12345XYZ" in message and "82015NED, 85678NED, 86202NED" in message
    unnamed = tmp_path / "figures.csv"
    shutil.copy(CLASSIC, unnamed)
    message, _err = refused(unnamed)
    assert "--table" in message
    run(unnamed, table="86202ned")
    assert len(values()) == 13


class FakeCbs(BaseHTTPRequestHandler):
    """Serves our fixture files as CBS's OData API would; remembers what was asked."""

    requests: list[str] = []

    def do_GET(self):
        self.requests.append(unquote(self.path))
        path, _sep, query = self.path.partition("?")
        files = {
            "/odata/86202NED/TypedDataSet": "TypedDataSet_2.json" if "skiptoken" in query else "TypedDataSet.json",
            "/odata/86202NED/RegioS": "RegioS.json",
        }
        if path not in files:
            self.send_error(404)
            return
        base = f"http://127.0.0.1:{self.server.server_port}/odata"
        body = (DATA / "odata" / files[path]).read_text().replace("{base}", base).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def cbs_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeCbs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeCbs.requests = []
    settings.CBS_ODATA_URL = f"http://127.0.0.1:{server.server_port}/odata"
    yield FakeCbs.requests
    server.shutdown()
    server.server_close()


def test_fetch_follows_the_pages_of_the_odata_api(cbs_server):
    out, err = run(fetch="86202NED")
    assert values() == {
        (COUNT, "NL01", 2022): (Decimal("246000"), Status.FINAL),
        (SHARE, "NL01", 2022): (Decimal("7.1"), Status.FINAL),
        (COUNT, "GM0453", 2022): (Decimal("1230"), Status.FINAL),
        (SHARE, "GM0453", 2022): (Decimal("8.2"), Status.FINAL),
        (SHARE, "GM0479", 2023): (Decimal("9.4"), Status.FINAL),  # null: no value
        (COUNT, "WK045301", 2022): (Decimal("150"), Status.FINAL),
        (SHARE, "WK045301", 2022): (Decimal("9.9"), Status.FINAL),
    }
    assert IndicatorValue.objects.filter(region="WK045301", region_name="Wijk 01 IJmuiden").count() == 2
    assert "GM0003" in err
    assert "substringof('GM',RegioS)" in cbs_server[0] and "$format=json" in cbs_server[0]
    assert len(cbs_server) == 3  # two pages and the district names
    assert "created 7" in out


def test_fetch_reports_http_errors_and_an_unreachable_cbs(cbs_server, settings):
    message, _err = refused(fetch="85678NED")
    assert "404" in message
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.CBS_ODATA_URL = f"http://127.0.0.1:{port}/odata"
    message, _err = refused(fetch="86202NED")
    assert message.startswith("could not reach CBS")
    assert not IndicatorValue.objects.filter(team=None).exists()

