from django.db import migrations

GROUPS = ["Editors", "Moderators"]
ACTIONS = ["add", "change", "delete"]


def grant(apps, schema_editor):
    """Wagtail's editor groups keep the indicator catalogue and translate it."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    indicator_type, _created = ContentType.objects.get_or_create(app_label="gemeenten", model="indicator")
    permissions = [
        Permission.objects.get_or_create(
            content_type=indicator_type, codename=f"{action}_indicator", defaults={"name": f"Can {action} indicator"},
        )[0]
        for action in ACTIONS
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="gemeenten", codename__in=[f"{action}_indicator" for action in ACTIONS]
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0002_figures_and_analysis"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
