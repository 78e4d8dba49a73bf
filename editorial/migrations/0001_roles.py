from django.db import migrations


def create_roles(apps, schema_editor):
    from editorial.roles import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("partners", "0003_editorial_workflow"),
        ("programmes", "0002_editorial_workflow"),
        ("documents", "0005_editorial_workflow"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
