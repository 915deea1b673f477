from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from links.views import LinkReportView, may_edit_pages


class LinkReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_edit_pages(request.user)


@hooks.register("register_admin_urls")
def register_link_report_urls():
    return [
        path("reports/links/", LinkReportView.as_view(), name="link_report"),
        path("reports/links/results/", LinkReportView.as_view(results_only=True), name="link_report_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_link_report_menu_item():
    return LinkReportMenuItem(_("Broken links"), reverse("link_report"), name="broken-links", icon_name="link", order=710)
