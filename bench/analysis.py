"""Benchmark of step 3's analysis page: one municipality's figures and 100,000 survey responses.

    python bench/analysis.py                                   # SQLite, 100,000 responses, 50 indicators
    python bench/analysis.py --database postgres               # BENCH_POSTGRES_URL's server, database bench_analysis
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/benchanalysis python bench/analysis.py
    python bench/analysis.py --responses 200 --indicators 3 --repeat 3 --profile

It builds a fresh database with the demo content (the method, the indicator catalogue, the demo
questionnaires) and one team for Velsen (GM0453). It adds indicators to the catalogue until --indicators
have figures (units mixed), each with ten years of values for the municipality, the Netherlands and
six districts; the catalogue's local indicators and a few of the team's own carry figures the team
entered. It then adds --runs survey runs (the children's, young people's and parents' demo
questionnaires) with --responses responses in all, each answering every question as respondents do
(groups of unequal size, one school too small to show, skipped questions, multiple choices, a few
open answers of which some were reviewed). Everything is written with bulk_create and analysed
(ANALYZE, as autovacuum or a periodic job does in production).

Then it requests /werkruimte/<team>/<cycle>/stap/3/ in-process as a logged-in team member:

- first: the very first view (templates not yet compiled, nothing in the cache, no run counted yet: each
  run's tally counts all its responses);
- after new responses: --changes views, each after a class of 30 new responses to the largest run (the
  tally counts those 30; that run's results are made again);
- after a changed figure: --changes views, each after one of the municipality's figures changed (the
  figures are made again);
- warm: --repeat views with nothing changed in between;

each with its number of SQL queries and the time spent in them. --profile prints a cProfile summary of
a warm view and of one after each kind of change to stderr. stdout gets one JSON line.

With DATABASE_URL naming a PostgreSQL database, that database is dropped and created again, so its name
must start with "bench".
"""

import argparse
import cProfile
import datetime
import json
import os
import pstats
import random
import re
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import database_url, percentiles, setup_django  # noqa: E402  (after the path is set)

EMAIL = "bench@analyse.example"
TEAM = "Benchmarkteam analyse"
MUNICIPALITY = "GM0453"
CYCLE = 2027
YEARS = list(range(2016, 2026))  # ten years, the last one provisional for CBS figures
DISTRICTS = [
    ("WK045300", "Velsen-Zuid"), ("WK045301", "IJmuiden"), ("WK045302", "Velsen-Noord"),
    ("WK045303", "Driehuis"), ("WK045304", "Santpoort"), ("WK045305", "Velserbroek"),
]
TOPICS = [
    "kinderen in een huishouden met schulden", "jongeren zonder startkwalificatie", "huishoudens met energiearmoede",
    "kinderen met een Meedoenpas", "huishoudens onder de beleidsgrens", "voortijdig schoolverlaters",
    "kinderen in de jeugdhulp", "huishoudens met betalingsachterstand huur", "jongeren met een bijbaan",
    "kinderen lid van een sportvereniging", "werkende armen", "huishoudens met een toeslag",
    "kinderen met overgewicht", "eenoudergezinnen", "aanvragen Stichting Leergeld", "bezoekers voedselbank",
    "kinderen op een VVE-plek", "langdurig werklozen", "huishoudens met een huurtoeslag",
    "jongeren in de bijstand", "kinderen zonder ontbijt", "gezinnen in de schuldsanering",
]
SCHOOLS = {"De Duinroos": 30, "Het Kompas": 25, "De Zeester": 20, "De Vuurtoren": 15, "De Branding": 10,
           "De Klimop": 0.015}  # the last one has fewer than ten respondents at 100,000: its figures stay hidden
QUESTIONNAIRES = [("kinderen", "children", 0.4), ("jongeren", "young_people", 0.35), ("ouders", "parents", 0.25)]
OPEN_ANSWERS = ["Meer speelplekken in de wijk", "Gratis sportclub voor iedereen", "Dat school niet zoveel kost",
                "Iemand om mee te praten", "Goedkoper openbaar vervoer", "Hulp bij de formulieren", "Een plek om te leren"]
