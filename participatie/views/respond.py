"""Taking part in a survey: enter a code, answer one question per screen, check, send, and be thanked.

The whole survey is one form. Without JavaScript the Next and Back buttons send it to the server, which
shows the requested screen with every answer filled in again; nothing is stored until the final
submission, and then exactly once per idempotency key. survey.js does the same in the browser.
No session and no cookie other than Django's CSRF cookie; no address, device or time of day is kept.
"""

import functools
import logging
import uuid

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.db import DatabaseError
from django.db.models import F
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from participatie.forms import normalize_code, parse_key, survey_items
from participatie.limits import allow_submission
from participatie.models import ClassCode, Response, SurveyRun
from participatie.submissions import (
    SubmissionRefused, field_name, parse_answers, seconds_since_start, start_token, store_response,
)
from participatie.survey_context import SurveyContext, keep_page, survey_context
from participatie.views.languages import choose_language, is_explicit, language_links, start_url, url_in

logger = logging.getLogger(__name__)

HONEYPOT = "website"
# Where a fresh form kept in the cache gets each respondent's own tokens (letters only: nothing escapes them).
KEY_SLOT, STARTED_SLOT, CSRF_SLOT = "slotkeyqvzx", "slotstartedqvzx", "slotcsrfqvzx"


def respondent_page(view=None, *, referrer_policy="no-referrer"):
    """Survey pages are never cached or indexed, and never tell another site where a visitor came from.

    The survey form itself uses "same-origin": under "no-referrer" browsers send `Origin: null` with the
    form, and Django's CSRF check rightly refuses that. Other sites still learn nothing.
    """
    if view is None:
        return functools.partial(respondent_page, referrer_policy=referrer_policy)

    @functools.wraps(view)
    @never_cache
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = referrer_policy
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "") or request.headers.get("X-Requested-With") == "fetch"


def see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


@respondent_page
@require_GET
def enter_code(request):
    typed = request.GET.get("code")
    error = ""
    if typed is not None:
        code = normalize_code(typed)
        target = _start_for_code(code, keep_language=is_explicit(request)) if code else None
        if target:
            return redirect(target)
        if typed.strip():
            error = _("We do not know this code. Check the letters and numbers, and try again.")
        else:
            error = _("Type your code first.")
    else:
        languages = settings.SURVEY_LANGUAGES
        chosen = choose_language(request, languages, "enter_code")
        if chosen:
            return chosen
    context = {
        "typed": typed or "",
        "error": error,
        "explicit_language": is_explicit(request),
        "languages": language_links(settings.SURVEY_LANGUAGES, "enter_code"),
    }
    response = render(request, "participatie/respond/enter_code.html", context)
    patch_vary_headers(response, ["Accept-Language"])
    return response


def _start_for_code(code: str, keep_language: bool) -> str | None:
    """The run or class session a typed code opens; a Dutch visitor who chose Dutch keeps it explicitly."""
    run = SurveyRun.objects.filter(code=code).only("code").first()
    if run is not None:
        name, kwargs = _url_args(run.code)
    else:
        class_code = ClassCode.objects.filter(code=code).select_related("run").only("code", "run__code").first()
        if class_code is None:
            return None
        name, kwargs = _url_args(class_code.run.code, class_code.code)
    language = translation.get_language()
    return (start_url if keep_language else url_in)(language, name, **kwargs)


@respondent_page(referrer_policy="same-origin")
@require_http_methods(["GET", "POST"])
def survey(request, code, class_code=None):
    try:
        return _survey(request, code, class_code)
    except DatabaseError:
        return _database_unavailable(request)


def _database_unavailable(request):
    """The database cannot be reached (a restart, an outage): say so, and give every answer back to send again.

    Nothing was stored: a response is saved in one transaction or not at all. The page needs no database.
    """
    logger.warning("The survey could not reach the database", exc_info=True)
    if request.method == "POST":
        message = _("Your answers could not be sent just now: something went wrong on our side. They are kept "
                    "here. Wait a minute, then press Try again.")
    else:
        message = _("The survey cannot be opened just now: something went wrong on our side. Try again in a few minutes.")
    if wants_json(request):
        response = JsonResponse({"ok": False, "message": str(message)}, status=503)
    else:
        fields = [(name, value) for name, values in request.POST.lists() if name != "csrfmiddlewaretoken" for value in values]
        context = {"message": message, "fields": fields, "action": request.get_full_path()}
        response = render(request, "participatie/respond/try_again.html", context, status=503)
    response["Retry-After"] = "60"
    return response


