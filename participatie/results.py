"""The one interface through which others read survey results: aggregated, with small groups suppressed.

`gemeenten` shows `team_results` in a team's step 3; the run's public page and the exports use
`run_results`. Nothing here returns a single response.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from participatie.aggregation import NO_GROUP, tallied
from participatie.models import ResponseAnswer, Review, SurveyRun
from participatie.questions import Question, localized_questionnaire, run_questions
from participatie.suppression import Line, hidden_groups, protect
from participatie.themes import THEMES

SCALES = ("face_scale", "ladder")
RESULTS_KEPT_FOR = 60 * 60 * 24


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
    version: str  # changes whenever anything shown here does: a key for caching their rendering


def team_results(team_id: int, language: str | None = None) -> list[RunResults]:
    """The results of every survey the team has run, latest first."""
    runs = (
        SurveyRun.objects.filter(team_id=team_id).select_related("questionnaire").prefetch_related("segment_options")
        .order_by("-opens_on")
    )
    return [run_results(run, language) for run in runs]


def run_results(run: SurveyRun, language: str | None = None) -> RunResults:
    """The run's results; made once per version of what they depend on, and kept in the cache."""
    language = language or get_language()
    questionnaire = localized_questionnaire(run, language)
    groups = [(option.pk, option.kind, option.label) for option in run.segment_options.all()]
    counted = tallied(run)
    shown = counted.respondents >= run.min_group_size
    open_answers = _reviewed_open_answers(run) if shown else {}
    inputs = (run.pk, counted.version, run.min_group_size, language, get_language(), questionnaire.pk,
              json.dumps(questionnaire.body.raw_data, sort_keys=True, default=str), groups, open_answers)
    version = hashlib.sha256(repr(inputs).encode()).hexdigest()
    themes = cache.get(f"survey-results:{version}")
    if themes is None:
        themes = _themes(run, run_questions(run, questionnaire), counted.counts(), shown, open_answers)
        cache.set(f"survey-results:{version}", themes, RESULTS_KEPT_FOR)
    return RunResults(run, counted.respondents, shown, themes, version)


def _themes(run, questions, counts, shown, open_answers) -> list[ThemeResults]:
    group_questions = [question for question in questions if question.kind == "segment"]
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
    return [theme for theme in themes if theme.questions]


# A ladder's eleven steps are shown in four bands, so that fewer cells are too small to show.
LADDER_BANDS = ((0, 4), (5, 6), (7, 8), (9, 10))


def _categories(question: Question) -> list[tuple[str, list[str]]]:
    """The columns of a question's tables: a label and the stored values it counts."""
    if question.kind == "ladder":
        return [(f"{low}–{high}", [str(value) for value in range(low, high + 1)]) for low, high in LADDER_BANDS]
    return [(question.label_for(value), [str(value)]) for value in question.values]


def _question_result(run, question, group_questions, counts) -> QuestionResult:
    if question.kind == "segment":
        return _group_question(run, question, counts)
    overall = counts["answers"].get(question.id, {})
    answered = counts["answered"].get(question.id, 0)
    group_tables = {}
    for group_question in group_questions:
        groups = counts["groups"].get(group_question.id, {"sizes": {}, "answers": {}, "answered": {}})
        keys = [option.key for option in group_question.options] + [NO_GROUP]
        group_tables[group_question] = {
            key: (groups["answers"].get(key, {}).get(question.id, {}), groups["answered"].get(key, {}).get(question.id, 0))
            for key in keys
        }
    if question.multiple:
        return _multiple_choice(run, question, overall, answered, group_tables)
    categories = _categories(question)

    def row(cells):
        return [sum(cells.get(value, 0) for value in values) for _label, values in categories]

    protected_overall = protect(row(overall), {}, run.min_group_size).overall
    if protected_overall is None:
        return QuestionResult(question, None)
    breakdowns = []
    for group_question, table in group_tables.items():
        protected = protect(row(overall), {key: row(cells) for key, (cells, n) in table.items() if n}, run.min_group_size)
        breakdowns.append(Breakdown(group_question, [
            _group_result(question, categories, _group_label(group_question, key), protected.groups.get(key), cells)
            for key, (cells, _n) in table.items()
            if key != NO_GROUP or protected.groups.get(key) is not None
        ]))
    return QuestionResult(
        question, answered, _figures(categories, protected_overall), _mean(question, protected_overall, overall),
        breakdowns,
    )


