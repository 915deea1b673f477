"""Benchmark of the municipal workspace on a plan that has been worked on for a long time.

    python bench/workspace.py --database postgres --versions 30 --rows 50
    python bench/workspace.py --database sqlite

It builds a fresh database with the demo, then one team whose plan answers every question of every
step (tables of ten rows), each answer saved --versions times, and --rows rows in every structured
section with all building blocks scored. It then requests, in-process, the plan overview, the step-6
worksheet, an answer's history, autosaves, and both exports, and prints one JSON line with the
latency percentiles per request and the peak memory of one PDF export.
"""

import argparse
import json
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import database_url, percentiles, setup_django  # noqa: E402  (after the path is set)


def build(versions: int, rows: int):
    from django.utils import translation

    from gemeenten.answers import save_answer
    from gemeenten.method import method_steps, step_questions
    from gemeenten.models import Approach, ApproachScore, ContactAgreement, MonitoringAgreement, Partner, Result
    from gemeenten.teams import create_team
    from portal.models import Municipality, User
    from stappen.building_blocks import BUILDING_BLOCKS

    user = User.objects.create_user("bench@team.example", "bench@team.example", "bench-wachtwoord-lang")
    translation.activate("nl")
    team = create_team(user, "Benchmarkteam", [Municipality.objects.get(code="GM0453")], 2027)
    plan = team.current_plan()
    for step in method_steps():
        for question in step_questions(step, False).all():
            for version in range(versions):
                if question.answer_kind == "table":
                    value = [[f"cel {version}-{row}-{column}" for column in question.columns] for row in range(10)]
                else:
                    value = f"Antwoord {version} op {question.question} " * 8
                save_answer(plan, step.code, question, value, version, user)
    for number in range(rows):
        Partner.objects.create(plan=plan, organisation=f"Partner {number}", role="Signaleert en verwijst door")
        result = Result.objects.create(plan=plan, result=f"Resultaat {number}", indicator="Aandeel kinderen", baseline="12%", baseline_year=2025, target="8%", target_year=2029)
        approach = Approach.objects.create(plan=plan, name=f"Aanpak {number}", result=result)
        ApproachScore.objects.bulk_create(
            ApproachScore(approach=approach, building_block=key, score="partly", explanation="Deels, want ...")
            for key, _label in BUILDING_BLOCKS
        )
        MonitoringAgreement.objects.create(plan=plan, level="output", what=f"Bereik {number}", how="Registratie")
        ContactAgreement.objects.create(plan=plan, what=f"Overleg {number}", when="Elk kwartaal")
    return user, team, plan


def timed(call, repeat: int) -> list[float]:
    call()  # warm up
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def measure(user, team, plan, requests: int, exports: int) -> dict:
    from django.test import Client
    from django.urls import reverse

    from gemeenten.method import find_step, step_questions

    client = Client()
    client.force_login(user)
    question = step_questions(find_step("1"), False).all()[1]
    urls = {
        "overview": reverse("gemeenten:plan", args=[team.pk, plan.cycle]),
        "worksheet_step_6": reverse("gemeenten:worksheet", args=[team.pk, plan.cycle, "6"]),
        "history": reverse("gemeenten:answer", args=[team.pk, plan.cycle, question.id]),
    }

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    report = {name: percentiles(timed(lambda url=url: get(url), requests)) for name, url in urls.items()}

    counter = iter(range(10**6))

    def autosave():
        answer = plan.answers.get(question_id=question.id)
        field = f"q-{question.id}"
        response = client.post(
            f"{urls['history']}?stap=1", {field: f"Nieuwe tekst {next(counter)}", f"{field}-base": answer.version},
            headers={"Accept": "application/json"},
        )
        assert response.json()["status"] == "saved", response.content

    report["autosave"] = percentiles(timed(autosave, requests))
    for name in ("export_pdf", "export_docx"):
        url = reverse(f"gemeenten:{name}", args=[team.pk, plan.cycle]) + "?taal=nl"
        report[name] = percentiles(timed(lambda url=url: get(url), exports))
    tracemalloc.start()
    get(reverse("gemeenten:export_pdf", args=[team.pk, plan.cycle]))
    report["export_pdf_peak_mib"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    tracemalloc.stop()
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--versions", type=int, default=30, help="saves per answer")
    parser.add_argument("--rows", type=int, default=50, help="rows per structured section")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--exports", type=int, default=5)
    options = parser.parse_args()

    setup_django(database_url(options.database, True, "bench_workspace"), True)
    started = time.perf_counter()
    user, team, plan = build(options.versions, options.rows)
    build_seconds = time.perf_counter() - started
    result = {
        "benchmark": "workspace",
        "database": options.database,
        "answers": plan.answers.count(),
        "versions": options.versions,
        "rows": options.rows,
        "requests": options.requests,
        **measure(user, team, plan, options.requests, options.exports),
        "build_s": round(build_seconds, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
