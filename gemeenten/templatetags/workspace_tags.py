from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def display_name(user) -> str:
    """How the workspace names a person; someone whose account is gone is 'a former member'."""
    if user is None:
        return _("a former member")
    return user.get_full_name() or user.email
