"""Template filters for showing survey results as participatie.results gives them."""

from django import template

from participatie.presentation import figure_results

register = template.Library()


@register.filter
def with_figures(results):
    """{% for theme, questions in results|with_figures %}: the questions with figures, per theme."""
    return list(figure_results(results))


@register.filter
def open_questions(theme):
    return [result for result in theme.questions if result.question.kind == "open_text"]


@register.filter
def is_scale(question):
    return question.kind in ("face_scale", "ladder")

