"""The production topology on loopback: a PostgreSQL primary and its streaming replica, two
gunicorn instances of Liaison reading the replica for the public, Redis as their shared cache,
HAProxy in front. Everything lives in one temporary directory, removed at the end, and a state
file (pids, ports, directories) lets `python -m bench.cluster stop` tear down a cluster whose
owner died."""

import json
import os
import re
import secrets
import shutil
import signal
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import redis

from bench.cluster.haproxy import HAProxy
from bench.cluster.postgres import Primary, Server, Standby
from bench.soak.cluster import free_port
from bench.soak.server import ROOT, Gunicorn, environment, prepare, wait_until_healthy

INSTANCES = ("app_1", "app_2")
REPLICA = "replica_1"
# The router's settings in the cluster (web/replicas.py): a replica more than 5 s behind
# is not read, and each process asks every second. A public read is therefore never staler
# than MAX_LAG + CHECK seconds: the documented bound the cluster test asserts.
REPLICA_MAX_LAG_SECONDS = 5
REPLICA_CHECK_SECONDS = 1
STALENESS_BOUND_SECONDS = REPLICA_MAX_LAG_SECONDS + REPLICA_CHECK_SECONDS

STATE_DIRECTORY = Path(tempfile.gettempdir()) / "liaison-clusters"


# HAProxy's log line: … <timers> <status> <bytes> <cookies> <cookies> <termination state> …
BALANCER_ANSWER = re.compile(r" (?:-?\d+/){4}-?\d+ (\d{3}) \d+ \S+ \S+ (\S{4}) ")
INSTANCE_NOTES = ("[WARNING]", "[ERROR]", "[CRITICAL]", "Traceback", "Worker", "worker")
ANSWERED_5XX = re.compile(r'" 5\d\d ')


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def unusual_balancer_lines(path: Path) -> list[str]:
    unusual = []
    for line in _lines(path):
        answer = BALANCER_ANSWER.search(line)
        if answer is None or int(answer[1]) >= 500 or answer[2] != "----":
            unusual.append(line)
    return unusual


def unusual_instance_lines(directory: Path) -> list[str]:
    notes = [
        line
        for line in _lines(directory / "gunicorn.log")
        if any(mark in line for mark in INSTANCE_NOTES)
        or '"level": "WARNING"' in line
        or '"level": "ERROR"' in line
    ]
    return notes + [line for line in _lines(directory / "access.log") if ANSWERED_5XX.search(line)]


