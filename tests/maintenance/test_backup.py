"""`manage.py backup` / `restore`: the whole curated content, round trip identical."""

import gzip
import json

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import CommandError, call_command
from django.db import connection

from documents.models import Citation, DocumentVersion
from editorial.roles import ADMINISTRATOR, CURATOR, REVIEWER, ensure_roles
from maintenance.backups import backed_up_models, curated_models
from partners.models import Partner
from suggestions.reading import suggest_facts
from tests.factories import PartnerFactory
from tests.maintenance.conftest import content

pytestmark = pytest.mark.django_db


def citations():
    return sorted(
        (
            c.pk,
            c.content_type.natural_key(),
            c.object_id,
            c.version_id,
            c.quote,
            c.start,
            c.end,
            c.status,
        )
        for c in Citation.objects.select_related("content_type")
    )


def versions():
    return sorted(DocumentVersion.objects.values_list("pk", "text", "sha256"))


def empty_the_database():
    """An empty, migrated database: every table emptied, content types and permissions
    recreated (with new ids) as after `migrate`."""
    if connection.vendor == "postgresql":
        # PostgreSQL refuses to TRUNCATE tables with foreign-key checks still deferred in the
        # test's transaction: run them now, then defer again, as a fresh transaction would.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    call_command("flush", interactive=False, verbosity=0)


def as_migrated():
    """The database as `migrate` leaves it: the roles migration's groups (which a flush by
    an earlier transactional test would have taken away), nothing curated."""
    ensure_roles()
    assert Group.objects.filter(name__in=[CURATOR, REVIEWER, ADMINISTRATOR]).count() == 3


@pytest.fixture
def backup(seeded, tmp_path):
    path = tmp_path / "liaison.json.gz"
    call_command("backup", str(path), verbosity=0)
    return path


def test_a_round_trip_restores_every_record_identically(backup):
    before = content()
    empty_the_database()
    call_command("restore", str(backup), verbosity=0)
    assert content() == before


def test_a_round_trip_restores_the_same_citations(backup):
    before = citations()
    empty_the_database()
    call_command("restore", str(backup), verbosity=0)
    assert citations() == before


def test_a_round_trip_restores_the_same_version_texts_and_hashes(backup):
    before = versions()
    empty_the_database()
    call_command("restore", str(backup), verbosity=0)
    assert versions() == before
    assert all(DocumentVersion.hash_text(text) == sha for _, text, sha in versions())


def test_new_records_after_a_restore_get_new_ids(backup):
    highest = Partner.objects.order_by("-pk").values_list("pk", flat=True).first()
    empty_the_database()
    call_command("restore", str(backup), verbosity=0)
    partner = PartnerFactory()
    assert partner.pk > highest


def test_the_manifest_counts_rows_and_hashes_versions(backup):
    with gzip.open(backup, "rt") as stream:
        manifest = json.load(stream)["manifest"]
    assert manifest["counts"]["documents.citation"] == Citation.objects.count()
    assert manifest["version_hashes"] == {str(pk): sha for pk, _, sha in versions()}


def test_a_migrated_database_holds_no_curated_content(db):
    # A data migration writing rows into a backed-up model must name them in MIGRATION_ROWS.
    as_migrated()
    assert curated_models(backed_up_models()) == []


def test_restore_goes_into_a_freshly_migrated_database(seed_backup, db):
    path, before = seed_backup
    as_migrated()
    call_command("restore", str(path), verbosity=0)
    assert content() == before


def test_the_groups_the_migrations_made_give_way_to_the_backups(seed_backup, db):
    path, before = seed_backup
    # Another database: the same roles, made with other ids and other permissions.
    Group.objects.all().delete()
    Group.objects.create(name="placeholder").delete()
    ensure_roles()
    Group.objects.get(name=CURATOR).permissions.clear()
    assert content()["auth.group"] != before["auth.group"]
    call_command("restore", str(path), verbosity=0)
    assert content() == before
    assert Group.permissions.through.objects.count() == sum(
        len(row["fields"]["permissions"]) for row in before["auth.group"]
    )


@pytest.mark.parametrize(
    "curated",
    [
        lambda: User.objects.create_user("someone"),
        lambda: Group.objects.create(name="Translators"),
        lambda: PartnerFactory(),
    ],
    ids=["an account", "a group of its own", "a partner"],
)
def test_a_migrated_database_with_curated_content_is_refused(seed_backup, db, curated):
    path, _ = seed_backup
    as_migrated()
    curated()
    before = content()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(path), verbosity=0)
    assert content() == before


def test_replacing_leaves_no_link_of_an_account_the_backup_does_not_hold(backup):
    before = content()
    newcomer = User.objects.create_user("newcomer")
    newcomer.groups.add(Group.objects.get(name=CURATOR))
    call_command("restore", str(backup), replace=True, verbosity=0)
    assert content() == before
    assert not User.groups.through.objects.filter(user_id=newcomer.pk).exists()


def test_restore_refuses_a_database_that_is_not_empty(backup):
    before = content()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(backup), verbosity=0)
    assert content() == before


def test_restore_replaces_the_content_when_told(backup):
    before = content()
    Partner.objects.filter(slug="serbia").update(name="Changed since the backup")
    call_command("restore", str(backup), replace=True, verbosity=0)
    assert content() == before


def test_a_backup_whose_version_text_was_altered_is_refused_and_nothing_is_kept(backup):
    with gzip.open(backup, "rt") as stream:
        document = json.load(stream)
    for item in document["objects"]:
        if item["model"] == "documents.documentversion":
            item["fields"]["text"] += " (altered)"
            break
    with gzip.open(backup, "wt") as stream:
        json.dump(document, stream)
    empty_the_database()
    with pytest.raises(CommandError, match="version text differs"):
        call_command("restore", str(backup), verbosity=0)
    assert not DocumentVersion.objects.exists()


def test_a_file_that_is_not_a_backup_is_refused_with_a_clear_error(tmp_path, db):
    path = tmp_path / "notes.json.gz"
    path.write_bytes(b"this is not gzip")
    with pytest.raises(CommandError, match="not a gzip-compressed JSON backup"):
        call_command("restore", str(path), verbosity=0)


def test_another_json_file_is_refused_with_a_clear_error(tmp_path, db):
    path = tmp_path / "other.json.gz"
    with gzip.open(path, "wt") as stream:
        json.dump({"objects": []}, stream)
    with pytest.raises(CommandError, match="not a Liaison backup"):
        call_command("restore", str(path), verbosity=0)


def test_a_backup_made_before_suggestions_moved_app_restores_them(seeded, tmp_path):
    version = DocumentVersion.objects.filter(is_current=True).first()
    suggest_facts(version)
    Group.objects.get(name=CURATOR).permissions.add(
        Permission.objects.get(codename="change_suggestion")
    )
    before = content()
    assert before["suggestions.suggestion"]
    path = tmp_path / "liaison.json.gz"
    call_command("backup", str(path), verbosity=0)
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        old_labels = stream.read().replace('"suggestions.suggestion"', '"documents.suggestion"')
        old_labels = old_labels.replace('"suggestions", "suggestion"', '"documents", "suggestion"')
    assert '"suggestions"' not in old_labels
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(old_labels)
    empty_the_database()
    call_command("restore", str(path), verbosity=0)
    assert content() == before
