from django.db import migrations


def grant_version_publishing(apps, schema_editor):
    from editorial.roles import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    """Reviewers publish or discard imported document versions."""

    dependencies = [
        ("editorial", "0001_roles"),
        ("documents", "0008_version_publication"),
        ("suggestions", "0002_lock_version"),
    ]

    operations = [migrations.RunPython(grant_version_publishing, migrations.RunPython.noop)]
