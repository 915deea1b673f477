"""Benchmark of survey submissions: whole classes on shared tablets sending their answers at once.

    python bench/survey.py --database postgres
    python bench/survey.py --database sqlite --classes 30 --children 30 --seconds 60

It builds a fresh database with the demo, adds a run of the demo children's questionnaire with one
class code per class, and starts gunicorn as the browser tests do. Every child then opens the class
session (a GET that hands out the form's tokens) at a random moment within --seconds and, after a
short think, sends all answers in one POST; --doubles of them tap "send" twice at once. It prints one
JSON line: responses per second, latency percentiles of the submissions, and the count of stored
responses against the number of children, so that none lost and none doubled is proven, not assumed.
"""

import argparse
import http.cookiejar
import json
import random
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import database_url, percentiles, setup_django  # noqa: E402  (after the path is set)

HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*name="(key|started|csrfmiddlewaretoken)"[^>]*value="([^"]*)"')


def build(classes: int, children: int):
    import datetime

    from participatie.models import ClassCode, SegmentOption, SurveyRun
    from participatie.questions import run_questions

    demo = SurveyRun.objects.get(code="DEMO-KIND")
    today = datetime.date.today()
    run = SurveyRun.objects.create(
        team=demo.team, questionnaire=demo.questionnaire, title="Benchmark", audience=demo.audience,
        code="BENCH-RUN", opens_on=today, closes_on=today + datetime.timedelta(days=7),
    )
    for option in demo.segment_options.all():
        SegmentOption.objects.create(run=run, kind=option.kind, label=option.label)
    codes = [
        ClassCode.objects.create(run=run, code=f"BENCH-K{number:02d}", label=f"Klas {number}", max_responses=children).code
        for number in range(1, classes + 1)
    ]
    return run, codes, run_questions(run, run.questionnaire)


def answers_for(questions, rng) -> list[tuple[str, str]]:
    fields = []
    for question in questions:
        if question.kind == "open_text":
            fields.append((f"q-{question.id}", rng.choice(["", "Meer speelplekken", "Gratis sportclub"])))
        elif question.multiple:
            fields.extend((f"q-{question.id}", option.key) for option in question.options if rng.random() < 0.4)
        elif question.values:
            fields.append((f"q-{question.id}", str(rng.choice(question.values))))
    return fields


def child(base_url, run_code, class_code, questions, start_at, think, double, seed, timings, statuses, lock):
    rng = random.Random(seed)
    time.sleep(max(0.0, start_at - time.monotonic()))
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    url = f"{base_url}/doe-mee/{run_code}/klas/{class_code}/"
    try:
        form = dict(HIDDEN.findall(opener.open(url, timeout=60).read().decode()))
    except urllib.error.HTTPError as error:  # counted, so that the report shows the child as lost
        with lock:
            statuses[f"opening {error.code}"] = statuses.get(f"opening {error.code}", 0) + 1
        return
    time.sleep(think)
    body = urllib.parse.urlencode([*form.items(), *answers_for(questions, rng), ("verstuur", "1")]).encode()

    def send():
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        began = time.monotonic()
        try:
            with opener.open(request, timeout=60) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        with lock:
            timings.append((time.monotonic() - began) * 1000)
            statuses[status] = statuses.get(status, 0) + 1

    if double:
        second = threading.Thread(target=send)
        second.start()
        send()
        second.join()
    else:
        send()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--classes", type=int, default=30)
    parser.add_argument("--children", type=int, default=30, help="children per class")
    parser.add_argument("--seconds", type=float, default=60, help="the minute within which all classes send")
    parser.add_argument("--doubles", type=float, default=0.05, help="share of children who tap send twice")
    args = parser.parse_args()

    url = database_url(args.database, True, "bench_survey")
    setup_django(url, True, demo_accounts=True)
    run, codes, questions = build(args.classes, args.children)
    from participatie.models import ClassCode, Response
    from tests.server import start_server

    # Persistent database connections, as production runs (a new PostgreSQL connection per request costs more
    # than the whole submission).
    process, base_url = start_server(url, {"SURVEY_MIN_SECONDS": "1", "CONN_MAX_AGE": "60"})
    rng = random.Random(2026)
    timings, statuses, lock = [], {}, threading.Lock()
    began = time.monotonic()
    jobs = [
        (code, began + rng.uniform(0, max(0.0, args.seconds - 3)), rng.uniform(1.1, 2.5), rng.random() < args.doubles)
        for code in codes for _ in range(args.children)
    ]
    try:
        with ThreadPoolExecutor(max_workers=min(len(jobs), 200)) as pool:
            futures = [
                pool.submit(child, base_url, run.code, code, questions, start_at, think, double, number,
                            timings, statuses, lock)
                for number, (code, start_at, think, double) in enumerate(jobs)
            ]
            for future in futures:
                future.result()
        wall = time.monotonic() - began
    finally:
        process.terminate()
        process.wait(timeout=10)

    children = len(jobs)
    stored = Response.objects.filter(run=run).count()
    distinct_keys = Response.objects.filter(run=run).values("idempotency_key").distinct().count()
    counted = sum(ClassCode.objects.filter(run=run).values_list("responses", flat=True))
    report = {
        "database": args.database,
        "classes": args.classes,
        "children": children,
        "double_taps": sum(1 for job in jobs if job[3]),
        "submissions": len(timings),
        "statuses": {str(status): count for status, count in sorted(statuses.items())},
        "stored": stored,
        "lost": children - distinct_keys,
        "doubled": stored - distinct_keys,
        "class_counts": counted,
        "wall_s": round(wall, 1),
        "responses_per_s": round(stored / wall, 1),
        **percentiles(timings),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
