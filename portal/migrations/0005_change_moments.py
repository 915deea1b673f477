from django.db import migrations, models
from django.utils import timezone


def moments_from_published_content(apps, schema_editor):
    kept = apps.get_model("portal", "PublishedContent").objects.values_list("changed_at", flat=True).first()
    moments = apps.get_model("portal", "ChangeMoment")
    moments.objects.create(name="public-content", changed_at=kept or timezone.now())
    moments.objects.create(name="surveys", changed_at=timezone.now())


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0004_published_content"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChangeMoment",
            fields=[
                ("name", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("changed_at", models.DateTimeField()),
            ],
        ),
        migrations.RunPython(moments_from_published_content, migrations.RunPython.noop),
        migrations.DeleteModel(name="PublishedContent"),
    ]