def _group_question(run, question, counts) -> QuestionResult:
    """A group question's own figures are the group sizes: hidden exactly as the breakdowns hide them,
    with "no group given" as one of the groups, so that no hidden group follows from the total."""
    sizes = counts["groups"].get(question.id, {}).get("sizes", {})
    keys = [option.key for option in question.options] + [NO_GROUP]
    present = {key: sizes.get(key, 0) for key in keys if sizes.get(key, 0)}
    hidden = hidden_groups(present, run.min_group_size)
    total = counts["respondents"]
    figures = [
        Figure(_group_label(question, key), None, None) if key in hidden or key not in present
        else Figure(_group_label(question, key), present[key], round(100 * present[key] / total))
        for key in keys
        if key != NO_GROUP or (key in present and key not in hidden)
    ]
    return QuestionResult(question, total, figures)


def _multiple_choice(run, question, overall, answered, group_tables) -> QuestionResult:
    """Each option of a multiple-choice question is its own table: chosen or not, per group. A group
    hidden in any option's table is hidden for the whole question, so its size shows nowhere."""
    if answered < run.min_group_size:
        return QuestionResult(question, None)
    figures = []
    tables = {group_question: [] for group_question in group_tables}
    for option in question.options:
        chosen = overall.get(option.key, 0)
        figures.append(_figure(option.label, protect([chosen, answered - chosen], {}, run.min_group_size).overall, 0))
        for group_question, table in group_tables.items():
            tables[group_question].append(protect(
                [chosen, answered - chosen],
                {key: [cells.get(option.key, 0), n - cells.get(option.key, 0)] for key, (cells, n) in table.items() if n},
                run.min_group_size,
            ))
    breakdowns = []
    for group_question, protected in tables.items():
        groups = []
        for key in group_tables[group_question]:
            lines = [option_table.groups.get(key) for option_table in protected]
            if any(line is None for line in lines):
                if key != NO_GROUP:
                    groups.append(GroupResult(_group_label(group_question, key), None))
                continue
            groups.append(GroupResult(
                _group_label(group_question, key), lines[0].size,
                [_figure(option.label, line, 0) for option, line in zip(question.options, lines)],
            ))
        breakdowns.append(Breakdown(group_question, groups))
    return QuestionResult(question, answered, figures, None, breakdowns)


def _group_label(group_question: Question, key: str) -> str:
    return group_question.label_for(key) if key != NO_GROUP else _("No group given")


def _group_result(question, categories, label: str, line: Line | None, cells: dict) -> GroupResult:
    if line is None:
        return GroupResult(label, None)
    return GroupResult(label, line.size, _figures(categories, line), _mean(question, line, cells))


def _figures(categories, line: Line) -> list[Figure]:
    return [_figure(label, line, index) for index, (label, _values) in enumerate(categories)]


def _figure(label: str, line: Line, index: int) -> Figure:
    if line.hidden[index]:
        return Figure(label, None, None)
    count = line.counts[index]
    return Figure(label, count, round(100 * count / line.size))


def _mean(question: Question, line: Line, cells: dict) -> float | None:
    """A mean only where the whole distribution is shown: with a hidden cell, the mean would be one more
    equation from which the hidden counts could be worked out."""
    if question.kind not in SCALES or not line.size or any(line.hidden):
        return None
    return round(sum(int(value) * count for value, count in cells.items()) / line.size, 1)


def _reviewed_open_answers(run: SurveyRun) -> dict[str, list[str]]:
    answers: dict[str, list[str]] = {}
    rows = (
        ResponseAnswer.objects.filter(response__run=run, review=Review.SHOWN)
        .order_by("question_id", "text").values_list("question_id", "text")
    )
    for question_id, text in rows:
        answers.setdefault(question_id, []).append(text)
    return answers