SKIP = 0.03  # the chance that a respondent skips a closed question
WRITES = 0.01  # the share of respondents who answer an open question
SHOWN = 30  # open answers per run the team reviewed and shows
CLASS = 30  # responses that arrive between two views of the page: one class


def postgres_target(kind: str | None) -> tuple[str, str]:
    """The kind of database and its name: a PostgreSQL DATABASE_URL chooses PostgreSQL and names the database."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")) and kind in (None, "postgres"):
        server, name = url.rsplit("/", 1)
        if not name.startswith("bench"):
            sys.exit(f"DATABASE_URL names the database {name!r}: this benchmark drops it, so its name must start with 'bench'.")
        os.environ["BENCH_POSTGRES_URL"] = url
        return "postgres", name
    return kind or "sqlite", "bench_analysis"


def build(responses: int, indicators: int, runs: int, rng: random.Random) -> dict:
    from django.db import transaction
    from django.utils import translation

    from gemeenten.figures.catalogue import load_catalogue
    from gemeenten.teams import create_team
    from portal.models import Municipality, User

    translation.activate("nl")
    load_catalogue()  # already loaded with the demo; a no-op that says where the catalogue comes from
    user = User.objects.create_user(EMAIL, EMAIL, "bench-wachtwoord-lang")
    team = create_team(user, TEAM, [Municipality.objects.get(code=MUNICIPALITY)], CYCLE, "Gemeente", "municipality")
    with transaction.atomic():
        figures = build_figures(team, user, indicators, rng)
    runs_made = [build_run(team, user, key, audience, count, number, rng)
                 for number, (key, audience, count) in enumerate(_split(responses, runs), start=1)]
    return {"user": user, "team": team, **figures, "runs": runs_made}


def _split(responses: int, runs: int) -> list[tuple[str, str, int]]:
    chosen = QUESTIONNAIRES[:runs]
    total = sum(share for _key, _audience, share in chosen)
    counts = [round(responses * share / total) for _key, _audience, share in chosen]
    counts[0] += responses - sum(counts)
    return [(key, audience, count) for (key, audience, _share), count in zip(chosen, counts)]


def build_figures(team, user, wanted: int, rng: random.Random) -> dict:
    """--indicators indicators with values: the catalogue's first, then new ones (units and scopes mixed;
    every tenth the team's own). Catalogue indicators beyond the wanted number keep no values."""
    from django.utils import timezone
    from wagtail.models import Locale

    from gemeenten.models import FigureReview, Indicator, IndicatorValue
    from gemeenten.models.figures import NATIONAL, Direction, Origin, Scope, Status, Unit

    locale = Locale.get_default()
    catalogue = list(Indicator.objects.filter(team__isnull=True, locale=locale).order_by("sort_order"))
    chosen = catalogue[:wanted]
    units = [Unit.PERCENT, Unit.NUMBER, Unit.PER_1000]
    directions = [Direction.LOWER, Direction.HIGHER, Direction.NEUTRAL]
    new = []
    for number in range(wanted - len(chosen)):
        unit = units[number % 3]
        own = number % 10 == 9
        topic = TOPICS[number % len(TOPICS)] + (f" ({number // len(TOPICS) + 1})" if number >= len(TOPICS) else "")
        prefix = {Unit.PERCENT: "Aandeel", Unit.NUMBER: "Aantal", Unit.PER_1000: "Per 1.000 inwoners:"}[unit]
        new.append(Indicator(
            code=f"bench-{number}", locale=locale, name=f"{prefix} {topic}"[:160], unit=unit,
            decimals=0 if unit == Unit.NUMBER else 1, direction=directions[number % 3],
            scope=Scope.LOCAL if own or number % 2 else Scope.NATIONAL,
            source="Eigen registratie" if own else "CBS StatLine", team=team if own else None,
            definition=f"Benchmarkindicator {number}.", sort_order=200 + number,
        ))
    chosen += Indicator.objects.bulk_create(new)

    now = timezone.now()
    values = []
    for indicator in chosen:
        # The catalogue's local indicators and the team's own: the team entered the municipality's figures.
        by_team = indicator.team_id is not None or (indicator.scope == Scope.LOCAL and indicator in catalogue)
        level = {Unit.PERCENT: rng.uniform(4, 60), Unit.NUMBER: rng.uniform(150, 5000), Unit.PER_1000: rng.uniform(2, 80)}[indicator.unit]
        national = level * (rng.uniform(200, 300) if indicator.unit == Unit.NUMBER else rng.uniform(0.8, 1.2))
        drift = rng.uniform(-0.04, 0.04)
        secret_district = rng.choice(DISTRICTS)[0] if rng.random() < 0.15 else None
        for index, year in enumerate(YEARS):
            trend = (1 + drift) ** index
            latest = year == YEARS[-1]

            def value(region, amount, team=None, region_name="", status=Status.FINAL):
                decimals = indicator.decimals
                amount = Decimal(str(round(amount * rng.uniform(0.97, 1.03), decimals)))
                if status == Status.SECRET:
                    amount = None
                values.append(IndicatorValue(
                    indicator=indicator, region=region, region_name=region_name, year=year, value=amount, status=status,
                    origin=Origin.TEAM if team else Origin.CBS, source="Eigen registratie" if team else "CBS StatLine",
                    team=team, entered_by=user if team else None,
                ))

            provisional = Status.PROVISIONAL if latest else Status.FINAL
            # The team's own figure for the municipality, or CBS's.
            value(MUNICIPALITY, level * trend, team=team if by_team else None, status=Status.FINAL if by_team else provisional)
            if indicator.team_id is None:
                value(NATIONAL, national * trend, status=provisional)
                for code, name in DISTRICTS:
                    share = 1 / len(DISTRICTS) if indicator.unit == Unit.NUMBER else 1
                    status = Status.SECRET if latest and code == secret_district else provisional
                    value(code, level * trend * share * rng.uniform(0.5, 1.6), region_name=name, status=status)
    IndicatorValue.objects.bulk_create(values, batch_size=2000)
    # The team discussed the figures a month ago; only the latest year arrived since, so it counts as new.
    reviewed_at = now - datetime.timedelta(days=30)
    IndicatorValue.objects.filter(indicator__in=chosen).exclude(year=YEARS[-1]).update(
        loaded_at=reviewed_at - datetime.timedelta(days=20))
    plan = team.current_plan()
    review = FigureReview.objects.create(plan=plan, reviewed_by=user, answers=[
        {"question": "Wat valt op?", "answer": "De daling zet door, behalve in IJmuiden."}])
    FigureReview.objects.filter(pk=review.pk).update(reviewed_at=reviewed_at)
    return {"indicators": len(chosen), "values": len(values)}


