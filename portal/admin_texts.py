"""Admin texts of Wagtail and wagtail-localize whose Dutch translation runs words together ("%(editor)sheeft").

Our catalogue (LOCALE_PATHS) comes before theirs and translates these again. They are named here because
makemessages keeps only the texts it finds in our code; the rest it would mark obsolete and drop.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

TEXTS = [
    # wagtail-localize
    gettext_noop("Translation of %(instance)s into %(locale)s"),
    gettext_noop("Editing %(object_type)s %(title)s"),
    gettext_noop(
        "This page hasn't been translated yet. It is mirroring the "
        '<a href="%(edit_original_page_url)s" target="_blank">%(original_locale)s page</a>.'
    ),
    # Wagtail
    gettext_noop('%(editor)s has updated comments on "%(title)s".'),
    gettext_noop('%(editor)s has updated comments on "%(title)s"'),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in "
                 "'<span class=\"w-title-ellipsis\">%(title)s</span>'."),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("%(action)s by <b>%(who)s</b> at <b>%(at)s</b>"),
    gettext_noop("%(status_display)s %(task_name)s %(started_at)s"),
    gettext_noop("%(related_model_name)s %(field_label)s"),
    gettext_noop("Delete %(snippet_type_name)s"),
    gettext_noop("Are you sure you want to delete %(count)s %(snippet_type_name)s?"),
]

PLURAL_TEXTS = [
    ngettext_lazy(
        "It will also delete %(translation_count)s translations and their combined "
        "%(translation_descendant_count)s translated child page.",
        "It will also delete %(translation_count)s translations and their combined "
        "%(translation_descendant_count)s translated child pages.",
        "translation_descendant_count",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy("%(count)d %(model_name)s deleted.", "%(count)d %(model_name)s deleted.", "count"),
]
