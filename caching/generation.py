"""The content generation: which version of the public content a cached page was made from.

``bump()`` runs inside the writer's transaction (signals in ``caching.signals``, and the bulk
writers that bypass signals), so the new generation becomes visible exactly when the change
does, and rolls back with it. ``current()`` is read before a page reads anything else: a page
is therefore never stored under a generation newer than the data it shows.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connections, router
from django.utils import timezone

from caching.models import ContentGeneration

ROW = 1


@dataclass(frozen=True)
class Generation:
    value: int
    changed_at: datetime

    @property
    def token(self) -> str:
        # The time as well as the counter: a database restored or flushed starts counting
        # again, but never at the same instant.
        return f"{self.value}.{self.changed_at.timestamp():.6f}"


def bump(using: str = "default") -> None:
    now = timezone.now()
    if not _increment(using, now):
        # Only a database emptied since its migration (e.g. flushed) lacks the row.
        ContentGeneration.objects.using(using).get_or_create(
            pk=ROW, defaults={"value": 0, "changed_at": now}
        )
        _increment(using, now)


def _increment(using: str, now: datetime) -> int:
    # Plain SQL: this runs on every write of a bulk load, where the ORM's update costs 15×.
    connection = connections[using]
    table = connection.ops.quote_name(ContentGeneration._meta.db_table)
    changed_at = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET value = value + 1, changed_at = %s WHERE id = %s",
            [changed_at, ROW],
        )
        return cursor.rowcount


def current() -> Generation:
    # Plain SQL too: every public request reads it, and the ORM's query costs 0.7 ms here,
    # half a cached page's time. The database is the request's (a replica for the public).
    connection = connections[router.db_for_read(ContentGeneration)]
    table = connection.ops.quote_name(ContentGeneration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value, changed_at FROM {table} WHERE id = %s", [ROW])
        row = cursor.fetchone()
    if row is None:
        return Generation(0, datetime(2000, 1, 1, tzinfo=UTC))
    value, changed_at = row
    if isinstance(changed_at, str):  # SQLite
        changed_at = datetime.fromisoformat(changed_at)
    if timezone.is_naive(changed_at):
        changed_at = changed_at.replace(tzinfo=UTC)
    return Generation(value, changed_at)
