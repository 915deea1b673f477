from django.db import migrations

GROUPS = ["Editors", "Moderators"]
CODENAMES = ["add_synonymgroup", "change_synonymgroup", "delete_synonymgroup"]


def grant(apps, schema_editor):
    """The editors who keep the content also keep the words that searches treat as the same."""
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    content_type, _created = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="search", model="synonymgroup"
    )
    permissions = [
        Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": codename})[0]
        for codename in CODENAMES
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="search", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_synonym_group"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
