"""Backup and restore of the whole curated content, as one gzip-compressed JSON file.

What is kept: every concrete model of the project's own apps (partners, programmes,
documents and the others beside them, with their history tables when there are any), and
the accounts and groups of ``django.contrib.auth`` that curated records and history point
to. Primary keys are kept, so citations and links stay as they were; content types and
permissions are named by their natural keys, so the file loads into any database migrated
to the same code (or to code where a model moved app since: ``MOVED_MODELS``).

The file::

    {"format": "liaison-backup", "version": 1, "created": "…",
     "manifest": {"counts": {"documents.citation": 512, …},
                  "version_hashes": {"1": "<sha-256 of version 1's text>", …}},
     "objects": [ …Django's JSON serialization… ]}

A restore runs in one transaction and checks the manifest before committing: the same
number of rows of every model, and every version's text hashing to what it hashed to. It goes
into a database holding no curated content: a freshly migrated one holds only the rows the
migrations wrote (``MIGRATION_ROWS``), which the backup's replace.
"""

import datetime
import gzip
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction
from django.db.models import Model
from django.utils import timezone

from caching.generation import bump
from editorial.roles import ADMINISTRATOR, CURATOR, REVIEWER
from maintenance.checking import BackupError, check_permissions, check_rows, check_shape, one_line

FORMAT = "liaison-backup"
FORMAT_VERSION = 1
AUTH_MODELS = ["auth.group", "auth.user"]
# The page cache generation is not content: a restore moves it forward instead.
EXCLUDED_APPS = {"maintenance", "caching"}
#: Models that moved to another app, their rows kept: a backup made before the move names
#: them (and their content type, in permissions) by the old label.
MOVED_MODELS = {"documents.suggestion": "suggestions.suggestion"}
#: The rows of backed-up models that migrations write, which a freshly migrated database
#: therefore holds: not curated content, so they do not make a database "not empty", and a
#: restore replaces them with the backup's. A data migration writing rows into a backed-up
#: model names them here (tests/maintenance checks a migrated database has no others).
MIGRATION_ROWS = {
    "auth.group": lambda rows: rows.filter(name__in=[CURATOR, REVIEWER, ADMINISTRATOR]),
}


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it rounds them to milliseconds,
    and a restore must give back exactly what was there)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


@dataclass(frozen=True)
class RestoreSummary:
    counts: dict[str, int]
    version_hashes: int


def backed_up_models() -> list[type[Model]]:
    """The models a backup holds, in an order in which they can be loaded."""
    project_models = [
        model
        for config in apps.get_app_configs()
        if config.label not in EXCLUDED_APPS
        and Path(config.path).resolve().parent == Path(settings.BASE_DIR).resolve()
        for model in config.get_models()
    ]
    models = [apps.get_model(label) for label in AUTH_MODELS] + project_models
    concrete = [model for model in models if not model._meta.proxy and model._meta.managed]
    app_list = {}
    for model in concrete:
        app_list.setdefault(model._meta.app_config, []).append(model)
    return serializers.sort_dependencies(app_list.items(), allow_cycles=True)


def label(model: type[Model]) -> str:
    return model._meta.label_lower


def curated_models(models: list[type[Model]]) -> list[str]:
    """Labels of the ``models`` holding rows other than those the migrations wrote."""
    occupied = []
    for model in models:
        rows = model._base_manager.all()
        if made := MIGRATION_ROWS.get(label(model)):
            rows = rows.exclude(pk__in=made(model._base_manager.all()).values("pk"))
        if rows.exists():
            occupied.append(label(model))
    return occupied


def _delete_everything(models: list[type[Model]]) -> None:
    """Empty the tables of ``models`` and of their many-to-many links (group permissions,
    user groups), in bulk: no signal, nothing cascades."""
    for model in reversed(models):
        links = [
            field.remote_field.through
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        ]
        for table in [*links, model]:
            table._base_manager.all()._raw_delete(table._base_manager.db)


def manifest() -> dict:
    """Row counts of every backed-up model, and the SHA-256 of every version's text."""
    version_model = apps.get_model("documents", "DocumentVersion")
    return {
        "counts": {label(model): model._base_manager.count() for model in backed_up_models()},
        "version_hashes": {
            str(pk): version_model.hash_text(text)
            for pk, text in version_model._base_manager.order_by("pk").values_list("pk", "text")
        },
    }


