"""The respondent's strings in the survey-only languages (Arabic, Turkish, Polish, Ukrainian).

Those languages have no rest of the site, so their catalogues in portal/locale/ hold only what
respondents and the public results page show, made from these sources alone (`manage.py survey_messages`).
"""

import contextlib
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

APP = Path(__file__).resolve().parent
LOCALE = Path(settings.LOCALE_PATHS[0])
RESPONDENT_SOURCES = [
    "templates/participatie/respond",
    "templates/participatie/public",
    "views/respond.py",
    "views/languages.py",
    "views/public.py",
    "forms.py",
    "submissions.py",
    "questions.py",
    "results.py",
    "presentation.py",
    "themes.py",
]


def survey_only_languages() -> list[str]:
    portal = {code for code, _name in settings.PORTAL_LANGUAGES}
    return [code for code, _name in settings.SURVEY_LANGUAGES if code not in portal]


def make_catalogues(target: Path = LOCALE) -> None:
    """Extract the respondent's strings into target/<language>/LC_MESSAGES/django.po, merging what is there."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for source in RESPONDENT_SOURCES:
            path = APP / source
            if path.is_dir():
                shutil.copytree(path, work / source)
            else:
                (work / source).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, work / source)
        if target.exists():
            shutil.copytree(target, work / "locale")
        else:
            (work / "locale").mkdir()
        with contextlib.chdir(work):
            call_command("makemessages", locale=survey_only_languages(), no_obsolete=True, verbosity=0)
        for language in survey_only_languages():
            destination = target / language / "LC_MESSAGES"
            destination.mkdir(parents=True, exist_ok=True)
            shutil.copy(work / "locale" / language / "LC_MESSAGES" / "django.po", destination / "django.po")

