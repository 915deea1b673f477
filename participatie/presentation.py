"""Survey results put into words and tables, from participatie.results only: what is hidden there stays hidden.

Used by the team's results page, the exports, step 3 of the workspace (through the template filters)
and the public page.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from participatie.results import QuestionResult, RunResults
from participatie.themes import Audience

POSITIVE_FACES = {3: 1, 5: 2}  # how many of the happiest faces count as feeling good


def mean_hidden_note() -> str:
    return _("Average not shown: with the figures shown it would give away hidden ones.")


def question_hidden_note(run) -> str:
    return _("Fewer than %(count)s answered this question — not shown.") % {"count": run.min_group_size}


def group_hidden_note(run) -> str:
    return _("Not shown: fewer than %(count)s answers in this group, or it would let another small group be worked out.") % {
        "count": run.min_group_size,
    }


def cell_hidden_note() -> str:
    return _("Not shown: too few answers, or it could be worked out from the other figures.")


def waiting_note(run) -> str:
    return _("Results appear once at least %(count)s have answered.") % {"count": run.min_group_size}


def figure_results(results: RunResults):
    """The questions that have figures (every kind but open questions), per theme."""
    for theme in results.themes:
        questions = [result for result in theme.questions if result.question.kind != "open_text"]
        if questions:
            yield theme, questions


def scale_range(result: QuestionResult) -> str:
    values = result.question.values
    return _("on a scale from %(low)s to %(high)s") % {"low": values[0], "high": values[-1]}


# The public page: plain sentences, from shown figures only.

@dataclass
class Statement:
    question: str
    sentences: list[str]


def audience_noun(audience: str) -> str:
    return {
        Audience.CHILDREN: _("children"),
        Audience.YOUTH: _("young people"),
        Audience.PARENTS: _("parents"),
    }.get(audience, _("people"))


def out_of_ten(percent: int) -> str:
    """A share in words, lower-case: where it starts a sentence, that sentence is capitalised as a whole."""
    tenths = round(percent / 10)
    if tenths < 1:
        return _("fewer than 1 out of 10")
    if tenths >= 10:
        return _("nearly all")
    return _("%(count)s out of 10") % {"count": tenths}


def statements(results: RunResults) -> list[tuple[str, list[Statement]]]:
    """Per theme, every question that has something to say, in sentences a child can follow."""
    noun = audience_noun(results.run.audience)
    themes = []
    for theme, questions in figure_results(results):
        said = []
        for result in questions:
            if result.question.kind == "segment" or result.answered is None:
                continue  # who answered from which school is not news, and the public page shows no groups
            sentences = _sentences(result, noun)
            if sentences:
                said.append(Statement(result.question.text, sentences))
        if said:
            themes.append((theme.label, said))
    return themes


def _sentences(result: QuestionResult, noun: str) -> list[str]:
    question = result.question
    figures = result.figures
    sentences = []
    if question.kind == "face_scale":
        happiest = figures[-POSITIVE_FACES.get(len(figures), 1):]
        if all(figure.count is not None for figure in happiest):
            part = out_of_ten(sum(figure.percent for figure in happiest))
            if len(happiest) == 2:
                sentences.append(capfirst(_("%(part)s %(noun)s who answered chose “%(first)s” or “%(second)s”.") % {
                    "part": part, "noun": noun, "first": happiest[0].label, "second": happiest[1].label,
                }))
            else:
                sentences.append(capfirst(_("%(part)s %(noun)s who answered chose “%(label)s”.") % {
                    "part": part, "noun": noun, "label": happiest[0].label,
                }))
    elif question.kind == "yes_no":
        yes = figures[0]
        if yes.count is not None:
            sentences.append(capfirst(_("%(part)s %(noun)s who answered said yes.") % {
                "part": out_of_ten(yes.percent), "noun": noun,
            }))
    elif question.kind == "choice":
        shown = sorted((figure for figure in figures if figure.count is not None), key=lambda figure: -figure.count)
        for figure in shown[:3]:
            sentences.append(capfirst(_("%(part)s %(noun)s who answered chose “%(label)s”.") % {
                "part": out_of_ten(figure.percent), "noun": noun, "label": figure.label,
            }))
    mean = result.mean
    if mean is not None:
        values = question.values
        sentences.append(_("On average %(noun)s gave a %(mean)s out of %(high)s.") % {
            "noun": noun, "mean": _number(mean), "high": values[-1],
        } if question.kind == "ladder" else _("On average %(noun)s chose %(mean)s on a scale from %(low)s to %(high)s.") % {
            "noun": noun, "mean": _number(mean), "low": values[0], "high": values[-1],
        })
    if sentences:
        sentences.append(_("%(count)s answered this question.") % {"count": result.answered})
    return sentences


def _number(value: float) -> str:
    return number_format(value, decimal_pos=1)


def open_quotes(results: RunResults) -> list[tuple[str, list[str]]]:
    """The reviewed open answers that may be shown, per question."""
    quotes = []
    for theme in results.themes:
        for result in theme.questions:
            if result.question.kind == "open_text" and result.open_answers:
                quotes.append((result.question.text, result.open_answers))
    return quotes
