"""Demo figures for the Velsen demo team (content/figures.yaml): made up, stored as demo, labelled as such.

Public demo values are written where no value exists yet (an imported CBS figure is never replaced);
the team's own figures and its discussion of them only when the team has none yet.
"""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from gemeenten.analysis import learning_questions
from gemeenten.models import FigureReview, Indicator, IndicatorValue, Team
from gemeenten.models.figures import Origin, Status
from portal.demo.pages import LoadReport
from portal.demo.stream import ContentError
from portal.models import User

CONTENT = Path(__file__).parent / "content" / "figures.yaml"


def _parse(raw) -> tuple[Decimal | None, str]:
    text = str(raw)
    if text == ".":
        return None, Status.SECRET
    if text.endswith("*"):
        return Decimal(text[:-1]), Status.PROVISIONAL
    return Decimal(text), Status.FINAL


@transaction.atomic
def load_demo_figures() -> LoadReport:
    report = LoadReport()
    content = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    indicators = {
        indicator.code: indicator
        for indicator in Indicator.objects.filter(team__isnull=True, locale=Locale.get_default())
    }
    now = timezone.now()
    reviewed_at = now - timedelta(days=content["reviewed_days_ago"])
    earlier = reviewed_at - timedelta(days=20)

    def write(code, region, year, raw, team=None, source=content["source"], region_name=""):
        if code not in indicators:
            raise ContentError(f"Unknown indicator {code!r}: is the catalogue loaded (load_indicators)?")
        value, status = _parse(raw)
        found = IndicatorValue.objects.filter(indicator=indicators[code], region=region, year=year, team=team)
        if found.exists():
            return
        saved = IndicatorValue.objects.create(
            indicator=indicators[code], region=region, region_name=region_name, year=int(year), value=value,
            status=status, origin=Origin.DEMO, source=source, team=team,
        )
        # Only the newest year arrived after the team's discussion, so the analysis marks it as new.
        if int(year) != content["new_year"]:
            IndicatorValue.objects.filter(pk=saved.pk).update(loaded_at=earlier)
        report.created.append(f"demo figure {code} {region} {year}")

    for code, regions in content["public"].items():
        for region, years in regions.items():
            for year, raw in years.items():
                write(code, region, year, raw)
    for code, district in content["districts"].items():
        for entry in district["values"]:
            write(code, entry["code"], district["year"], entry["value"], region_name=entry["name"])

    spec = content["team"]
    team = Team.objects.filter(name=spec["name"]).first()
    if team is None or IndicatorValue.objects.filter(team=team).exists():
        return report
    for code, years in spec["values"].items():
        for year, raw in years.items():
            write(code, spec["region"], year, raw, team=team, source=spec["source"])
    review = spec["review"]
    questions = learning_questions()
    saved = FigureReview.objects.create(
        plan=team.current_plan(), reviewed_by=User.objects.filter(email=review["by"]).first(),
        answers=[{"question": question.question, "answer": answer} for question, answer in zip(questions, review["answers"])],
    )
    FigureReview.objects.filter(pk=saved.pk).update(reviewed_at=reviewed_at)
    report.created.append(f"discussion of the figures for {team}")
    return report
