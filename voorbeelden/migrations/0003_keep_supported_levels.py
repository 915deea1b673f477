"""An evidence level now stands only with the date, target group and database entry that state it.

Pages saved before the recognition record have no date or target group, so a level they carry is no longer
supported: it becomes 'not assessed' on the page and in its latest revision, which is what the editor opens next.
Editors enter the level again together with the record that shows it.
"""

from django.db import migrations
from django.db.models import Q

UNASSESSED_LEVELS = ("not_assessed", "not_applicable")


def keep_supported_levels(apps, schema_editor):
    InterventionPage = apps.get_model("voorbeelden", "InterventionPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    unsupported = InterventionPage.objects.exclude(evidence_level__in=UNASSESSED_LEVELS).filter(
        Q(evidence_assessed_on=None) | Q(evidence_target_group="") | Q(database_url="")
    )
    revision_ids = list(unsupported.exclude(latest_revision=None).values_list("latest_revision_id", flat=True))
    unsupported.update(evidence_level="not_assessed")
    for revision in Revision.objects.filter(pk__in=revision_ids):
        revision.content["evidence_level"] = "not_assessed"
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ("voorbeelden", "0002_recognition_record"),
    ]

    operations = [
        migrations.RunPython(keep_supported_levels, migrations.RunPython.noop, elidable=True),
    ]
