"""Demo teams with their plans: Velsen well under way, Zaanstad just started (content/teams.yaml).

Teams, answers and structured rows go through the workspace's own functions (create_team,
save_answer, sections.add_row and save_scores), so the plans have answer versions and a change log
like a real team's.
A team that already exists, by name, is left alone: editors and visitors may have changed it.
Everything here needs the demo accounts, so the caller passes the accounts it created.
"""

from datetime import date, timedelta
from pathlib import Path

import yaml
from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from gemeenten.answers import save_answer
from gemeenten.changes import record_change
from gemeenten.method import method_steps, step_questions
from gemeenten.models import (
    Answer,
    Approach,
    ContactAgreement,
    Finding,
    Indicator,
    Membership,
    MonitoringAgreement,
    Partner,
    PracticeSignal,
    Result,
    Team,
)
from gemeenten.models.team import Role
from gemeenten.overview import mark_step
from gemeenten.sections import SECTIONS, add_row, save_scores, scores_form
from gemeenten.start import plan_first_meeting
from gemeenten.teams import create_team
from portal.demo.pages import LoadReport
from portal.demo.stream import ContentError, stable_id
from portal.demo.users import DEMO_PASSWORD
from portal.models import Municipality, User
from stappen.demo.method import read_content as read_method_content
from stappen.demo.stream import question_id
from stappen.worksheet import WorksheetQuestion
from voorbeelden.models import InterventionPage

CONTENT_DIR = Path(__file__).parent / "content"
INVOLVEMENT = "involvement"


def read_teams() -> list[dict]:
    return yaml.safe_load((CONTENT_DIR / "teams.yaml").read_text(encoding="utf-8"))


def load_workspace(users: list[User]) -> LoadReport:
    """Create the demo teams that are missing; `users` are the demo accounts the caller ensured.

    Without demo accounts there is nobody to coordinate a team, so nothing is created.
    """
    report = LoadReport()
    if not users:
        return report
    accounts = {user.email: user for user in users}
    # Change summaries and question texts are stored as written, in the language of the moment.
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        loader = _Loader(report)
        for content in read_teams():
            coordinator = accounts.get(content["coordinator"]["email"])
            if coordinator is None or Team.objects.filter(name=content["name"]).exists():
                continue
            loader.team(content, coordinator)
        # Marked on every load, so a site loaded before teams carried the mark gets it too.
        Team.objects.filter(name__in=[content["name"] for content in read_teams()]).update(is_demo=True)
    return report


