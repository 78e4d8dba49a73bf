"""The content generation, and the versions of what cached pages depend on.

The generation counts the writes to public content. ``bump(keys)`` runs inside the writer's
transaction (signals in ``caching.signals``, and the bulk writers that bypass signals): it
moves the generation forward and sets each key the write concerns (``caching.dependencies``)
to the new generation, so the new versions become visible exactly when the change does, and
roll back with it. The generation's row is locked until the writer commits, so generations
are handed out in the order writes commit: a reader that saw generation ``G`` also sees every
write numbered ``G`` or less, and none numbered more.

``snapshot(keys)`` reads the generation and the versions of ``keys`` in one query, before a
page reads anything else; ``versions(keys)`` reads the versions alone, to check that a cached
page is still current or what the records a page showed were at when it read them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connections, router
from django.utils import timezone

from caching.models import ContentGeneration, Dependency

ROW = 1
#: Bumped by writes that cannot say which records they changed: every page depends on it.
SITE = "site"
NEVER = datetime(2000, 1, 1, tzinfo=UTC)
KEY = '"key"'  # quoted: a keyword in SQL, and the same quoting in SQLite and PostgreSQL


@dataclass(frozen=True)
class Generation:
    value: int
    changed_at: datetime

    @property
    def token(self) -> str:
        # The time as well as the counter: a database restored or flushed starts counting
        # again, but never at the same instant.
        return f"{self.value}.{self.changed_at.timestamp():.6f}"


#: A key's version: the generation that last wrote it and when (never written: 0, NEVER).
Version = tuple[int, datetime]
UNWRITTEN: Version = (0, NEVER)


def bump(keys: Iterable[str] = (SITE,), using: str = "default") -> None:
    """Move the generation forward and set ``keys`` to it. Without keys: the whole site."""
    now = timezone.now()
    value = _increment(using, now)
    if value is None:
        # Only a database emptied since its migration (e.g. flushed) lacks the row.
        ContentGeneration.objects.using(using).get_or_create(
            pk=ROW, defaults={"value": 0, "changed_at": now}
        )
        value = _increment(using, now)
    _set_versions(using, sorted(set(keys)), value, now)


def _increment(using: str, now: datetime) -> int | None:
    # Plain SQL: this runs on every write of a bulk load, where the ORM's update costs 15×.
    connection = connections[using]
    table = connection.ops.quote_name(ContentGeneration._meta.db_table)
    changed_at = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET value = value + 1, changed_at = %s WHERE id = %s RETURNING value",
            [changed_at, ROW],
        )
        row = cursor.fetchone()
    return None if row is None else row[0]


def _set_versions(using: str, keys: list[str], value: int, now: datetime) -> None:
    if not keys:
        return
    connection = connections[using]
    table = connection.ops.quote_name(Dependency._meta.db_table)
    changed_at = connection.ops.adapt_datetimefield_value(now)
    rows = ", ".join(["(%s, %s, %s)"] * len(keys))
    parameters = [part for key in keys for part in (key, value, changed_at)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({KEY}, version, changed_at) VALUES {rows} "
            f"ON CONFLICT ({KEY}) DO UPDATE SET version = excluded.version, "
            "changed_at = excluded.changed_at",
            parameters,
        )


def _moment(value) -> datetime:
    if isinstance(value, str):  # SQLite
        value = datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=UTC)
    return value


def snapshot(keys: Iterable[str]) -> tuple[Generation, dict[str, Version]]:
    """The generation and the versions of ``keys``, in one query on the database the request
    reads (a replica for the public)."""
    keys = sorted(set(keys))
    connection = connections[router.db_for_read(Dependency)]
    generations = connection.ops.quote_name(ContentGeneration._meta.db_table)
    dependencies = connection.ops.quote_name(Dependency._meta.db_table)
    sql = f"SELECT NULL, value, changed_at FROM {generations} WHERE id = %s"
    if keys:
        marks = ", ".join(["%s"] * len(keys))
        sql += (
            f" UNION ALL SELECT {KEY}, version, changed_at FROM {dependencies}"
            f" WHERE {KEY} IN ({marks})"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [ROW, *keys])
        rows = cursor.fetchall()
    generation = Generation(0, NEVER)
    found = {}
    for key, value, changed_at in rows:
        if key is None:
            generation = Generation(value, _moment(changed_at))
        else:
            found[key] = (value, _moment(changed_at))
    return generation, {key: found.get(key, UNWRITTEN) for key in keys}


def versions(keys: Iterable[str]) -> dict[str, Version]:
    """The versions of ``keys``, in one query on the database the request reads."""
    keys = sorted(set(keys))
    if not keys:
        return {}
    connection = connections[router.db_for_read(Dependency)]
    table = connection.ops.quote_name(Dependency._meta.db_table)
    marks = ", ".join(["%s"] * len(keys))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {KEY}, version, changed_at FROM {table} WHERE {KEY} IN ({marks})", keys
        )
        found = {key: (value, _moment(changed_at)) for key, value, changed_at in cursor}
    return {key: found.get(key, UNWRITTEN) for key in keys}


def latest(keys: Iterable[str]) -> Version:
    """The newest version among ``keys``, in one query that answers one row. A key only ever
    moves to a generation newer than every version before it, so a set of keys is unchanged
    exactly when its newest version is (the time tells a database flushed since apart)."""
    keys = sorted(set(keys))
    if not keys:
        return UNWRITTEN
    connection = connections[router.db_for_read(Dependency)]
    table = connection.ops.quote_name(Dependency._meta.db_table)
    marks = ", ".join(["%s"] * len(keys))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT version, changed_at FROM {table} WHERE {KEY} IN ({marks})"
            " ORDER BY version DESC LIMIT 1",
            keys,
        )
        row = cursor.fetchone()
    return UNWRITTEN if row is None else (row[0], _moment(row[1]))


def current() -> Generation:
    """The generation alone (e.g. for what is cached until any public content changes)."""
    return snapshot(())[0]
