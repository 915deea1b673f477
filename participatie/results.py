"""The one interface through which others read survey results: aggregated, with small groups suppressed.

`gemeenten` shows `team_results` in a team's step 3; the run's public page and the exports use
`run_results`. Nothing here returns a single response.
"""

from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from participatie.aggregation import NO_GROUP, count_answers
from participatie.models import ResponseAnswer, Review, SurveyRun
from participatie.questions import Question, localized_questionnaire, run_questions
from participatie.suppression import Line, protect
from participatie.themes import THEMES

SCALES = ("face_scale", "ladder")


@dataclass
class Figure:
    label: str
    count: int | None  # None: hidden
    percent: int | None


@dataclass
class GroupResult:
    label: str
    answered: int | None  # None: the group is too small to show
    figures: list[Figure] = field(default_factory=list)
    mean: float | None = None


@dataclass
class Breakdown:
    question: Question  # the group question
    groups: list[GroupResult]


@dataclass
class QuestionResult:
    question: Question
    answered: int | None  # None: too few answers to show anything
    figures: list[Figure] = field(default_factory=list)
    mean: float | None = None
    breakdowns: list[Breakdown] = field(default_factory=list)
    open_answers: list[str] = field(default_factory=list)


@dataclass
class ThemeResults:
    theme: str
    label: str
    questions: list[QuestionResult]


@dataclass
class RunResults:
    run: SurveyRun
    respondents: int
    shown: bool  # False while fewer than the run's minimum have answered
    themes: list[ThemeResults]


def team_results(team_id: int, language: str | None = None) -> list[RunResults]:
    """The results of every survey the team has run, latest first."""
    runs = SurveyRun.objects.filter(team_id=team_id).select_related("questionnaire").order_by("-opens_on")
    return [run_results(run, language) for run in runs]


def run_results(run: SurveyRun, language: str | None = None) -> RunResults:
    questions = run_questions(run, localized_questionnaire(run, language or get_language()))
    group_questions = [question for question in questions if question.kind == "segment"]
    counts = count_answers(run, [question.id for question in group_questions])
    respondents = counts["respondents"]
    shown = respondents >= run.min_group_size
    open_answers = _reviewed_open_answers(run) if shown else {}
    results = []
    for question in questions:
        if question.kind == "open_text":
            results.append(QuestionResult(question, None, open_answers=open_answers.get(question.id, [])))
        elif shown:
            results.append(_question_result(run, question, group_questions, counts))
    themes = [
        ThemeResults(code, str(label), [result for result in results if result.question.theme == code])
        for code, label in THEMES
    ]
    return RunResults(run, respondents, shown, [theme for theme in themes if theme.questions])


def _question_result(run, question, group_questions, counts) -> QuestionResult:
    overall = counts["answers"].get(question.id, {})
    answered = counts["answered"].get(question.id, 0)
    group_tables = {}
    for group_question in group_questions:
        if group_question.id == question.id:
            continue
        groups = counts["groups"].get(group_question.id, {"sizes": {}, "answers": {}, "answered": {}})
        keys = [option.key for option in group_question.options] + [NO_GROUP]
        group_tables[group_question] = {
            key: (groups["answers"].get(key, {}).get(question.id, {}), groups["answered"].get(key, {}).get(question.id, 0))
            for key in keys
        }
    if question.multiple:
        return _multiple_choice(run, question, overall, answered, group_tables)
    values = [str(value) for value in question.values]
    protected_overall = None
    breakdowns = []
    for group_question, table in group_tables.items():
        protected = protect(
            [overall.get(value, 0) for value in values],
            {key: [cells.get(value, 0) for value in values] for key, (cells, _n) in table.items() if sum(cells.values())},
            run.min_group_size,
        )
        protected_overall = protected.overall
        breakdowns.append(Breakdown(group_question, [
            _group_result(question, _group_label(group_question, key), protected.groups.get(key))
            for key in table
            if key != NO_GROUP or protected.groups.get(key) is not None
        ]))
    if protected_overall is None:
        protected_overall = protect([overall.get(value, 0) for value in values], {}, run.min_group_size).overall
    if protected_overall is None:
        return QuestionResult(question, None)
    return QuestionResult(
        question, answered, _figures(question, protected_overall), _mean(question, protected_overall), breakdowns,
    )


def _multiple_choice(run, question, overall, answered, group_tables) -> QuestionResult:
    """Each option of a multiple-choice question is its own table: chosen or not, per group."""
    if answered < run.min_group_size:
        return QuestionResult(question, None)
    figures = []
    per_group = {group_question: {key: GroupResult(_group_label(group_question, key), None) for key in table}
                 for group_question, table in group_tables.items()}
    for option in question.options:
        chosen = overall.get(option.key, 0)
        for group_question, table in group_tables.items():
            protected = protect(
                [chosen, answered - chosen],
                {key: [cells.get(option.key, 0), n - cells.get(option.key, 0)] for key, (cells, n) in table.items() if n},
                run.min_group_size,
            )
            for key, line in protected.groups.items():
                result = per_group[group_question][key]
                if line is not None:
                    result.answered = line.size
                    result.figures.append(_figure(option.label, line, 0))
        line = protect([chosen, answered - chosen], {}, run.min_group_size).overall
        figures.append(_figure(option.label, line, 0))
    breakdowns = [
        Breakdown(group_question, [result for key, result in groups.items() if key != NO_GROUP or result.answered is not None])
        for group_question, groups in per_group.items()
    ]
    return QuestionResult(question, answered, figures, None, breakdowns)


def _group_label(group_question: Question, key: str) -> str:
    return group_question.label_for(key) if key != NO_GROUP else _("No group given")


def _group_result(question: Question, label: str, line: Line | None) -> GroupResult:
    if line is None:
        return GroupResult(label, None)
    return GroupResult(label, line.size, _figures(question, line), _mean(question, line))


def _figures(question: Question, line: Line) -> list[Figure]:
    return [_figure(question.label_for(value), line, index) for index, value in enumerate(question.values)]


def _figure(label: str, line: Line, index: int) -> Figure:
    if line.hidden[index]:
        return Figure(label, None, None)
    count = line.counts[index]
    return Figure(label, count, round(100 * count / line.size))


def _mean(question: Question, line: Line) -> float | None:
    if question.kind not in SCALES or not line.size:
        return None
    return round(sum(value * count for value, count in zip(question.values, line.counts)) / line.size, 1)


def _reviewed_open_answers(run: SurveyRun) -> dict[str, list[str]]:
    answers: dict[str, list[str]] = {}
    rows = ResponseAnswer.objects.filter(response__run=run, review=Review.SHOWN).values_list("question_id", "text")
    for question_id, text in rows:
        answers.setdefault(question_id, []).append(text)
    return answers
