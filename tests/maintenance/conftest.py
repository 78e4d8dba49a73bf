"""The seed corpus backed up once for the module, and what the restored rows must be."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from maintenance.backups import backed_up_models
from tests import snapshot


def content():
    """Every backed-up row, as the serializer sees it (foreign keys to content types by
    natural key, so that a database whose content types were recreated compares equal)."""
    return {
        model._meta.label_lower: serializers.serialize(
            "python", model._base_manager.order_by("pk"), use_natural_foreign_keys=True
        )
        for model in backed_up_models()
    }


@pytest.fixture(autouse=True)
def forget_content_types():
    """The test's transaction brings back the content types a flush replaced; the
    process-wide cache of them must not outlive it."""
    yield
    ContentType.objects.clear_cache()


@pytest.fixture(scope="module")
def seed_backup(seed_snapshot, django_db_blocker, tmp_path_factory):
    """A backup of the seed corpus and the content it holds, written in a transaction rolled
    back at once: a test asking for it alone starts from the database as migrated."""
    _, rows = seed_snapshot
    path = tmp_path_factory.mktemp("backup") / "seed.json.gz"
    with django_db_blocker.unblock(), translation.override("en"), transaction.atomic():
        snapshot.put_back(rows)
        call_command("backup", str(path), verbosity=0)
        before = content()
        transaction.set_rollback(True)
    ContentType.objects.clear_cache()
    return path, before
