from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem


class ContentAccessibilityItem(ContentCheckerItem):
    """The userbar's checker looks at what editors write: the main content, not the site's own chrome
    (which the test suite checks with axe-core), with extra rules for lists, tables, images and languages."""

    axe_include = ["main"]
    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "list",
        "listitem",
        "table-duplicate-name",
        "td-headers-attr",
        "th-has-data-cells",
        "valid-lang",
    ]


@hooks.register("construct_wagtail_userbar")
def use_content_accessibility_checker(request, items, page):
    items[:] = [
        ContentAccessibilityItem(in_editor=item.in_editor) if isinstance(item, ContentCheckerItem) else item
        for item in items
    ]
