from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from stappen.explanations import explain, terms_for

register = template.Library()


@register.filter
def explain_terms(html):
    """The rendered body of a page with the first occurrence of each glossary term explained, in the page's language.

    Meant for the one body of a page (`{% filter explain_terms %}…{% endfilter %}`): "first" counts within the text
    it is given.
    """
    safe = conditional_escape(html)
    return mark_safe(explain(str(safe), terms_for(get_language())))  # nosec B308 B703 (escaped input, escaped texts)