class Respondent:
    """Answers to any question of a demo questionnaire, drawn as respondents answer: the scales tilted by how
    hard things are in the respondent's group (strain 0..1), choices with their own popularity."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.popularity: dict[str, float] = {}

    def chance(self, key: str) -> float:
        if key not in self.popularity:
            self.popularity[key] = random.Random(key).uniform(0.1, 0.7)
        return self.popularity[key]

    def answer(self, question, strain: float):
        rng, s = self.rng, strain
        if question.kind == "face_scale":
            count = len(question.options)
            middle = 1 + (count - 1) * (0.75 - 0.45 * s)
            weights = [1 / (1 + (value - middle) ** 2) for value in range(1, count + 1)]
            return rng.choices(range(1, count + 1), weights=weights)[0]
        if question.kind == "ladder":
            return max(0, min(10, round(rng.gauss(7.8 - 2.2 * s, 1.6))))
        if question.kind == "yes_no":
            return "yes" if rng.random() < 0.3 + self.chance(question.id) - 0.3 * s else "no"
        keys = [option.key for option in question.options]
        if question.multiple:
            chosen = [key for key in keys if rng.random() < self.chance(key) * (1.2 - 0.4 * s)]
            return sorted(chosen or [keys[0]])
        # One of the options, the first ones (never, not at all) more often where things are easier.
        return rng.choices(keys, weights=[(0.35 + s) ** index for index in range(len(keys))])[0]


def build_run(team, user, key: str, audience: str, count: int, number: int, rng: random.Random) -> dict:
    from django.utils import timezone
    from wagtail.models import Locale

    from participatie.demo.questionnaires import questionnaire_key
    from participatie.models import Questionnaire, SegmentOption, SurveyRun

    questionnaire = Questionnaire.objects.get(translation_key=questionnaire_key(key), locale=Locale.get_default())
    today = timezone.localdate()
    opens_on = today - datetime.timedelta(weeks=4 * number + 6)
    run = SurveyRun.objects.create(
        team=team, questionnaire=questionnaire, title=f"Benchmarkpeiling {key}", audience=audience,
        code=f"BENCH-ANA-{number}", opens_on=opens_on, closes_on=opens_on + datetime.timedelta(weeks=6), created_by=user,
    )
    SegmentOption.objects.bulk_create(
        [SegmentOption(run=run, kind="school", label=school) for school in SCHOOLS]
        + [SegmentOption(run=run, kind="neighbourhood", label=name) for _code, name in DISTRICTS]
    )
    respondents = Respondents(run, user, rng)
    rows = sum(respondents.add(min(2000, count - start)) for start in range(0, count, 2000))
    return {"questionnaire": key, "responses": count, "answers": rows,
            "group_questions": sum(1 for question in respondents.questions if question.kind == "segment")}


class Respondents:
    """Stores responses to a run as its respondents give them: the groups of unequal size, the scales tilted
    per group, some questions skipped, a few open answers (the first SHOWN of them reviewed and shown)."""

    def __init__(self, run, user, rng: random.Random):
        from participatie.questions import run_questions

        self.run, self.user, self.rng = run, user, rng
        self.questions = run_questions(run, run.questionnaire)
        self.own = next((question for question in self.questions if question.kind == "segment"
                         and question.segment_kind in ("school", "neighbourhood")), None)
        self.weights = [SCHOOLS[option.label] if option.label in SCHOOLS else 1 for option in self.own.options] if self.own else []
        self.respondent = Respondent(rng)
        self.shown = 0

    def add(self, count: int) -> int:
        """Store count responses; returns the number of answer rows."""
        from participatie.models import Response, ResponseAnswer, Review

        rng, own = self.rng, self.own
        batch, answers = [], []
        for _ in range(count):
            response = Response(
                id=uuid.UUID(int=rng.getrandbits(128), version=4), run=self.run,
                submitted_on=self.run.opens_on + datetime.timedelta(days=rng.randint(0, 41)),
                idempotency_key=uuid.UUID(int=rng.getrandbits(128), version=4),
            )
            batch.append(response)
            group = rng.choices(range(len(own.options)), weights=self.weights)[0] if own else 0
            strain = 0.15 + 0.1 * (group % 6)  # the groups differ a little, as real ones do
            for question in self.questions:
                if question.kind == "open_text":
                    if rng.random() < WRITES:
                        review = Review.SHOWN if self.shown < SHOWN else Review.PENDING
                        self.shown += review == Review.SHOWN
                        answers.append(ResponseAnswer(response=response, question_id=question.id, text=rng.choice(OPEN_ANSWERS),
                                                      review=review, reviewed_by=self.user if review == Review.SHOWN else None))
                    continue
                if rng.random() < SKIP:
                    continue
                if question is own:
                    answers.append(ResponseAnswer(response=response, question_id=question.id, option=own.options[group].key))
                    continue
                value = self.respondent.answer(question, strain)
                if isinstance(value, int):
                    answers.append(ResponseAnswer(response=response, question_id=question.id, number=value))
                else:
                    answers.extend(ResponseAnswer(response=response, question_id=question.id, option=option)
                                   for option in (value if isinstance(value, list) else [value]))
        Response.objects.bulk_create(batch)
        ResponseAnswer.objects.bulk_create(answers, batch_size=5000)
        return len(answers)


def refresh_statistics():
    """What autovacuum (PostgreSQL) or a periodic ANALYZE (SQLite) does in production after bulk inserts."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def measure(user, team, changes: int, repeat: int, profile: bool, rng: random.Random) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from gemeenten.models import IndicatorValue
    from participatie.models import Response, RunTally, SurveyRun

    client = Client()
    client.force_login(user)
    url = reverse("gemeenten:worksheet", args=[team.pk, CYCLE, "3"])

    def render() -> tuple[float, int, float, int]:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.status_code
        sql = sum(float(query["time"]) for query in queries.captured_queries) * 1000
        return elapsed, len(queries), sql, len(response.content)

    def summary(samples) -> dict:
        timings = [sample[0] for sample in samples]
        return {
            **{key: value for key, value in percentiles(timings).items() if key != "p99_ms"},
            "queries": sorted({sample[1] for sample in samples}),
            "sql_p50_ms": round(sorted(sample[2] for sample in samples)[len(samples) // 2], 1),
        }

    # As before the first view: no run counted yet, nothing in the cache.
    RunTally.objects.all().delete()
    Response.objects.update(counted=False)
    cache.clear()
    first = render()
    largest = SurveyRun.objects.filter(team=team).order_by("code").first()
    arrivals = Respondents(largest, user, rng)
    arrivals.shown = SHOWN  # the team has not reviewed the new open answers yet

    def new_responses():
        arrivals.add(CLASS)

    changing = IndicatorValue.objects.filter(region=MUNICIPALITY, value__isnull=False).order_by("pk").first()

    def changed_figure():
        changing.value += 1
        changing.save()

    after_responses, after_figure = [], []
    for _ in range(changes):
        new_responses()
        after_responses.append(render())
        changed_figure()
        after_figure.append(render())
    warms = [render() for _ in range(repeat)]
    report = {
        "page_kb": round(first[3] / 1024),
        "first": {"ms": round(first[0], 1), "queries": first[1], "sql_ms": round(first[2], 1)},
        "after_responses": summary(after_responses) if after_responses else None,
        "after_figure": summary(after_figure) if after_figure else None,
        "warm": summary(warms),
    }
    if profile:
        for name, change in (("warm", None), ("after new responses", new_responses), ("after a changed figure", changed_figure)):
            if change:
                change()
            profiler = cProfile.Profile()
            profiler.enable()
            client.get(url)
            profiler.disable()
            print(profile_summary(profiler, name), file=sys.stderr)
    return report


# The project's own functions, the SQL cursor and template rendering; not the middleware chain around them.
OWN_CODE = re.compile(r"^(gemeenten|participatie|stappen|portal)/(?!middleware)|django/shortcuts\.py|django/template/base\.py:\d+\(render\)$"
                      r"|Cursor.*execute|cursor.*execute")


def profile_summary(profiler, name: str, top: int = 15) -> str:
    """Two top-15 tables of one profiled render: cumulative time of the project's functions (with the
    template rendering and the SQL cursor), and the functions that spend the most time themselves."""
    stats = pstats.Stats(profiler).stats
    total = max(cumulative for _cc, _nc, _own, cumulative, _callers in stats.values())

    def where(key) -> str:
        filename, line, function = key
        for prefix in sorted({str(ROOT) + "/", *(path + "/" for path in sys.path if path)}, key=len, reverse=True):
            if filename.startswith(prefix):
                filename = filename[len(prefix):]
                break
        return f"{filename}:{line}({function})" if line else function

    rows = [(where(key), calls, own, cumulative) for key, (_cc, calls, own, cumulative, _callers) in stats.items()]
    lines = [f"--- cProfile of one {name} render: {total * 1000:.0f} ms under the profiler ---",
             f"top {top} by cumulative time, own code, template rendering and SQL:",
             f"{'cum ms':>9} {'own ms':>8} {'calls':>8}  function"]
    chosen = sorted((row for row in rows if OWN_CODE.search(row[0])), key=lambda row: -row[3])[:top]
    lines += [f"{cumulative * 1000:9.1f} {own * 1000:8.1f} {calls:8d}  {label}" for label, calls, own, cumulative in chosen]
    lines += [f"top {top} by own time, everything:", f"{'own ms':>9} {'cum ms':>8} {'calls':>8}  function"]
    lines += [f"{own * 1000:9.1f} {cumulative * 1000:8.1f} {calls:8d}  {label}"
              for label, calls, own, cumulative in sorted(rows, key=lambda row: -row[2])[:top]]
    return "\n".join(lines)


def parts(team, repeat: int) -> dict:
    """The analysis' two halves on their own, with the counts cached: figures and charts, survey results."""
    from django.utils import translation

    from gemeenten.figures.series import team_figures
    from participatie.results import team_results

    translation.activate("nl")
    result = {}
    for name, call in (("figures", lambda: team_figures(team)), ("voices", lambda: team_results(team.pk))):
        call()
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
        result[f"{name}_p50_ms"] = percentiles(timings)["p50_ms"]
    # What the suppression hid, so that the report shows it ran: whole groups, and single cells of shown groups.
    groups = cells = 0
    for run in team_results(team.pk):
        for theme in run.themes:
            for question in theme.questions:
                cells += sum(figure.count is None for figure in question.figures)
                for breakdown in question.breakdowns:
                    groups += sum(group.answered is None for group in breakdown.groups)
                    cells += sum(figure.count is None for group in breakdown.groups for figure in group.figures)
    result["suppressed"] = {"groups": groups, "cells": cells}
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default=None,
                        help="sqlite unless DATABASE_URL names a PostgreSQL database")
    parser.add_argument("--responses", type=int, default=100_000, help="responses in all runs together")
    parser.add_argument("--indicators", type=int, default=50, help="indicators with figures")
    parser.add_argument("--runs", type=int, choices=[1, 2, 3], default=3,
                        help="survey runs: the children's, young people's and parents' questionnaires")
    parser.add_argument("--repeat", type=int, default=20, help="warm renders")
    parser.add_argument("--changes", type=int, default=5,
                        help="renders after a class of new responses, and as many after a changed figure")
    parser.add_argument("--profile", action="store_true",
                        help="print a cProfile summary of a warm render and of one after each kind of change")
    parser.add_argument("--reuse", action="store_true", help="measure again on the database of the previous run")
    options = parser.parse_args()

    kind, name = postgres_target(options.database)
    fresh = not options.reuse
    setup_django(database_url(kind, fresh, name), fresh)
    started = time.perf_counter()
    if fresh:
        built = build(options.responses, options.indicators, options.runs, random.Random(20261123))
    else:
        built = existing()
    build_seconds = time.perf_counter() - started
    refresh_statistics()
    load_before = round(os.getloadavg()[0], 1)
    team = built["team"]
    result = {
        "benchmark": "analysis",
        "database": kind,
        "responses": sum(run["responses"] for run in built["runs"]),
        "answers": sum(run["answers"] for run in built["runs"]),
        "runs": len(built["runs"]),
        "indicators": built["indicators"],
        "values": built["values"],
        "repeat": options.repeat,
        **measure(built["user"], team, options.changes, options.repeat, options.profile, random.Random()),  # new ids each time, also with --reuse
        **parts(team, options.repeat),
        "build_s": round(build_seconds, 1),
        "load_1min": [load_before, round(os.getloadavg()[0], 1)],  # before and after measuring, to see what else ran
    }
    print(json.dumps(result))


def existing() -> dict:
    from django.db.models import Count

    from gemeenten.figures.values import visible_values
    from gemeenten.models import Team
    from participatie.models import ResponseAnswer, SurveyRun
    from portal.models import User

    team = Team.objects.get(name=TEAM)
    runs = SurveyRun.objects.filter(team=team).annotate(responses_n=Count("responses")).order_by("code")
    values = visible_values(team.pk, [MUNICIPALITY])
    return {
        "user": User.objects.get(email=EMAIL), "team": team,
        "indicators": values.values("indicator").distinct().count(),
        "values": values.count(),
        "runs": [{"questionnaire": run.title, "responses": run.responses_n,
                  "answers": ResponseAnswer.objects.filter(response__run=run).count(), "group_questions": None}
                 for run in runs],
    }


if __name__ == "__main__":
    main()
