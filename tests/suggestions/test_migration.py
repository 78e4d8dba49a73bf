"""Moving ``Suggestion`` from ``documents`` to ``suggestions`` keeps the data: a database
in the state before the move, with suggestions of every status and the partners they name,
migrated forward, has the same rows through the new model, and the same content type and
permissions (so the groups' grants) under the new app label."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from editorial.roles import CURATOR
from suggestions.models import Suggestion
from tests.factories import DocumentVersionFactory, PartnerFactory

BEFORE_THE_MOVE = [("documents", "0005_editorial_workflow"), ("suggestions", None)]


def migrate(targets=None):
    """Migrate to ``targets`` (every app's latest by default); the historical apps."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    state = executor.migrate(targets)
    ContentType.objects.clear_cache()
    return state.apps


@pytest.fixture
def before_the_move(transactional_db):
    """A document version made with today's models (later migrations of ``documents``
    add columns the factories fill), then the historical models before the move; the
    database is migrated forward again whatever the test did (the move changes no table,
    only the recorded state)."""
    version = DocumentVersionFactory()
    try:
        yield migrate(BEFORE_THE_MOVE), version
    finally:
        migrate()


def test_suggestions_and_their_permissions_are_kept_by_the_move(before_the_move):
    apps, version = before_the_move
    with pytest.raises(LookupError):
        apps.get_model("suggestions", "Suggestion")
    OldSuggestion = apps.get_model("documents", "Suggestion")
    old_type = ContentType.objects.get(app_label="documents", model="suggestion")
    change = Permission.objects.get(content_type=old_type, codename="change_suggestion")
    curator, _ = Group.objects.get_or_create(name=CURATOR)  # flushed by a transactional test
    curator.permissions.add(change)

    serbia, nato = PartnerFactory(slug="serbia"), PartnerFactory(slug="nato")
    made = {}
    for number, status in enumerate(("pending", "accepted", "rejected")):
        suggestion = OldSuggestion.objects.create(
            version_id=version.pk,
            kind="event",
            status=status,
            quote=version.text[:10],
            start=0,
            end=10,
            partner_id=serbia.pk,
            confidence=0.5,
            fingerprint=f"{number:064d}",
        )
        suggestion.partners.add(serbia.pk, *([nato.pk] if status == "accepted" else []))
        made[suggestion.pk] = status

    migrate()

    kept = Suggestion.objects.prefetch_related("partners").in_bulk(list(made))
    assert {pk: s.status for pk, s in kept.items()} == made
    for suggestion in kept.values():
        named = {p.slug for p in suggestion.partners.all()}
        assert named == ({"serbia", "nato"} if suggestion.status == "accepted" else {"serbia"})
        assert suggestion.partner == serbia and suggestion.version_id == version.pk
    new_type = ContentType.objects.get_for_model(Suggestion)
    assert (new_type.pk, new_type.app_label) == (old_type.pk, "suggestions")
    assert not ContentType.objects.filter(app_label="documents", model="suggestion").exists()
    assert Permission.objects.get(pk=change.pk).content_type == new_type
    assert curator.permissions.filter(pk=change.pk).exists()
