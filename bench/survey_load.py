"""Benchmark of survey throughput: many respondents at once, each opening the survey and sending it, again and again.

    python bench/survey_load.py --database postgres                 # BENCH_POSTGRES_URL's server
    python bench/survey_load.py --database sqlite --respondents 50 --seconds 30
    python bench/survey_load.py --respondents 4 --seconds 2          # the test suite's smoke run

It builds a fresh database with the demo and a run of the demo children's questionnaire, and starts gunicorn as
production runs it (2 workers with 4 threads, persistent database connections). Then --respondents threads on
the same machine each loop for --seconds: open the survey (a GET that hands out the form's tokens), fill in
every question and send it as survey.js does (a POST asking for JSON). The server's minimum answering time and
per-address limit are lifted, since all respondents come from one address and do not pause to think. One JSON
line: completed responses per second, the latency of the submissions, the count of stored responses
against the ones the server confirmed, so that none lost or doubled is proven, not assumed, and each
worker's peak resident memory.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import database_url, peak_memory_mb, percentiles, setup_django  # noqa: E402  (after the path is set)
from bench.survey import HIDDEN, answers_for  # noqa: E402


def respondent(url, questions, deadline, seed, tally, lock):
    rng = random.Random(seed)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    while time.monotonic() < deadline:
        form = dict(HIDDEN.findall(opener.open(url, timeout=60).read().decode()))
        body = urllib.parse.urlencode([*form.items(), *answers_for(questions, rng), ("verstuur", "1")]).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url, "Accept": "application/json"})
        began = time.monotonic()
        try:
            with opener.open(request, timeout=60) as response:
                status, ok = response.status, json.loads(response.read()).get("ok")
        except urllib.error.HTTPError as error:
            status, ok = error.code, False
        with lock:
            tally["timings"].append((time.monotonic() - began) * 1000)
            tally["statuses"][status] = tally["statuses"].get(status, 0) + 1
            if ok:
                tally["confirmed"].append(form["key"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--respondents", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()

    url = database_url(args.database, True, "bench_survey_load")
    setup_django(url, True, demo_accounts=True)  # the demo run and its team come with the demo accounts
    import datetime

    from participatie.models import Response, SurveyRun
    from participatie.questions import run_questions
    from tests.server import start_server

    demo = SurveyRun.objects.get(code="DEMO-KIND")
    today = datetime.date.today()
    run = SurveyRun.objects.create(
        team=demo.team, questionnaire=demo.questionnaire, title="Benchmark", audience=demo.audience,
        code="BENCH-LOAD", opens_on=today, closes_on=today + datetime.timedelta(days=7),
    )
    questions = run_questions(run, run.questionnaire)
    process, base_url = start_server(url, {"SURVEY_MIN_SECONDS": "0", "SURVEY_LIMIT_PER_ADDRESS": "1000000000",
                                           "CONN_MAX_AGE": "60"})
    tally, lock = {"timings": [], "statuses": {}, "confirmed": []}, threading.Lock()
    try:
        began = time.monotonic()
        threads = [
            threading.Thread(target=respondent, args=(f"{base_url}/doe-mee/{run.code}/", questions,
                                                      began + args.seconds, number, tally, lock))
            for number in range(args.respondents)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.monotonic() - began
        memory = peak_memory_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)

    stored = set(str(key) for key in Response.objects.filter(run=run).values_list("idempotency_key", flat=True))
    confirmed = set(tally["confirmed"])
    print(json.dumps({
        "benchmark": "survey_load", "database": args.database, "respondents": args.respondents,
        "seconds": round(wall, 1),
        "completed": len(confirmed),
        "responses_per_s": round(len(confirmed) / wall, 1),
        "statuses": {str(status): count for status, count in sorted(tally["statuses"].items())},
        "stored": Response.objects.filter(run=run).count(),
        "lost": len(confirmed - stored),
        "doubled": Response.objects.filter(run=run).count() - len(stored),
        "unconfirmed_but_stored": len(stored - confirmed),
        **percentiles(tally["timings"]),
        "worker_peak_rss_mb": memory,
    }))


if __name__ == "__main__":
    main()