def _survey(request, code, class_code):
    if request.method == "GET" and (code != code.upper() or (class_code or "") != (class_code or "").upper()):
        query = request.META.get("QUERY_STRING", "")
        return redirect(_survey_url(translation.get_language(), code.upper(), class_code and class_code.upper())
                        + (f"?{query}" if query else ""))
    context = _find(request, code, class_code)
    if not isinstance(context, SurveyContext):
        return context
    page = SurveyPage(request, context)
    if request.method == "GET":
        name, kwargs = _url_args(context.run.code, context.klass and context.klass.code)
        chosen = choose_language(request, context.languages, name, **kwargs)
        if chosen:
            return chosen
        if context.klass is not None and _is_full(context.klass):
            return _unavailable(request, "class_full", context, status=409)
        response = page.fresh()
        patch_vary_headers(response, ["Accept-Language"])
        return response
    if "verstuur" in request.POST:
        return page.submit()
    return page.navigate()


@respondent_page
@require_GET
def thanks(request, code, class_code=None):
    context = _find(request, code, class_code, open_only=False)
    if not isinstance(context, SurveyContext):
        return context
    if "thanks" not in context.pages:  # the same for every respondent: made once per context
        run, klass = context.run, context.klass
        name, kwargs = _url_args(run.code, klass and klass.code)
        keep_page(context, "thanks", render(request, "participatie/respond/thanks.html", {
            "run": run,
            "class_code": klass,
            "questionnaire": context.questionnaire,
            "next_url": start_url(translation.get_language(), name, **kwargs) if klass else "",
            "storage_key": storage_key(run, klass),
        }).content.decode())
    return HttpResponse(context.pages["thanks"])


def storage_key(run, klass) -> str:
    return f"participatie:{run.code}" + (f"/{klass.code}" if klass else "")


def _url_args(code, class_code=None, page="survey"):
    """The name and arguments of a run's survey or thanks page, in a class session or not."""
    if class_code:
        return f"class_{page}", {"code": code, "class_code": class_code}
    return page, {"code": code}


def _survey_url(language, code, class_code=None) -> str:
    name, kwargs = _url_args(code, class_code)
    return url_in(language, name, **kwargs)


def _find(request, code, class_code, open_only=True):
    """The context of the run and class code the address names, or the friendly page that says why there is none."""
    context = survey_context(code.upper(), class_code and class_code.upper(), translation.get_language())
    if context is None:
        return _unavailable(request, "unknown", status=404)
    status = context.run.status_on(timezone.localdate())
    if open_only and status == "upcoming":
        return _unavailable(request, "not_started", context, status=200)
    if open_only and status != "open":
        return _unavailable(request, "closed", context, status=410)
    return context


def _is_full(klass) -> bool:
    """Read from the database: the count changes with every response."""
    return ClassCode.objects.filter(pk=klass.pk, responses__gte=F("max_responses")).exists()


UNAVAILABLE_MESSAGES = {
    "unknown": gettext_lazy("We cannot find a survey with this code."),
    "not_started": gettext_lazy("This survey has not started yet."),
    "closed": gettext_lazy("This survey is closed."),
    "class_full": gettext_lazy("Everyone in this class has already filled in the survey."),
}


def _unavailable(request, reason, context=None, status=200):
    """Nothing is stored here, whatever was sent."""
    if wants_json(request) and request.method == "POST":
        return JsonResponse({"ok": False, "message": str(UNAVAILABLE_MESSAGES[reason])}, status=status)
    return render(request, "participatie/respond/unavailable.html", {
        "reason": reason, "message": UNAVAILABLE_MESSAGES[reason],
        "run": context and context.run, "questionnaire": context and context.questionnaire,
    }, status=status)