def write_backup(path: Path) -> dict:
    """Dump everything to ``path`` (written beside it first, then renamed); the manifest."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with transaction.atomic():  # one consistent snapshot on PostgreSQL (repeatable counts)
        objects = []
        for model in backed_up_models():
            queryset = model._base_manager.order_by("pk")
            objects.extend(
                serializers.serialize("python", queryset.iterator(), use_natural_foreign_keys=True)
            )
        summary = manifest()
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created": timezone.now().isoformat(),
        "manifest": summary,
        "objects": objects,
    }
    partial = path.with_name(path.name + ".partial")
    with gzip.open(partial, "wt", encoding="utf-8") as stream:
        json.dump(document, stream, ensure_ascii=False, cls=ExactJSONEncoder)
    partial.replace(path)
    return summary


def read_backup(path: Path) -> dict:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            document = json.load(stream)
    except FileNotFoundError as error:
        raise BackupError(f"{path}: no such file.") from error
    except (OSError, EOFError, zlib.error, ValueError, RecursionError) as error:
        # A file that is not gzip, cut short or damaged; text that is not UTF-8 or not JSON.
        raise BackupError(
            f"{path} is not a gzip-compressed JSON backup ({one_line(error)})."
        ) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(f"{path} is not a Liaison backup.")
    version = document.get("version")
    if type(version) is int and version > FORMAT_VERSION:
        raise BackupError(
            f"{path} was written by a newer Liaison (backup format {version}; this one reads "
            f"format {FORMAT_VERSION}): restore it with that version or a later one."
        )
    if type(version) is not int or version != FORMAT_VERSION:
        raise BackupError(
            f"{path} is a backup of format {one_line(repr(version))}; "
            f"this version reads format {FORMAT_VERSION}."
        )
    check_shape(document, path)
    document = _with_current_labels(document, path)
    check_rows(document["objects"], {label(model): model for model in backed_up_models()}, path)
    return document


def _current_label(app_label: str, model: str) -> list[str]:
    return MOVED_MODELS.get(f"{app_label}.{model}", f"{app_label}.{model}").split(".")


def _with_current_labels(document: dict, source) -> dict:
    """``document`` with the models of ``MOVED_MODELS`` named as they are now: each row's
    model, the manifest's counts, and the permissions of groups and users (natural keys
    ``[codename, app_label, model]``)."""
    counts = document["manifest"]["counts"]
    document["manifest"]["counts"] = {MOVED_MODELS.get(k, k): n for k, n in counts.items()}
    for item in document["objects"]:
        item["model"] = MOVED_MODELS.get(item["model"], item["model"])
        if item["model"] in AUTH_MODELS:
            check_permissions(item, ("permissions", "user_permissions"), source)
            fields = item["fields"]
            for key in [*fields.get("permissions", []), *fields.get("user_permissions", [])]:
                key[1:] = _current_label(*key[1:])
    return document


def restore_backup(path: Path, *, replace: bool = False) -> RestoreSummary:
    """Load ``path`` into this database, all or nothing.

    A database holding curated content (any backed-up row the migrations did not write) is
    refused unless ``replace``. What is there is deleted first, inside the same transaction.
    """
    document = read_backup(path)
    expected = document["manifest"]
    # Content types are found by natural key through a per-process cache, which a flush
    # earlier in this process would have left pointing at ids that are gone.
    ContentType.objects.clear_cache()
    models = backed_up_models()
    with transaction.atomic():
        occupied = curated_models(models)
        if occupied and not replace:
            raise BackupError(
                "The database is not empty (" + ", ".join(occupied) + "); restore into an "
                "empty, migrated database, or pass --replace to delete what is there first."
            )
        _delete_everything(models)
        _load(path, document["objects"], models)
        _reset_sequences(models)
        found = manifest()
        # A model added since the backup was made is simply empty.
        for name, count in found["counts"].items():
            if count != expected["counts"].get(name, 0):
                raise BackupError(
                    f"{path}: the restored row counts differ from its manifest ({name}: "
                    f"{count} rows restored, {expected['counts'].get(name, 0)} listed)."
                )
        if found["version_hashes"] != expected["version_hashes"]:
            differing = sorted(
                set(found["version_hashes"].items()) ^ set(expected["version_hashes"].items())
            )
            raise BackupError(
                f"{path}: a restored version text differs from its manifest "
                f"(document version {differing[0][0]})."
            )
        bump()  # rows deleted in bulk send no signal; no page cached before may be reused
    return RestoreSummary(counts=found["counts"], version_hashes=len(found["version_hashes"]))


def _load(path: Path, objects: list, models: list[type[Model]]) -> None:
    """Save every row of ``objects``, then check that each one it points to is there; any
    failure is a ``BackupError`` naming the row (the caller's transaction is rolled back)."""
    with connection.constraint_checks_disabled():
        rows = serializers.deserialize("python", objects)
        while True:
            try:
                item = next(rows, None)
            except DeserializationError as error:
                raise BackupError(
                    f"{path}: a record cannot be read ({one_line(error)})."
                ) from error
            if item is None:
                break
            try:
                item.save()
            except DatabaseError as error:
                raise BackupError(
                    f"{path}: {label(item.object)} {item.object.pk} cannot be saved "
                    f"({one_line(error)})."
                ) from error
    try:
        connection.check_constraints(table_names=[model._meta.db_table for model in models])
    except DatabaseError as error:
        raise BackupError(
            f"{path}: a record points to one that is neither in the backup nor in the "
            f"database ({one_line(error)})."
        ) from error


def _reset_sequences(models: list[type[Model]]) -> None:
    """Restored rows keep their ids: the next new row must come after them (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
