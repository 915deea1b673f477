"""Benchmark of survey throughput: many respondents at once, each opening the survey and sending it, again and again.

    python bench/survey_load.py --database postgres                 # BENCH_POSTGRES_URL's server
    python bench/survey_load.py --database sqlite --respondents 50 --seconds 30
    python bench/survey_load.py --respondents 4 --seconds 2          # the test suite's smoke run

It builds a fresh database with the demo and a run of the demo children's questionnaire, collects the static
files and starts gunicorn as production runs it: the production settings, gunicorn.conf.py (2 workers with 2
threads), persistent database connections. Then --respondents threads on the same machine each loop for
--seconds, each on one kept-alive connection as a browser has: open the survey (a GET that hands out the
form's tokens), fill in every question, send it as survey.js does (a POST asking for JSON) and open the
thank-you page the answer names; a response counts as completed once that page has come. The server's minimum
answering time and per-address limit are lifted, since all respondents come from one address and do not pause
to think. One JSON line: completed responses per second, the latency of sending (the POST and the thank-you
page), the count of stored responses against the ones the server confirmed, so that none lost or doubled is
proven, not assumed, and each worker's peak resident memory.
"""

import argparse
import http.client
import json
import random
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402  (after the path is set)
    database_url, manage, peak_memory_mb, percentiles, production_env, setup_django,
)
from bench.survey import HIDDEN, answers_for  # noqa: E402


class Browser:
    """One respondent's browser: one kept-alive connection, as browsers keep theirs, and the cookies it was given."""

    def __init__(self, base_url):
        address = urllib.parse.urlsplit(base_url)
        self.connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = {**(headers or {}), "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, content


def respondent(base_url, path, questions, deadline, seed, tally, lock):
    """Open the survey, answer every question, send it as survey.js does (a POST asking for JSON) and go on to
    the thank-you page it names; again and again."""
    rng = random.Random(seed)
    browser = Browser(base_url)
    while time.monotonic() < deadline:
        _status, page = browser.request("GET", path)
        form = dict(HIDDEN.findall(page.decode()))
        body = urllib.parse.urlencode([*form.items(), *answers_for(questions, rng), ("verstuur", "1")])
        began = time.monotonic()
        status, content = browser.request("POST", path, body, {
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
            "Referer": f"{base_url}{path}",
        })
        reply = json.loads(content) if status == 200 else {}
        if reply.get("ok"):
            status, _thanks = browser.request("GET", reply["next"])
        with lock:
            tally["timings"].append((time.monotonic() - began) * 1000)
            tally["statuses"][status] = tally["statuses"].get(status, 0) + 1
            if reply.get("ok") and status == 200:
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
    static_root = tempfile.TemporaryDirectory()
    env = production_env(url, Path(static_root.name), SURVEY_MIN_SECONDS="0", SURVEY_LIMIT_PER_ADDRESS="1000000000")
    manage(env, ["collectstatic", "--noinput"])
    process, base_url = start_server(url, env)
    tally, lock = {"timings": [], "statuses": {}, "confirmed": []}, threading.Lock()
    try:
        began = time.monotonic()
        threads = [
            threading.Thread(target=respondent, args=(base_url, f"/doe-mee/{run.code}/", questions,
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
        static_root.cleanup()

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
