"""Read replicas: the public's reads go to a replica, everything else to the primary.

``DATABASE_REPLICA_URLS`` adds the database aliases ``replica_1``, ``replica_2``… (listed in
``settings.DATABASE_REPLICAS``). Without them nothing here does anything.

Which database a read uses is decided once per request, by ``ReplicaReadMiddleware``:

- a GET or HEAD outside the admin from someone not signed in (public pages, the API, the
  bulk files) reads one usable replica, chosen at random, for all of its reads;
- everything else reads the primary: other methods, the admin, and any request of a signed-in
  user, so a curator always reads their own writes; so do management commands, the shell and
  anything else run outside a request.

``ReplicaRouter`` sends every write and migration to the primary, and the reads of sessions,
accounts, permissions, the admin log and login attempts (django-axes) too, whoever asks. Once
a request has written anything, its later reads go to the primary as well.

A replica is usable when it answers and is at most ``DATABASE_REPLICA_MAX_LAG_SECONDS``
behind the primary. Each process keeps the last verdict on each replica and asks again at
most every ``DATABASE_REPLICA_CHECK_SECONDS``, with one cheap query (``probe``), never once
per read. When no replica is usable the public reads the primary, and ``/healthz`` says why.
A replica that fails in the middle of a request (an ``OperationalError`` or
``InterfaceError``) is checked again at once, and the request, a GET or HEAD and therefore
safe to repeat, is run again on the primary: the visitor never sees the failure.

The versions of what a page depends on (``caching.generation``) are read from the same
database as the rest of a request, so a page cached from a replica that is behind is stored
with the older versions it shows, never with newer ones.
"""

import functools
import logging
import math
import random
import time
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, Error, InterfaceError, OperationalError, connections
from django.urls import reverse

logger = logging.getLogger("liaison.replicas")

# Always read on the primary: sessions and accounts (a sign-in must be seen at once by every
# process), the admin's log, and django-axes' login attempts (a lockout must hold everywhere).
PRIMARY_ONLY_APPS = frozenset({"sessions", "auth", "admin", "axes"})

# The replica the current request reads from; None (the default) means the primary.
_read_alias: ContextVar[str | None] = ContextVar("liaison_read_alias", default=None)


@contextmanager
def reads_from(alias: str | None):
    """Within the block, reads go to ``alias`` (None: the primary), as ReplicaRouter says."""
    token = _read_alias.set(alias)
    try:
        yield
    finally:
        _read_alias.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        alias = _read_alias.get()
        if alias is None or model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        return alias

    def db_for_write(self, model, **hints):
        # Read-your-writes within a request, too: after a write, read what was written.
        if _read_alias.get() is not None:
            _read_alias.set(None)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every database holds the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A replica replays the primary's schema; it is never migrated itself.
        return db not in settings.DATABASE_REPLICAS


# Health ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReplicaState:
    alias: str
    lag: float | None  # seconds behind the primary (math.inf: behind by an unknown time)
    error: str = ""  # why it could not be asked, if it could not
    checked_at: float = field(default_factory=time.monotonic)

    @property
    def usable(self) -> bool:
        return (
            not self.error
            and self.lag is not None
            and self.lag <= settings.DATABASE_REPLICA_MAX_LAG_SECONDS
        )

    def describe(self) -> str:
        if self.error:
            return f"unreachable: {self.error}"
        if self.usable:
            return "ok"
        if self.lag is None or math.isinf(self.lag):
            return "lagging"
        return f"lagging {self.lag:.0f} s"


# How far a PostgreSQL hot standby is behind. An idle primary writes nothing, so the time of
# the last replayed transaction keeps getting older on a standby that is fully caught up:
# a standby that streams and has replayed all it received is not behind at all. The WAL
# receiver's status is hidden from roles without pg_read_all_stats ("hidden"): the receiver
# running is then taken as streaming.
POSTGRESQL_LAG_QUERY = """
SELECT pg_is_in_recovery(),
       pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(),
       (SELECT COALESCE(status, 'hidden') FROM pg_stat_wal_receiver),
       EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
"""


def postgresql_lag(in_recovery, caught_up, receiver_status, replay_age) -> float:
    if not in_recovery:
        return 0.0  # not a standby: nothing to replay
    if caught_up and receiver_status in ("streaming", "hidden"):
        return 0.0
    # Behind, or cut off from the primary: as old as the last transaction replayed. (Just
    # after a long idle spell this overstates the lag for one check; the error is safe.)
    return math.inf if replay_age is None else max(0.0, float(replay_age))


