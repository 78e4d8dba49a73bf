"""The rows a load writes, copied once and put back in a test's own transaction.

Loading the seed corpus anchors 400 quotes and indexes every record for search: seconds.
The test session loads it once (``take``, in a transaction rolled back at once) and each test
that asks for it gets the same rows back (``put_back``) in milliseconds, inside its own
transaction, which rolls them back with everything else the test wrote.

What is copied is every table the load changed, whole, through the ORM so that each backend
adapts its own values; tables it did not touch (users, sessions) are left to the test. Rows
go back as they were (raw inserts, as ``loaddata`` writes, compiled once: no signals, since
the search index and the content generation are rows of the copy too, and no field's
``pre_save``) after a plain ``DELETE``; foreign keys are only checked at commit, so the order
does not matter. A database flushed by an earlier transactional test (browser tests) also
gets back the content types, permissions and roles the migrations made, with their ids.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connections
from django.db.models.sql import InsertQuery

BATCH = 100  # rows an INSERT (SQLite allows 32,766 parameters a statement)


# Written by migrations, not by a load; emptied and written again with other ids when an
# earlier transactional test flushed the database.
MIGRATED_MODELS = [ContentType, Permission, Group, Group.permissions.through]


@dataclass(frozen=True)
class Snapshot:
    written: list  # (SQL, parameters) that write the load's tables back as it left them
    migrated: list  # the same for MIGRATED_MODELS, as the migrations left them
    content_types: list  # ContentType instances, as the migrations left them
    using: str


def concrete_models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]


def _contents(using: str) -> dict:
    return {
        model: list(model._base_manager.using(using).order_by("pk").values_list())
        for model in concrete_models()
    }


def take(load, using: str = "default"):
    """Run ``load()`` (in a transaction the caller rolls back) and copy every table it
    changed; returns what ``load()`` returned and the snapshot."""
    before = _contents(using)
    result = load()
    after = _contents(using)
    written = [model for model in after if after[model] != before[model]]
    return result, Snapshot(
        written=list(_statements(written, using)),
        migrated=list(_statements(MIGRATED_MODELS, using)),
        content_types=list(ContentType.objects.using(using).order_by("pk")),
        using=using,
    )


def _content_type_keys(content_types) -> list:
    return [(ct.pk, ct.app_label, ct.model) for ct in content_types]


def _statements(models: list, using: str):
    connection = connections[using]
    for model in models:
        yield f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}", ()
    # The rows as they were, as ``loaddata`` writes them: raw (no field's ``pre_save``).
    for model in models:
        instances = list(model._base_manager.using(using).order_by("pk"))
        for start in range(0, len(instances), BATCH):
            query = InsertQuery(model)
            query.insert_values(
                model._meta.local_concrete_fields, instances[start : start + BATCH], raw=True
            )
            yield from query.get_compiler(using=using).as_sql()
    # Ids given from then on follow those of the rows (PostgreSQL's sequences).
    for statement in connection.ops.sequence_reset_sql(no_style(), models):
        yield statement, ()


def put_back(snapshot: Snapshot) -> None:
    """Make the tables the load wrote hold exactly its rows (call inside a transaction);
    tables it did not write (users, sessions…) are left as they are."""
    using = snapshot.using
    present = ContentType.objects.using(using).order_by("pk")
    flushed = _content_type_keys(present) != _content_type_keys(snapshot.content_types)
    with connections[using].cursor() as cursor:
        for statement, parameters in (snapshot.migrated if flushed else []) + snapshot.written:
            cursor.execute(statement, parameters)
    # As after a load: each content type known to the process, with its id (the database now
    # holds the snapshot's, put back if they had been flushed).
    ContentType.objects.clear_cache()
    for content_type in snapshot.content_types:
        ContentType.objects._add_to_cache(using, content_type)
