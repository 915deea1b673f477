from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from search.statistics import top_terms

DAYS = 30


def search_terms_report(request):
    """For editors: what people searched for most in the last 30 days, and what found nothing."""
    return TemplateResponse(
        request,
        "search/admin/search_terms_report.html",
        {
            "page_title": _("What people search for"),
            "days": DAYS,
            "popular": top_terms(DAYS),
            "without_results": top_terms(DAYS, without_results=True),
        },
    )