def probe(alias: str) -> ReplicaState:
    """Ask the replica how far behind it is: one query on its connection."""
    connection = connections[alias]
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(POSTGRESQL_LAG_QUERY)
                lag = postgresql_lag(*cursor.fetchone())
            else:
                cursor.execute("SELECT 1")
                cursor.fetchone()
                lag = 0.0
    except Error as error:  # refused, timed out, closed, or not a server we understand
        message = str(error).strip().splitlines()
        return ReplicaState(alias, lag=None, error=message[0] if message else type(error).__name__)
    return ReplicaState(alias, lag=lag)


def drop_if_broken(alias: str) -> None:
    """Close this thread's connection to the replica if it no longer works, so that the next
    check connects again instead of reporting the old connection's failure."""
    connection = connections[alias]
    if connection.connection is not None and not connection.is_usable():
        with suppress(Error):
            connection.close()


_states: dict[str, ReplicaState] = {}  # this process's latest verdict on each replica


def replica_state(alias: str, *, check_now: bool = False) -> ReplicaState:
    """The replica's state, asked again when the last answer is older than the interval."""
    state = _states.get(alias)
    age = math.inf if state is None else time.monotonic() - state.checked_at
    if check_now or age >= settings.DATABASE_REPLICA_CHECK_SECONDS:
        if check_now:
            drop_if_broken(alias)
        previous, state = state, probe(alias)
        _states[alias] = state
        if previous is None or previous.usable != state.usable:
            level = logging.INFO if state.usable else logging.WARNING
            logger.log(level, "replica %s: %s", alias, state.describe())
    return state


def forget_states() -> None:
    """Drop every verdict (tests), so that the next request asks each replica again."""
    _states.clear()


def usable_replica() -> str | None:
    usable = [alias for alias in settings.DATABASE_REPLICAS if replica_state(alias).usable]
    return random.choice(usable) if usable else None


def health_report() -> dict:
    """For /healthz: each replica's state, and where the public's reads go now."""
    states = [replica_state(alias) for alias in settings.DATABASE_REPLICAS]
    return {
        "replicas": {state.alias: state.describe() for state in states},
        "public_reads": "replica" if any(state.usable for state in states) else "primary",
    }


# Requests ----------------------------------------------------------------------------------


@functools.cache
def admin_path() -> str:
    return reverse("admin:index")


def is_public_read(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(admin_path()):
        return False
    # Without a session cookie nobody is signed in, and the session is not even looked up:
    # the public's requests stay session-free. With one, the session is read (on the primary).
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
        return False
    return True


def read_alias(request) -> str | None:
    """The database this request reads (None: the primary), chosen once: the page cache
    (``caching.pages``), which runs first for visitors without a session, and
    ``ReplicaReadMiddleware`` must read the same one."""
    if not hasattr(request, "read_alias"):
        request.read_alias = (
            usable_replica() if settings.DATABASE_REPLICAS and is_public_read(request) else None
        )
    return request.read_alias


class ReplicaReadMiddleware:
    """Sends the reads of the public's requests to a usable replica (after
    AuthenticationMiddleware, which tells who is signed in)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        alias = read_alias(request)
        if alias is None:
            return self.get_response(request)
        with reads_from(alias):
            return self.get_response(request)

    def process_exception(self, request, exception):
        alias = _read_alias.get()
        if alias is None or not isinstance(exception, OperationalError | InterfaceError):
            return None
        fall_back_to_primary(request, alias, exception)
        match = request.resolver_match
        response = match.func(request, *match.args, **match.kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()  # a failure during rendering is not rendered again
        return response


def fall_back_to_primary(request, alias: str, exception: Exception) -> None:
    """``alias`` failed during ``request``: check it again at once, and read the primary for
    the rest of the request."""
    state = replica_state(alias, check_now=True)
    logger.warning(
        "replica %s failed during %s %s (%s); answered from the primary; replica %s",
        alias,
        request.method,
        request.path,
        exception,
        state.describe(),
    )
    request.read_alias = None
    _read_alias.set(None)
    # The versions the first attempt may have read from the replica (caching.pages) must be
    # read again, with the data, from the primary.
    vars(request).pop("page_snapshot", None)
