from django.db import migrations

GROUPS = ["Editors", "Moderators"]
ACTIONS = ["add", "change", "delete", "publish"]


def grant(apps, schema_editor):
    """Wagtail's editor groups write, translate and publish the questionnaire templates."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    questionnaire_type, _created = ContentType.objects.get_or_create(app_label="participatie", model="questionnaire")
    permissions = [
        Permission.objects.get_or_create(
            content_type=questionnaire_type, codename=f"{action}_questionnaire",
            defaults={"name": f"Can {action} questionnaire"},
        )[0]
        for action in ACTIONS
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="participatie", codename__in=[f"{a}_questionnaire" for a in ACTIONS]
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("participatie", "0001_surveys"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
