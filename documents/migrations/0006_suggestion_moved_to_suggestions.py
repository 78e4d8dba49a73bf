"""``Suggestion`` now belongs to the ``suggestions`` app (its ``0001_initial``): taken out
of this app's state only; its tables and rows stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0005_editorial_workflow"),
        ("suggestions", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Suggestion")],
            database_operations=[],
        ),
    ]
