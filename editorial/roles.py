"""The three editorial roles, as Django groups with their permissions.

Curator        views, adds and changes the curated records and their citations, imports
               documents and settles suggestions; submits records for review.
Reviewer       all a curator may, plus publish/unpublish (``publish_<model>``), confirm
               citations (``documents.review_citation``) and publish or discard imported
               document versions (``documents.publish_documentversion``).
Administrator  every permission on the project's records, users and groups.

``ensure_roles`` is idempotent: the data migration calls it, and so does
``manage.py setup_roles`` to put the groups back as they should be.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

from documents.claims import CLAIM_KINDS

CURATOR, REVIEWER, ADMINISTRATOR = "Curator", "Reviewer", "Administrator"

PROJECT_APPS = ("partners", "programmes", "documents", "suggestions")
CURATED_MODELS = (
    "partners.partner",
    "partners.partneralias",
    "partners.relationship",
    "partners.event",
    "programmes.programme",
    "programmes.participation",
    "documents.citation",
    "documents.citationforreview",
    "documents.sourcedocument",
    "documents.documentversion",
    "suggestions.suggestion",
)


def curator_permissions() -> set[str]:
    """``app.codename`` of what a curator may do."""
    codenames = set()
    for label in CURATED_MODELS:
        app_label, model = label.split(".")
        codenames |= {f"{app_label}.{action}_{model}" for action in ("view", "add", "change")}
    return codenames


def reviewer_permissions() -> set[str]:
    publish = {f"{kind.app_label}.publish_{kind.name}" for kind in CLAIM_KINDS}
    return (
        curator_permissions()
        | publish
        | {"documents.review_citation", "documents.publish_documentversion"}
    )


def ensure_roles(apps=global_apps):
    """Create (or put back) the three groups with exactly their permissions.

    Run by a migration, ``apps`` holds the models as they were then: a permission a later
    migration defines is granted by the migration that runs this again after it
    (``editorial/migrations/0002_publish_versions.py``)."""
    historical = apps is not global_apps
    for label in ("contenttypes", "auth", *PROJECT_APPS):
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(names):
        wanted = {tuple(name.split(".")) for name in names}
        found = Permission.objects.filter(
            content_type__app_label__in={app for app, _ in wanted},
            codename__in={codename for _, codename in wanted},
        ).select_related("content_type")
        found = [p for p in found if (p.content_type.app_label, p.codename) in wanted]
        missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
        if missing and not historical:
            raise LookupError(f"unknown permissions: {sorted(missing)}")
        return found

    administrator = Permission.objects.filter(
        content_type__app_label__in=PROJECT_APPS
    ) | Permission.objects.filter(
        content_type__app_label="auth", content_type__model__in=["user", "group"]
    )
    for name, granted in (
        (CURATOR, permissions(curator_permissions())),
        (REVIEWER, permissions(reviewer_permissions())),
        (ADMINISTRATOR, list(administrator)),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(granted)