class SurveyPage:
    """The survey form of one run in the current language, filled with what the respondent sent."""

    def __init__(self, request, context: SurveyContext):
        self.request = request
        self.context = context
        self.run, self.klass, self.questions = context.run, context.klass, context.questions
        self.review_screen = context.review_screen

    def fresh(self):
        """A new respondent's form: rendered once per context and kept with it; each respondent gets own tokens."""
        if "survey" not in self.context.pages:
            response = self.render(0, None, KEY_SLOT, STARTED_SLOT, csrf_token=CSRF_SLOT)
            keep_page(self.context, "survey", response.content.decode())
        html = (self.context.pages["survey"].replace(KEY_SLOT, str(uuid.uuid4())).replace(STARTED_SLOT, start_token())
                .replace(CSRF_SLOT, get_token(self.request)))
        return HttpResponse(html)

    def navigate(self):
        """Next, Back, Change or Clear without JavaScript: show the screen asked for, with every answer."""
        data = self.request.POST
        clear = data.get("wis", "")
        if clear:
            data = data.copy()
            data.pop(clear, None)
            screen = next((number for number, question in enumerate(self.questions, 1) if field_name(question) == clear), 0)
        else:
            try:
                screen = int(data.get("ga", 0))
            except ValueError:
                screen = 0
        key = parse_key(data.get("key")) or uuid.uuid4()
        started = data.get("started") or start_token()
        return self.render(max(0, min(screen, self.review_screen)), data, key, started)

    def submit(self):
        data = self.request.POST
        if data.get(HONEYPOT, "").strip():
            return self.done()  # a robot: it is told all went well, and nothing is stored
        parsed = parse_answers(self.questions, data)
        key = parse_key(data.get("key"))
        started = data.get("started", "")
        if parsed.errors:
            first = next(question for question in self.questions if question.id in parsed.errors)
            return self.refuse(parsed.errors[first.id], 422, key or uuid.uuid4(), started or start_token(),
                               screen=self.questions.index(first) + 1, errors=parsed.errors)
        elapsed = seconds_since_start(started) if started else None
        if key is None or elapsed is None:  # missing, forged, or a day old: start the clock again
            return self.refuse(_("Take a moment to look at your answers, then press Send again."), 422,
                               key or uuid.uuid4(), start_token())
        if elapsed < settings.SURVEY_MIN_SECONDS:
            return self.refuse(_("That was very quick! Take a moment to look at your answers, then press Send "
                                 "again."), 422, key, started)
        try:
            allowed = allow_submission(
                self.run.code, class_code=self.klass.code if self.klass else "",
                address=get_adapter().get_client_ip(self.request),
            )
            if not allowed and Response.objects.filter(run=self.run, idempotency_key=key).exists():
                return self.done()  # sent before: the same thanks, nothing doubled
            if not allowed:
                return self.refuse(_("Many answers are arriving at the same time. Wait a few minutes, then press Send "
                                     "again. Your answers are kept."), 429, key, started)
            # Sent before (a retry, a double tap): the first is kept and the respondent thanked the same.
            store_response(self.run, self.questions, parsed.values, key, today=timezone.localdate(),
                           class_code=self.klass)
        except SubmissionRefused as refusal:
            return self.refuse(str(refusal), 409, key, started)
        except DatabaseError:
            logger.warning("A survey response could not be stored", exc_info=True)
            return self.refuse(_("Your answers have not been sent yet: something went wrong on our side. "
                                 "Your answers are kept. Try again in a moment."), 503, key, started)
        return self.done()

    def done(self):
        name, kwargs = _url_args(self.run.code, self.klass and self.klass.code, page="thanks")
        url = url_in(translation.get_language(), name, **kwargs)
        if wants_json(self.request):
            return JsonResponse({"ok": True, "next": url})
        return see_other(url)

    def refuse(self, message, status, key, started, screen=None, errors=None):
        """Not stored: say why, and give every answer back in the form."""
        screen = self.review_screen if screen is None else screen
        if wants_json(self.request):
            errors = errors or {}
            return JsonResponse({
                "ok": False, "message": str(message), "screen": screen, "key": str(key), "started": started,
                "errors": {field_name(question): str(errors[question.id]) for question in self.questions
                           if question.id in errors},
            }, status=status)
        return self.render(screen, self.request.POST, key, started, message=message, errors=errors, status=status)

    def render(self, screen, data, key, started, message="", errors=None, status=200, **extra):
        name, kwargs = _url_args(self.run.code, self.klass and self.klass.code)
        items = survey_items(self.questions, data, errors)
        context = {
            "run": self.run,
            "class_code": self.klass,
            "questionnaire": self.context.questionnaire,
            "items": items,
            "count": len(items),
            "screen": screen,
            "review_screen": self.review_screen,
            "key": key,
            "started": started,
            "message": message,
            "honeypot": HONEYPOT,
            "action": url_in(translation.get_language(), name, **kwargs),
            "languages": language_links(self.context.languages, name, **kwargs),
            # After a screen came from the server the answers are in the form; the language buttons keep them.
            "answers_in_form": data is not None,
            "storage_key": storage_key(self.run, self.klass),
            **extra,
        }
        return render(self.request, "participatie/respond/survey.html", context, status=status)

