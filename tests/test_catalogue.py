"""Every interface string has its Dutch translation, and the catalogue holds every string the code uses."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
import yaml

from participatie.catalogue import make_catalogues, survey_only_languages

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "portal" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
SOURCES = ["manage.py", "portal", "stappen", "voorbeelden", "gemeenten", "participatie", "search", "links"]


def test_dutch_catalogue_is_complete():
    catalogue = polib.pofile(str(CATALOGUE))
    assert len(catalogue) > 100
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_catalogue_holds_every_string_in_the_code(tmp_path):
    """Extract the strings from a copy of the code, as `make messages` does, and compare."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "portal" / "locale" / "nl" / "LC_MESSAGES" / "django.po").unlink()
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale=nl", "--no-obsolete"],
        cwd=tmp_path, capture_output=True, text=True,
        env={"DJANGO_SETTINGS_MODULE": "portal.settings.dev", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    extracted = {entry.msgid for entry in polib.pofile(str(tmp_path / "portal" / "locale" / "nl" / "LC_MESSAGES" / "django.po"))}
    committed = {entry.msgid for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete}
    assert extracted - committed == set(), "run `make messages` and translate the new strings"


@pytest.mark.parametrize("language", survey_only_languages())
def test_survey_language_catalogues_are_complete(language):
    catalogue = polib.pofile(str(ROOT / "portal" / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 50
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_survey_language_catalogues_hold_every_respondent_string(tmp_path):
    make_catalogues(tmp_path)
    for language in survey_only_languages():
        extracted = {entry.msgid for entry in polib.pofile(str(tmp_path / language / "LC_MESSAGES" / "django.po"))}
        committed = {entry.msgid for entry in polib.pofile(str(ROOT / "portal" / "locale" / language / "LC_MESSAGES" / "django.po"))}
        assert extracted - committed == set(), "run `make messages` and translate the new survey strings"



# "u" or "uw" as a word ("a.u.b." is not): the portal says "je" to everyone, in every Dutch text it shows.
FORMAL = re.compile(r"(?<![\w.])(u|uw|U|Uw)(?![\w.])")


def dutch_texts(value):
    """Every text under an `nl` key of a demo content file, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "nl" and isinstance(item, str):
                yield item
            else:
                yield from dutch_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from dutch_texts(item)


def test_dutch_interface_addresses_everyone_as_je():
    catalogue = polib.pofile(str(CATALOGUE))
    formal = [entry.msgstr for entry in catalogue if FORMAL.search(entry.msgstr)]
    formal += [name for name in ("500.html", "403_csrf.html") if FORMAL.search((ROOT / "portal" / "templates" / name).read_text())]
    assert formal == []


@pytest.mark.parametrize("path", sorted(ROOT.glob("*/demo/content/*.yaml")), ids=lambda path: path.name)
def test_dutch_content_addresses_everyone_as_je(path):
    texts = list(dutch_texts(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert [text for text in texts if FORMAL.search(text)] == []
