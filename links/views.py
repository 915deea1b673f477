import django_filters
from django.forms import Media
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from links.models import Link

# Who sees the link report and the dashboard's broken links: whoever may write pages.
EDITING = ["add", "change", "publish"]


def may_edit_pages(user) -> bool:
    return policy_registry.get_by_type(Page).user_has_any_permission(user, EDITING)


class LinkReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=[choice for choice in Link.Status.choices if choice[0] != Link.Status.OK],
        empty_label=_("All problems"),
    )

    class Meta:
        model = Link
        fields = ["status"]


class LinkReportView(ReportView):
    """For editors: the external links on live pages that are broken, unreachable or moved."""

    page_title = _("Broken and moved links")
    header_icon = "link"
    results_template_name = "links/admin/link_report_results.html"
    index_url_name = "link_report"
    index_results_url_name = "link_report_results"
    filterset_class = LinkReportFilterSet
    any_permission_required = EDITING

    @cached_property
    def permission_policy(self):
        # The report lists links; who may see it follows who may write the pages that carry them.
        return policy_registry.get_by_type(Page)

    def get_queryset(self):
        return Link.objects.problems().with_carriers()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["last_checked_at"] = Link.objects.last_checked_at()
        context["media"] += Media(css={"all": ["portal/admin/card_rows.css", "links/link_report.css"]})
        return context