@dataclass
class Instance:
    name: str
    port: int
    directory: Path
    env: dict[str, str]
    gunicorn: Gunicorn | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.directory.mkdir(exist_ok=True)
        self.gunicorn = Gunicorn(self.env, self.directory)
        self.gunicorn.start(self.url)

    def kill(self) -> None:
        """SIGKILL the master and its workers at once: the machine is gone, requests and all."""
        workers = self.gunicorn.workers()
        for pid in [self.gunicorn.process.pid, *workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.gunicorn.process.wait(timeout=10)
        self.gunicorn.log.close()

    def stop(self) -> None:
        if self.gunicorn:
            self.gunicorn.stop()


class LocalCluster:
    def __init__(self, redis_url: str, purpose: str):
        self.purpose = purpose
        self.root = Path(tempfile.mkdtemp(prefix="liaison-cluster-"))
        self.root.chmod(0o711)  # the postgres user goes through it to its servers' directories
        self.primary = Primary(self.root / "primary", free_port(), "primary")
        self.replica = Standby(self.root / REPLICA, free_port(), REPLICA)
        self.balancer_port = free_port()
        self.redis_url = redis_url if redis_answers(redis_url) else ""
        self.instances: dict[str, Instance] = {}
        self.haproxy: HAProxy | None = None
        self.state_file = STATE_DIRECTORY / f"{os.getpid()}.json"
        self.username = "cluster-curator"
        self.password = secrets.token_urlsafe(16)
        self.reviewer = ("cluster-reviewer", secrets.token_urlsafe(16))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.balancer_port}"

    def environment(self, port: int, directory: Path) -> dict[str, str]:
        env = environment(self.primary.url(), port, directory)
        env.update(
            DATABASE_REPLICA_URLS=self.replica.url(),
            DATABASE_REPLICA_MAX_LAG_SECONDS=str(REPLICA_MAX_LAG_SECONDS),
            DATABASE_REPLICA_CHECK_SECONDS=str(REPLICA_CHECK_SECONDS),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DJANGO_TRUSTED_PROXIES="1",  # HAProxy
            DJANGO_SUPERUSER_USERNAME=self.username,
            DJANGO_SUPERUSER_PASSWORD=self.password,
            SOAK_REVIEWER_USERNAME=self.reviewer[0],
            SOAK_REVIEWER_PASSWORD=self.reviewer[1],
            # One release for every instance: a page cached by one is good for the other.
            LIAISON_RELEASE=f"cluster-{self.root.name}",
        )
        if self.redis_url:
            env["REDIS_URL"] = self.redis_url
        else:
            env.pop("REDIS_URL", None)
        return env

    def start(self) -> None:
        self.save_state()
        self.primary.create()
        # The standby is copied from the empty database: migrations and seed reach it by
        # streaming replication, as everything written later will.
        self.replica.create(self.primary)
        flush(self.redis_url)
        secret_key = secrets.token_urlsafe(50)
        for name in INSTANCES:
            port = free_port()
            env = self.environment(port, self.root / name)
            # Every instance signs sessions and forms with the same key.
            env["DJANGO_SECRET_KEY"] = secret_key
            self.instances[name] = Instance(name, port, self.root / name, env)
        first = self.instances[INSTANCES[0]]
        setup_env = {k: v for k, v in first.env.items() if k != "DATABASE_REPLICA_URLS"}
        prepare(setup_env)  # migrate, load_seed, collectstatic, createsuperuser: on the primary
        self.replica.wait_for(self.primary)
        for instance in self.instances.values():
            instance.start()
            self.save_state()
        addresses = {name: f"127.0.0.1:{i.port}" for name, i in self.instances.items()}
        workers = int(first.env["GUNICORN_WORKERS"])
        self.haproxy = HAProxy(self.root / "haproxy", self.balancer_port, addresses, workers)
        self.haproxy.start()
        self.save_state()
        for name in self.instances:
            self.haproxy.wait_until(name, "UP")
        wait_until_healthy(self.url, 30)

    def evidence(self, limit: int = 80) -> dict[str, list[str]]:
        """What a failed run leaves to read before its files go (its JSON report, and so CI's
        output, carries it): HAProxy's lines for answers that were not a plain success and its
        servers' changes of state, and each instance's warnings, errors, worker restarts and
        5xx answers. At most ``limit`` lines of each, the last ones."""
        found = {"haproxy": unusual_balancer_lines(self.root / "haproxy" / "haproxy.log")}
        for name, instance in self.instances.items():
            found[name] = unusual_instance_lines(instance.directory)
        return {source: lines[-limit:] for source, lines in found.items()}

    def stop(self) -> None:
        """Everything down and removed, whatever state it is in; never raises."""
        if self.haproxy:
            self.haproxy.stop()
        for instance in self.instances.values():
            try:
                instance.stop()
            except Exception:  # noqa: BLE001 (tear the rest down regardless)
                pass
        self.replica.stop_quietly()
        self.primary.stop_quietly()
        flush(self.redis_url)
        shutil.rmtree(self.root, ignore_errors=True)
        self.state_file.unlink(missing_ok=True)

    def save_state(self) -> None:
        state = {
            "owner": os.getpid(),
            "purpose": self.purpose,
            "repository": str(ROOT),
            "root": str(self.root),
            "redis_url": self.redis_url,
            "balancer": self.url,
            "postgres": {
                server.name: {"directory": str(server.directory), "port": server.port}
                for server in (self.primary, self.replica)
            },
            "gunicorn": {
                name: {
                    "port": instance.port,
                    "pid": instance.gunicorn.process.pid if instance.gunicorn else None,
                }
                for name, instance in self.instances.items()
            },
            "haproxy": self.haproxy.process.pid if self.haproxy and self.haproxy.process else None,
        }
        STATE_DIRECTORY.mkdir(exist_ok=True)
        self.state_file.write_text(json.dumps(state, indent=2))

    def describe(self) -> str:
        lines = [
            f"  balancer (HAProxy)   {self.url}/   admin: {self.url}/admin/",
            f"                       sign in as {self.username} / {self.password}",
        ]
        for name, instance in self.instances.items():
            lines.append(f"  {name:<20} {instance.url}/   (gunicorn, 2 workers)")
        lines += [
            f"  primary              {self.primary.url()}",
            f"  {REPLICA:<20} {self.replica.url()}   (hot standby, streaming)",
            f"  cache                {self.redis_url or 'in each process (Redis not answering)'}",
            f"  files                {self.root}",
        ]
        return "\n".join(lines)


def redis_answers(url: str) -> bool:
    if not url:
        return False
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def flush(url: str) -> None:
    """Empty the cluster's Redis database (its own number: nothing else lives there)."""
    if url:
        try:
            redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
        except redis.RedisError:
            pass


# Tearing down from another process ---------------------------------------------------------


def running_clusters() -> list[dict]:
    states = []
    for path in sorted(STATE_DIRECTORY.glob("*.json")):
        try:
            state = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        if state.get("repository") == str(ROOT):
            states.append({**state, "state_file": str(path)})
    return states


def is_process(pid: int | None, word: str) -> bool:
    """Whether ``pid`` is alive and its command line names ``word`` (not a recycled pid)."""
    if not pid:
        return False
    try:
        return word in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False


def wait_gone(pid: int, timeout: float) -> bool:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return True
        if state == "Z":  # exited; its parent has yet to collect it
            return True
        time.sleep(0.1)
    return False


def tear_down(state: dict) -> str:
    """Stop the cluster a state file describes: ask its owner to stop it (it tears down in
    order), else stop each piece by its recorded pid and remove its directory."""
    owner = state["owner"]
    if is_process(owner, "bench.cluster"):
        os.kill(owner, signal.SIGTERM)
        if wait_gone(owner, 90):
            return f"cluster of process {owner} stopped by its owner"
    for pid, word in [(state.get("haproxy"), "haproxy")] + [
        (instance.get("pid"), "gunicorn") for instance in state.get("gunicorn", {}).values()
    ]:
        if is_process(pid, word):
            os.kill(pid, signal.SIGTERM)
            wait_gone(pid, 30)
    for name, server in state.get("postgres", {}).items():
        Server(Path(server["directory"]), server["port"], name).stop_quietly()
    flush(state.get("redis_url", ""))
    shutil.rmtree(state["root"], ignore_errors=True)
    Path(state["state_file"]).unlink(missing_ok=True)
    return f"cluster of process {owner} torn down piece by piece"