class _Loader:
    def __init__(self, report: LoadReport):
        self.report = report
        self.method_keys = set(_method_question_keys())
        self.questions = {}
        self.involvement = {}
        for step in method_steps():
            for question in step_questions(step, follow_up_cycle=False).all():
                self.questions[question.id] = (step.code, question)
                if question.purpose == "involvement":
                    self.involvement.setdefault(step.code, question.id)

    def team(self, content, coordinator):
        codes = content["municipalities"]
        municipalities = list(Municipality.objects.filter(code__in=codes))
        if len(municipalities) != len(codes):
            raise ContentError(f"{content['name']}: unknown municipalities in {codes}")
        spec = content["coordinator"]
        team = create_team(
            coordinator, content["name"], municipalities, content["cycle"],
            organisation=spec.get("organisation", ""), sector=spec.get("sector", ""),
        )
        plan = team.current_plan()
        self.report.created.append(f"team {team} (plan {plan.cycle})")
        people = {coordinator.email: coordinator}
        for member in content.get("members", []):
            people[member["email"]] = self.member(team, plan, member)
        editors = {
            email: user for email, user in people.items()
            if Membership.objects.get(team=team, user=user).role != Role.READER
        }

        for entry in content.get("answers", []):
            self.answer(plan, entry, editors, coordinator)
        for code in content.get("done", []):
            mark_step(plan, str(code), True, coordinator)
        self.structured(plan, content, editors, coordinator)
        if "first_meeting_days_ago" in content:
            day = timezone.localdate() - timedelta(days=content["first_meeting_days_ago"])
            plan_first_meeting(plan, day, coordinator)

    def member(self, team, plan, spec) -> User:
        user = User.objects.filter(email=spec["email"]).first()
        if user is None:
            user = User(
                username=spec["email"], email=spec["email"], first_name=spec["first_name"], last_name=spec["last_name"]
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            self.report.created.append(f"demo account {user.email}")
        EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
        role = spec.get("role", Role.MEMBER)
        if role not in Role.values:
            raise ContentError(f"{spec['email']}: unknown role {role!r}")
        Membership.objects.create(
            team=team, user=user, role=role, organisation=spec.get("organisation", ""), sector=spec.get("sector", "")
        )
        record_change(plan, "", user, _("Joined the team"))
        return user

    def answer(self, plan, entry, editors, coordinator):
        step_code = str(entry["step"])
        key = entry["question"]
        if key == INVOLVEMENT:
            # The step page's own involvement question, or the one the workspace adds (step_questions).
            wanted = self.involvement.get(step_code)
        elif key in self.method_keys:
            wanted = question_id(key)
        else:
            raise ContentError(f"Unknown question key {key!r}; use a key from stappen/demo/content/method.yaml")
        if wanted not in self.questions:
            raise ContentError(f"Step {step_code} does not ask question {key!r}: is the method loaded?")
        code, question = self.questions[wanted]
        if code != step_code:
            raise ContentError(f"Question {key!r} belongs to step {code}, not {step_code}")
        for save in [entry, *entry.get("then", [])]:
            author = _author(save, editors, coordinator)
            answer = Answer.objects.filter(plan=plan, question_id=question.id).first()
            value = _value(question, key, save["value"])
            save_answer(plan, code, question, value, answer.version if answer else 0, author)

    def structured(self, plan, content, editors, coordinator):
        """The rows of steps 2 to 7, through the same forms and functions as the workspace."""
        results = {}
        for name, model in [
            ("partners", Partner),
            ("signals", PracticeSignal),
            ("findings", Finding),
            ("results", Result),
            ("approaches", Approach),
            ("monitoring", MonitoringAgreement),
            ("contact", ContactAgreement),
        ]:
            if name not in content:
                continue
            section = next(section for section in SECTIONS.values() if section.model is model)
            author = _author(content[name], editors, coordinator)
            for row in content[name]["rows"]:
                fields = dict(row)
                key = fields.pop("key", None)
                scores = fields.pop("scores", [])
                if model is Approach and not self.approach_fields(fields, results):
                    continue
                _refer(model, fields, results)
                data = {f"{section.slug}-{field}": _form_value(value) for field, value in fields.items()}
                form, saved = add_row(section, plan, data, author)
                if saved is None:
                    raise ContentError(f"{content['name']}, {name}: {form.errors.as_text()}")
                if key:
                    results[key] = saved
                if scores:
                    self.score(plan, saved, scores, author)

    def approach_fields(self, fields, results) -> bool:
        """Turns the YAML's keys into the form's choices; False when the approach cannot be made here."""
        if "result" in fields:
            if fields["result"] not in results:
                raise ContentError(f"An approach refers to unknown result {fields['result']!r}")
            fields["result"] = results[fields["result"]].pk
        slug = fields.pop("intervention", None)
        if slug is None:
            return True
        intervention = _intervention(slug)
        if intervention is None:
            # The interventions are not on this site; a local activity's name is the fall-back, if given.
            return bool(fields.get("name"))
        fields.pop("name", None)
        fields["intervention"] = intervention.pk
        return True

    def score(self, plan, approach, scores, author):
        data = {}
        for score in scores:
            data[f"scores-{score['block']}-score"] = score["score"]
            data[f"scores-{score['block']}-explanation"] = score.get("explanation", "")
        form = scores_form(approach, data)
        if not form.is_valid():
            raise ContentError(f"Scores of {approach}: {form.errors.as_text()}")
        save_scores(plan, approach, form, author)


INDICATOR_FIELDS = {Finding: "indicator", Result: "catalogue_indicator"}


def _refer(model, fields, rows) -> None:
    """Turns the YAML's indicator codes and row keys (a result's concern or opportunity) into the forms' choices."""
    name = INDICATOR_FIELDS.get(model)
    code = fields.get(name) if name else None
    if code:
        indicator = Indicator.objects.filter(code=code, locale=Locale.get_default(), team__isnull=True).first()
        if indicator is None:
            raise ContentError(f"Unknown indicator {code!r}: is the catalogue loaded (load_indicators)?")
        fields[name] = indicator.pk
    if model is Result and "finding" in fields:
        if fields["finding"] not in rows:
            raise ContentError(f"A result refers to unknown concern or opportunity {fields['finding']!r}")
        fields["finding"] = rows[fields["finding"]].pk


def _author(entry, editors, coordinator) -> User:
    email = entry.get("by")
    if email is None:
        return coordinator
    if email not in editors:
        raise ContentError(f"{email} is not a member of this team who may edit its plan")
    return editors[email]


def _value(question: WorksheetQuestion, key: str, raw):
    """The YAML value in the form the worksheet stores for this kind of question."""
    if question.answer_kind == "table":
        if not isinstance(raw, list) or not all(isinstance(row, list) for row in raw):
            raise ContentError(f"{key}: a table answer is a list of rows")
        rows = [[str(cell).strip() for cell in row] for row in raw]
        if any(len(row) != len(question.columns) for row in rows):
            raise ContentError(f"{key}: every row needs {len(question.columns)} cells")
        return rows
    if question.answer_kind == "list":
        if not isinstance(raw, list):
            raise ContentError(f"{key}: a list answer is a list of items")
        return "\n".join(str(item).strip() for item in raw)
    if not isinstance(raw, str):
        raise ContentError(f"{key}: a text answer is a string")
    return raw.strip()


def _form_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _intervention(slug: str) -> InterventionPage | None:
    return (
        InterventionPage.objects.live()
        .filter(translation_key=stable_id("page", slug), locale=Locale.get_default())
        .first()
    )


def _method_question_keys():
    method = read_method_content("method.yaml")
    for content in [*method["steps"], method["continuous_step"]]:
        for item in content["body"]:
            (block_type, value), = item.items()
            if block_type == "question":
                yield value["key"]
            elif block_type == "questions_first":
                yield from (question["key"] for question in value["questions"])
