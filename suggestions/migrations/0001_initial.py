"""The suggested facts move from ``documents`` to this app, their rows kept where they are.

The model's tables stay ``documents_suggestion`` and ``documents_suggestion_partners``,
with every constraint and index under its name: this migration only tells Django's state
that the model now belongs here (``documents/migrations/0006`` takes it out of
``documents``' state), and moves its content type, so that its permissions and the
groups granted them stay as they were.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def content_type_to(app_label, from_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        types = ContentType.objects.using(schema_editor.connection.alias)
        if not types.filter(app_label=app_label, model="suggestion").exists():
            types.filter(app_label=from_label, model="suggestion").update(app_label=app_label)

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0005_editorial_workflow"),
        ("partners", "0003_editorial_workflow"),
        ("programmes", "0002_editorial_workflow"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Suggestion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("participation", "Participation"),
                                    ("event", "Event"),
                                    ("new_programme", "New programme"),
                                    ("new_partner", "New partner"),
                                ],
                                max_length=16,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Pending"),
                                    ("accepted", "Accepted"),
                                    ("rejected", "Rejected"),
                                ],
                                default="pending",
                                max_length=16,
                                verbose_name="status",
                            ),
                        ),
                        ("quote", models.TextField(verbose_name="sentence")),
                        ("start", models.PositiveIntegerField(verbose_name="start offset")),
                        ("end", models.PositiveIntegerField(verbose_name="end offset")),
                        (
                            "prefix",
                            models.CharField(
                                blank=True, max_length=255, verbose_name="text before"
                            ),
                        ),
                        (
                            "suffix",
                            models.CharField(blank=True, max_length=255, verbose_name="text after"),
                        ),
                        (
                            "start_date",
                            models.DateField(blank=True, null=True, verbose_name="date"),
                        ),
                        (
                            "start_precision",
                            models.CharField(
                                blank=True,
                                choices=[("year", "year"), ("month", "month"), ("day", "day")],
                                default="",
                                max_length=5,
                                verbose_name="date precision",
                            ),
                        ),
                        (
                            "end_date",
                            models.DateField(blank=True, null=True, verbose_name="end date"),
                        ),
                        (
                            "end_precision",
                            models.CharField(
                                blank=True,
                                choices=[("year", "year"), ("month", "month"), ("day", "day")],
                                default="",
                                max_length=5,
                                verbose_name="end precision",
                            ),
                        ),
                        (
                            "role",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("participant", "Participant"),
                                    ("member", "Member"),
                                    ("host", "Host"),
                                    ("lead_nation", "Lead nation"),
                                    ("co_chair", "Co-chair"),
                                    ("beneficiary", "Beneficiary"),
                                    ("contributor", "Contributor"),
                                    ("donor", "Donor"),
                                    ("organiser", "Organiser"),
                                    ("partner", "Partner"),
                                    ("observer", "Observer"),
                                ],
                                max_length=32,
                                verbose_name="role guessed",
                            ),
                        ),
                        (
                            "event_kind",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("accession", "Accession to a framework"),
                                    ("agreement", "Agreement"),
                                    ("plan_adopted", "Plan adopted"),
                                    ("office_opened", "Office opened"),
                                    ("mission_started", "Mission started"),
                                    ("mission_ended", "Mission ended"),
                                    ("exercise", "Exercise"),
                                    ("training", "Training"),
                                    ("project_started", "Project started"),
                                    ("project_completed", "Project completed"),
                                    ("meeting", "Meeting"),
                                    ("visit", "Visit"),
                                    ("crisis_response", "Crisis response"),
                                    ("recognition", "Recognition"),
                                    ("publication", "Publication"),
                                    ("other", "Other"),
                                ],
                                max_length=32,
                                verbose_name="kind of event guessed",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(blank=True, max_length=255, verbose_name="name read"),
                        ),
                        (
                            "acronym",
                            models.CharField(
                                blank=True, max_length=32, verbose_name="acronym read"
                            ),
                        ),
                        (
                            "confidence",
                            models.FloatField(
                                help_text="From 0 to 1: how sure the rules are.",
                                verbose_name="confidence",
                            ),
                        ),
                        (
                            "fingerprint",
                            models.CharField(
                                db_index=True,
                                help_text="The same fact read in the same sentence has the same fingerprint.",
                                max_length=64,
                                verbose_name="fingerprint",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="suggested at"
                            ),
                        ),
                        (
                            "decided_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="decided at"),
                        ),
                        (
                            "record_id",
                            models.PositiveBigIntegerField(
                                blank=True, null=True, verbose_name="record created"
                            ),
                        ),
                        (
                            "partner",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="partners.partner",
                                verbose_name="partner",
                            ),
                        ),
                        (
                            "partners",
                            models.ManyToManyField(
                                blank=True,
                                related_name="+",
                                to="partners.partner",
                                verbose_name="partners named",
                            ),
                        ),
                        (
                            "programme",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="programmes.programme",
                                verbose_name="programme",
                            ),
                        ),
                        (
                            "record_type",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="contenttypes.contenttype",
                                verbose_name="kind of record created",
                            ),
                        ),
                        (
                            "version",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="suggestions",
                                to="documents.documentversion",
                                verbose_name="document version",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "suggested fact",
                        "verbose_name_plural": "suggested facts",
                        "db_table": "documents_suggestion",
                        "ordering": ["version", "start", "kind"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("version", "fingerprint"),
                                name="suggestion_once_per_version",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    (
                                        "kind__in",
                                        ["participation", "event", "new_programme", "new_partner"],
                                    )
                                ),
                                name="suggestion_kind_valid",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("status__in", ["pending", "accepted", "rejected"])
                                ),
                                name="suggestion_status_valid",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("confidence__gte", 0), ("confidence__lte", 1)),
                                name="suggestion_confidence_0_to_1",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("end__gt", models.F("start"))),
                                name="suggestion_span_not_empty",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("start_date__isnull", True), ("start_precision", "")),
                                    models.Q(
                                        ("start_date__isnull", False),
                                        ("start_precision__in", ["year", "month", "day"]),
                                    ),
                                    _connector="OR",
                                ),
                                name="suggestion_start_date_has_precision",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("end_date__isnull", True), ("end_precision", "")),
                                    models.Q(
                                        ("end_date__isnull", False),
                                        ("end_precision__in", ["year", "month", "day"]),
                                    ),
                                    _connector="OR",
                                ),
                                name="suggestion_end_date_has_precision",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("start_date__isnull", True),
                                    ("end_date__isnull", True),
                                    ("end_date__gte", models.F("start_date")),
                                    _connector="OR",
                                ),
                                name="suggestion_end_date_not_before_start_date",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            content_type_to("suggestions", from_label="documents"),
            content_type_to("documents", from_label="suggestions"),
        ),
    ]
