"""Children take part in the demo survey (DEMO-KIND) on a 320-pixel phone and on a shared class tablet,
with and without JavaScript, in Dutch and in Arabic; answers are stored once and never lost."""

import os
import subprocess
import sys
import urllib.parse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.server import ROOT

RUN = "DEMO-KIND"
CLASS = "DEMO-KLAS"
CLOSED = "DEMO-DICHT"
PHONE = {"width": 320, "height": 640}
TABLET = {"width": 800, "height": 1200}
VISIBLE_SCREEN = "form[data-survey] > [data-screen]:not([hidden])"


def server_shell(server_database, code: str) -> str:
    """Run Python in the browser server's database (its own SQLite file or PostgreSQL database); returns
    the last line printed."""
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=server_database)
    result = subprocess.run([sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", code],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def stored(server_database) -> tuple[int, int]:
    """How many responses the demo run holds, and how many its class code counted."""
    line = server_shell(server_database, (
        "from participatie.models import ClassCode, Response; "
        f"print(Response.objects.filter(run__code='{RUN}').count(), ClassCode.objects.get(code='{CLASS}').responses)"
    ))
    responses, class_count = line.split()
    return int(responses), int(class_count)


@pytest.fixture(scope="module")
def closed_run(server_database):
    """A run of the demo questionnaire that has closed."""
    server_shell(server_database, f"""
import datetime
from participatie.models import SurveyRun
demo = SurveyRun.objects.get(code="{RUN}")
today = datetime.date.today()
SurveyRun.objects.get_or_create(code="{CLOSED}", defaults=dict(
    team=demo.team, questionnaire=demo.questionnaire, title="Gesloten peiling", audience=demo.audience,
    opens_on=today - datetime.timedelta(days=40), closes_on=today - datetime.timedelta(days=10)))
print("ok")
""")
    return CLOSED


def phone(browser, base_url, javascript=True, locale="nl-NL", viewport=PHONE):
    context = browser.new_context(base_url=base_url, java_script_enabled=javascript, viewport=viewport, locale=locale)
    return context, context.new_page()


def visible(page):
    return page.locator(VISIBLE_SCREEN)


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def answer_current(screen, text="Meer speeltuinen in de wijk"):
    """Answer the question on this screen as a child would: tap a face, a rung or an answer, or type."""
    kind = screen.get_attribute("data-kind")
    if kind == "open_text":
        screen.locator("textarea").fill(text)
    else:
        screen.locator("label[for]").first.click()
    return kind


def answer_everything(page, on_each_screen=None):
    """From the start screen to the check screen, answering every question; returns the kinds seen."""
    visible(page).locator("[data-next]").click()
    kinds = []
    while (kind := visible(page).get_attribute("data-kind")) is not None:
        screen = visible(page)
        expect(screen.locator("progress")).to_have_attribute("value", str(len(kinds) + 1))
        if on_each_screen:
            on_each_screen(page, kind)
        answer_current(screen)
        kinds.append(kind)
        screen.locator("[data-next]").click()
    expect(visible(page).locator("[data-send]")).to_be_visible()
    return kinds


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
@pytest.mark.parametrize("locale, language, direction", [("nl-NL", "nl", "ltr"), ("ar", "ar", "rtl")], ids=["dutch", "arabic"])
def test_a_child_answers_the_whole_demo_survey_on_a_small_phone(browser, base_url, server_database, javascript,
                                                                 locale, language, direction):
    before, _class_count = stored(server_database)
    context, page = phone(browser, base_url, javascript=javascript, locale=locale)
    # The browser's language decides on the first visit: Arabic lands on /ar/.
    page.goto(f"/doe-mee/{RUN}/")
    prefix = "" if language == "nl" else f"/{language}"
    assert urllib.parse.urlparse(page.url).path == f"{prefix}/doe-mee/{RUN}/"
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", direction)
    expect(page.locator("nav[aria-label] [aria-current]")).to_have_attribute("lang", language)
    assert fits_the_screen(page)

    def on_each_screen(page, kind):
        assert fits_the_screen(page), f"horizontal scrolling on a {kind} question"
        for target in visible(page).locator("label[for], button:visible, textarea").all():
            box = target.bounding_box()
            assert box["height"] >= 48 and box["width"] >= 48, f"a small tap target on a {kind} question"
        if javascript:
            expect(visible(page).locator("[data-focus]")).to_be_focused()

    kinds = answer_everything(page, on_each_screen)
    assert set(kinds) >= {"face_scale", "ladder", "choice", "yes_no", "segment", "open_text"}
    assert fits_the_screen(page)
    expect(visible(page).locator("[data-review]").last).to_have_text("Meer speeltuinen in de wijk")
    page.wait_for_timeout(1100)  # a person is never quicker than SURVEY_MIN_SECONDS (1 s in tests)
    visible(page).locator("[data-send]").click()
    page.wait_for_url(f"**{prefix}/doe-mee/{RUN}/bedankt/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(f'a[href="{prefix}/doe-mee/{RUN}/resultaten/"]')).to_be_visible()
    expect(page.locator("html")).to_have_attribute("dir", direction)
    assert stored(server_database)[0] == before + 1
    context.close()


def test_without_javascript_switching_language_mid_survey_keeps_the_answers(browser, base_url):
    context, page = phone(browser, base_url, javascript=False)
    page.goto(f"/doe-mee/{RUN}/?taal=nl")
    visible(page).locator("[data-next]").click()
    answer_current(visible(page))
    visible(page).locator("[data-next]").click()
    answer_current(visible(page))
    checked = visible(page).locator("input:checked").get_attribute("value")
    page.locator("nav button[lang=ar]").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(visible(page).locator("progress")).to_have_attribute("value", "2")
    expect(visible(page).locator("input:checked")).to_have_attribute("value", checked)
    visible(page).locator("[data-back]").click()
    expect(visible(page).locator("input:checked")).to_have_count(1)
    context.close()


def test_a_double_click_on_send_stores_one_response(browser, base_url, server_database):
    before, _class_count = stored(server_database)
    context, page = phone(browser, base_url)
    page.goto(f"/doe-mee/{RUN}/?taal=nl")
    answer_everything(page)
    page.wait_for_timeout(1100)
    visible(page).locator("[data-send]").dblclick()
    page.wait_for_url(f"**/doe-mee/{RUN}/bedankt/")
    assert stored(server_database)[0] == before + 1
    context.close()


def test_resubmitting_the_same_form_without_javascript_stores_one_response(browser, base_url, server_database):
    before, _class_count = stored(server_database)
    context, page = phone(browser, base_url, javascript=False)
    page.goto(f"/doe-mee/{RUN}/?taal=nl")
    answer_everything(page)
    # The form exactly as the browser would send it, sent twice more besides the child's own click.
    fields = [(field.get_attribute("name"), field.get_attribute("value") or "")
              for field in page.locator("form[data-survey] input[type=hidden], form[data-survey] input:checked").all()]
    fields += [(area.get_attribute("name"), area.input_value()) for area in page.locator("form[data-survey] textarea").all()]
    body = urllib.parse.urlencode(fields + [("website", ""), ("verstuur", "1")])
    page.wait_for_timeout(1100)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    for _attempt in range(2):
        reply = page.request.post(f"/doe-mee/{RUN}/", data=body, headers=headers, max_redirects=0)
        assert reply.status == 303 and reply.headers["location"] == f"/doe-mee/{RUN}/bedankt/"
    visible(page).locator("[data-send]").click()
    page.wait_for_url(f"**/doe-mee/{RUN}/bedankt/")
    assert stored(server_database)[0] == before + 1
    context.close()


def test_a_reload_and_a_dropped_connection_lose_no_answers(browser, base_url, server_database):
    before, _class_count = stored(server_database)
    context, page = phone(browser, base_url)
    page.goto(f"/doe-mee/{RUN}/?taal=nl")
    visible(page).locator("[data-next]").click()
    answer_current(visible(page))
    visible(page).locator("[data-next]").click()
    answer_current(visible(page))
    chosen = visible(page).locator("input:checked").get_attribute("value")
    key = page.locator("[data-key]").input_value()
    page.reload()
    expect(visible(page).locator("progress")).to_have_attribute("value", "2")
    expect(visible(page).locator("input:checked")).to_have_attribute("value", chosen)
    assert page.locator("[data-key]").input_value() == key
    expect(page.locator("[data-restored]")).to_be_visible()
    # The phone's own Back button goes back one question, not out of the survey.
    page.go_back()
    expect(visible(page).locator("progress")).to_have_attribute("value", "1")
    page.go_forward()
    expect(visible(page).locator("progress")).to_have_attribute("value", "2")
    while visible(page).get_attribute("data-kind") is not None:
        visible(page).locator("[data-next]").click()

    page.wait_for_timeout(1100)
    page.route(f"**/doe-mee/{RUN}/", lambda route: route.abort() if route.request.method == "POST" else route.continue_())
    visible(page).locator("[data-send]").click()
    failed = page.locator("[data-send-failed]")
    expect(failed).to_be_visible()
    expect(failed.locator("[data-retry]")).to_be_focused()
    page.unroute(f"**/doe-mee/{RUN}/")
    page.route(f"**/doe-mee/{RUN}/", lambda route: route.fulfill(status=503, body="Service Unavailable")
               if route.request.method == "POST" else route.continue_())
    failed.locator("[data-retry]").click()
    expect(failed).to_be_visible()
    assert stored(server_database)[0] == before
    page.unroute(f"**/doe-mee/{RUN}/")
    failed.locator("[data-retry]").click()
    page.wait_for_url(f"**/doe-mee/{RUN}/bedankt/")
    assert stored(server_database)[0] == before + 1
    assert page.evaluate(f"localStorage.getItem('participatie:{RUN}')") is None
    # Back to the survey: a fresh start with a new key, nothing of before.
    page.goto(f"/doe-mee/{RUN}/?taal=nl")
    assert page.locator("[data-key]").input_value() != key
    expect(page.locator("form[data-survey] input:checked")).to_have_count(0)
    context.close()


def test_a_refused_send_says_why_keeps_the_answers_and_goes_through_on_the_next_try(browser, base_url, server_database):
    before, _class_count = stored(server_database)
    context, page = phone(browser, base_url)
    page.goto(f"/doe-mee/{RUN}/?taal=nl")
    answer_everything(page)
    # A start token that is not the server's own: the server hands out a new one and asks to send again.
    page.locator("[data-started]").evaluate("field => field.value = 'tampered'")
    visible(page).locator("[data-send]").click()
    expect(page.locator("[data-message]")).to_be_visible()
    assert page.locator("[data-started]").input_value() not in ("", "tampered")
    expect(visible(page).locator("[data-send]")).to_be_visible()
    assert stored(server_database)[0] == before
    page.wait_for_timeout(1100)
    visible(page).locator("[data-send]").click()
    page.wait_for_url(f"**/doe-mee/{RUN}/bedankt/")
    assert stored(server_database)[0] == before + 1
    context.close()


def test_a_class_shares_one_tablet_three_children_in_a_row(browser, base_url, server_database):
    before, class_before = stored(server_database)
    context, page = phone(browser, base_url, viewport=TABLET)
    page.clock.install()
    page.goto(f"/doe-mee/{RUN}/klas/{CLASS}/?taal=nl")
    keys = []
    for child in range(3):
        expect(visible(page)).to_have_attribute("data-screen", "0")
        expect(page.locator("form[data-survey] input:checked")).to_have_count(0)
        expect(page.locator("[data-restored]")).to_be_hidden()
        keys.append(page.locator("[data-key]").input_value())
        answer_everything(page)
        page.clock.fast_forward(1500)
        visible(page).locator("[data-send]").click()
        page.wait_for_url(f"**/doe-mee/{RUN}/klas/{CLASS}/bedankt/")
        assert page.evaluate(f"localStorage.getItem('participatie:{RUN}/{CLASS}')") is None
        next_child = page.locator("[data-next-child]")
        expect(next_child).to_be_visible()
        expect(page.locator("[data-countdown]")).to_be_visible()
        if child == 0:
            next_child.click()
        elif child == 1:
            page.clock.fast_forward(21_000)  # nobody tapped: the countdown starts again for the next child
            page.wait_for_url(f"**/doe-mee/{RUN}/klas/{CLASS}/?taal=nl")
        else:
            page.locator("[data-countdown-stop]").click()
            expect(page.locator("[data-countdown]")).to_be_hidden()
            page.clock.fast_forward(30_000)
            assert page.url.endswith("/bedankt/")
        if child < 2:
            page.wait_for_url(f"**/doe-mee/{RUN}/klas/{CLASS}/?taal=nl")
    assert len(set(keys)) == 3
    assert stored(server_database) == (before + 3, class_before + 3)
    context.close()


def test_a_class_session_works_without_javascript_too(browser, base_url, server_database):
    before, class_before = stored(server_database)
    context, page = phone(browser, base_url, javascript=False)
    page.goto(f"/doe-mee/{RUN}/klas/{CLASS}/?taal=nl")
    answer_everything(page)
    page.wait_for_timeout(1100)
    visible(page).locator("[data-send]").click()
    page.wait_for_url(f"**/doe-mee/{RUN}/klas/{CLASS}/bedankt/")
    expect(page.locator("[data-countdown]")).to_be_hidden()
    page.locator("[data-next-child]").click()
    expect(page.locator("form[data-survey] input:checked")).to_have_count(0)
    assert stored(server_database) == (before + 1, class_before + 1)
    context.close()


SPEECH = """
window.__spoken = [];
const voices = [{name: "Test", lang: "nl-NL"}];
const synth = {
  speaking: false, pending: false,
  getVoices: () => voices,
  speak: (utterance) => window.__spoken.push({text: utterance.text, lang: utterance.lang}),
  cancel: () => {}, addEventListener: () => {},
};
Object.defineProperty(window, "speechSynthesis", {value: synth});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


def test_read_aloud_speaks_the_question_and_its_answers_in_the_page_language(browser, base_url):
    context, page = phone(browser, base_url)
    page.add_init_script(SPEECH)
    page.goto(f"/doe-mee/{RUN}/?taal=nl")
    visible(page).locator("[data-next]").click()
    screen = visible(page)
    question = screen.locator("[data-focus]").inner_text()
    first_answer = screen.locator("[data-speak]").nth(1).inner_text()
    screen.locator("[data-read-aloud]").click()
    spoken = page.evaluate("window.__spoken")
    assert spoken[0]["lang"] == "nl"
    assert question.strip() in spoken[0]["text"] and first_answer.strip() in spoken[0]["text"]
    # No Arabic voice on this device: no button that would read Arabic with a Dutch voice.
    page.goto(f"/ar/doe-mee/{RUN}/")
    expect(page.locator("[data-read-aloud]").first).to_be_hidden()
    context.close()


def test_the_code_page_opens_the_survey_or_the_class_session(browser, base_url):
    context, page = phone(browser, base_url, javascript=False)
    page.goto("/doe-mee/?taal=nl")
    page.locator("#survey-code").fill("demo-kind")
    page.locator("#survey-code").press("Enter")
    page.wait_for_url(f"**/doe-mee/{RUN}/?taal=nl")
    page.goto("/doe-mee/?taal=nl")
    page.locator("#survey-code").fill("demo-klas")
    page.locator(".survey-code-form button").click()
    page.wait_for_url(f"**/doe-mee/{RUN}/klas/{CLASS}/?taal=nl")
    page.goto("/doe-mee/?taal=nl")
    page.locator("#survey-code").fill("XXXX-0000")
    page.locator(".survey-code-form button").click()
    expect(page.locator("#survey-code")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#survey-code-error")).to_be_visible()
    context.close()


def test_no_serious_accessibility_violations_on_any_survey_screen(browser, base_url, closed_run):
    context, page = phone(browser, base_url)
    checked = []

    def check(name):
        violations = axe_violations(page)
        assert violations == [], f"{name}: {violations}"
        checked.append(name)

    page.goto("/doe-mee/?taal=nl")
    check("code page")
    page.goto("/doe-mee/?code=ONBEKEND&taal=nl")
    check("code page with an error")
    for start in (f"/doe-mee/{RUN}/?taal=nl", f"/ar/doe-mee/{RUN}/"):
        page.goto(start)
        check(f"start {start}")
    page.goto(f"/doe-mee/{RUN}/?taal=nl")
    check("start")
    visible(page).locator("[data-next]").click()
    seen = set()
    while (kind := visible(page).get_attribute("data-kind")) is not None:
        if kind not in seen:
            check(kind)
            answer_current(visible(page))
            check(f"{kind}, answered")
            seen.add(kind)
        visible(page).locator("[data-next]").click()
    check("check your answers")
    page.wait_for_timeout(1100)
    visible(page).locator("[data-send]").click()
    page.wait_for_url("**/bedankt/")
    check("thanks")
    page.goto(f"/doe-mee/{RUN}/klas/{CLASS}/bedankt/")
    check("class thanks")
    page.goto(f"/doe-mee/{closed_run}/")
    expect(page.locator("h1")).to_be_visible()
    check("closed survey")
    page.goto("/doe-mee/ONBEKEND-1/")
    check("unknown code")
    assert seen >= {"face_scale", "ladder", "choice", "yes_no", "segment", "open_text"}
    context.close()
