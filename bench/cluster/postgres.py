"""PostgreSQL for the local cluster: a primary that accepts streaming replication from
loopback, and a hot standby copied from it by ``pg_basebackup -R -X stream``.

Debian's server programs (``server_binaries``: in PostgreSQL's versioned lib directory, off
the PATH), run as the ``postgres`` user when we are root: initdb refuses root. Each server has
a directory of its own, listens on 127.0.0.1 only, on its own port; the machine's own server
(5432) is never touched. The soak test's server (``bench.soak.cluster``) is a ``Server`` too.
"""

import os
import shutil
import subprocess
import time
from pathlib import Path

import psycopg

DATABASE = "liaison"
REPLICATION_ROLE = "replicator"

# Loopback only; trust, since nothing else can reach these servers. Production uses
# scram-sha-256 and a password for the replication role (docs/deploy.md).
HBA = f"""\
# Liaison's local cluster (bench/cluster/postgres.py): loopback only.
# TYPE  DATABASE     USER        ADDRESS        METHOD
local   all          postgres                   trust
host    all          all         127.0.0.1/32   trust
host    replication  {REPLICATION_ROLE}  127.0.0.1/32   trust
"""


def server_binaries() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts)
    if not versions:
        raise SystemExit(
            "PostgreSQL server binaries not found (Debian: apt-get install postgresql)"
        )
    return versions[-1].parent


class Server:
    """One PostgreSQL server: its directory (data, log, socket) and its port."""

    def __init__(self, directory: Path, port: int, name: str):
        self.bin = server_binaries()
        self.directory, self.port, self.name = Path(directory), port, name
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        self.as_postgres = os.geteuid() == 0

    def url(self, database: str = DATABASE) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str) -> None:
        if self.as_postgres:
            command = ("runuser", "-u", "postgres", "--", *command)
        try:
            subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)
        except subprocess.CalledProcessError as error:
            raise RuntimeError(
                f"{self.name}: {' '.join(command)} failed: {error.stderr.strip()}"
            ) from error

    def _make_directory(self) -> None:
        self.directory.mkdir(parents=True)
        if self.as_postgres:
            shutil.chown(self.directory, "postgres")

    def _initdb(self) -> None:
        """A new, empty server in ``directory``: superuser ``postgres``, trusted, UTF-8."""
        self._make_directory()
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
        )

    def _pg_ctl(self, action: str, *extra: str) -> None:
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
            f"-c cluster_name={self.name} -c fsync=off"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            action,
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            *extra,
        )

    def start(self) -> float:
        """Start and wait until it accepts connections; seconds it took."""
        started = time.monotonic()
        self._pg_ctl("start")
        return time.monotonic() - started

    def stop(self) -> None:
        """Fast shutdown: open connections are cut, as when a machine is taken away."""
        self._pg_ctl("stop", "-m", "fast")

    def restart(self) -> float:
        """Fast shutdown, then start again; seconds it took."""
        started = time.monotonic()
        self._pg_ctl("restart", "-m", "fast")
        return time.monotonic() - started

    def stop_quietly(self) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self.stop()
            except (RuntimeError, subprocess.TimeoutExpired):
                pass  # already stopped, or gone with its directory

    def connect(self, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(self.url(database), autocommit=True, connect_timeout=2)

    def query(self, sql: str, *params, database: str = "postgres") -> list[tuple]:
        with self.connect(database) as connection:
            cursor = connection.execute(sql, params or None)
            return cursor.fetchall() if cursor.description else []


class Primary(Server):
    def create(self) -> None:
        """initdb, a pg_hba.conf that lets the standby replicate from loopback, start, then
        the replication role and the application's database."""
        self._initdb()
        hba = self.data / "pg_hba.conf"
        hba.write_text(HBA)
        if self.as_postgres:
            shutil.chown(hba, "postgres")
        self.start()
        self.query(f"CREATE ROLE {REPLICATION_ROLE} WITH REPLICATION LOGIN")
        self.query(f"CREATE DATABASE {DATABASE}")

    def replication(self, standby: str, connection: psycopg.Connection) -> dict | None:
        """The primary's view of a standby (None when it is not connected): its state, how
        far behind it replays, in bytes and as measured by the primary (replay_lag)."""
        rows = connection.execute(
            "SELECT state, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), "
            "EXTRACT(EPOCH FROM replay_lag) FROM pg_stat_replication WHERE application_name = %s",
            (standby,),
        ).fetchall()
        if not rows:
            return None
        state, behind, replay_lag = rows[0]
        return {
            "state": state,
            "bytes_behind": None if behind is None else int(behind),
            "replay_lag_s": None if replay_lag is None else float(replay_lag),
        }

    def wal_position(self) -> str:
        return self.query("SELECT pg_current_wal_lsn()::text")[0][0]


class Standby(Server):
    def create(self, primary: Primary) -> None:
        """A copy of the primary, streaming from it through a replication slot of its own
        (so the primary keeps the WAL it has not received yet, however long it is down)."""
        self._make_directory()
        self._run(
            str(self.bin / "pg_basebackup"),
            "-h",
            "127.0.0.1",
            "-p",
            str(primary.port),
            "-U",
            REPLICATION_ROLE,
            "-D",
            str(self.data),
            "-R",
            "-X",
            "stream",
            "-C",
            "-S",
            self.name,
            "-c",
            "fast",
            "--no-sync",
        )
        self.start()

    def has_replayed(self, position: str) -> bool:
        rows = self.query(
            "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn",
            position,
        )
        return bool(rows[0][0])

    def wait_for(self, primary: Primary, timeout: float = 30) -> float:
        """Seconds until this standby has replayed everything the primary had written when
        asked; TimeoutError past ``timeout``."""
        started = time.monotonic()
        position = primary.wal_position()
        while time.monotonic() - started < timeout:
            try:
                if self.has_replayed(position):
                    return time.monotonic() - started
            except psycopg.Error:
                pass  # still starting
            time.sleep(0.05)
        raise TimeoutError(f"{self.name} did not catch up with the primary in {timeout} s")


def transactions(server: Server, database: str = DATABASE) -> int | None:
    """Transactions committed in ``database`` on this server so far (None: not answering).
    Every read a request makes is one, so this counts which server the reads went to."""
    try:
        rows = server.query(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s",
            database,
        )
    except psycopg.Error:
        return None
    return int(rows[0][0]) if rows else None
