"""The cluster's scaling benchmark (`make bench-cluster`, `python -m bench.cluster bench`;
part of `make bench`): the uncached relationship page and an API list loaded with wrk through
HAProxy, with one instance in rotation and then two, both reading the replica, then two
reading the primary; throughput as a ratio to one instance, in one run, with the replica's
lag observed meanwhile (README.md, "Benchmarks").

The cluster is `make cluster`'s (bench/cluster/topology.py), page cache off. One instance:
app_2 is put in maintenance through HAProxy's runtime API (it keeps running, idle). Reads on
the primary: both instances restarted without DATABASE_REPLICA_URLS.
"""

import argparse
import csv
import io
import json
import os
import sys
import threading
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path

from bench.cluster import postgres
from bench.cluster import report as cluster_report
from bench.cluster import scaling_report as reporting
from bench.cluster.curator import get
from bench.cluster.haproxy import BACKEND
from bench.cluster.load import Phases
from bench.cluster.scaling_report import CONFIGURATIONS, ENDPOINTS, Configuration
from bench.cluster.scenario import LagSampler, wait_reads_on_replica
from bench.cluster.topology import Instance, LocalCluster
from bench.pages import wrk
from bench.pages.endpoints import BY_KEY, Endpoint
from bench.soak.server import ROOT

MARKER_TABLE = "bench_replica_lag"  # in the servers' "postgres" database, not the application's
MARKER_INTERVAL_SECONDS = 0.5
MARKER_TIMEOUT_SECONDS = 10
BETWEEN = "between"  # the phase outside the measures: arranging the next configuration


class ProbeError(Exception):
    pass


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--duration", type=float, default=10, help="seconds measured (10)")
    parser.add_argument("--warmup", type=float, default=1, help="seconds of warm-up (1)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results")


def load_seconds(args) -> float:
    """The wrk runs' time, for the time limit and the estimate printed first."""
    return len(CONFIGURATIONS) * len(ENDPOINTS) * (args.warmup + args.duration + 2)


class ScalingCluster(LocalCluster):
    """`make cluster`'s topology with every page rendered (the point is the application and
    the database scaling, not the cache) and workers not recycled, as in bench/pages/."""

    def __init__(self, redis_url: str):
        super().__init__(redis_url, "bench")

    def environment(self, port: int, directory: Path) -> dict[str, str]:
        env = super().environment(port, directory)
        env.update(DJANGO_PAGE_CACHE_SECONDS="0", GUNICORN_MAX_REQUESTS="0")
        return env


# Arranging a configuration -----------------------------------------------------------------


def restart(cluster: LocalCluster, instance: Instance, reads: str) -> None:
    instance.stop()
    if reads == "replica":
        instance.env["DATABASE_REPLICA_URLS"] = cluster.replica.url()
    else:
        instance.env.pop("DATABASE_REPLICA_URLS", None)
    instance.start()
    cluster.save_state()


def public_reads(instance: Instance) -> str:
    """Where this instance's /healthz says the public's reads go; without replicas it names
    none, and they go to the primary."""
    reply = get(instance.port, "/healthz", timeout=5)
    try:
        body = json.loads(reply.body)
    except ValueError:
        return f"no answer ({reply.status})"
    return body.get("public_reads", "primary" if "replicas" not in body else "?")


def arrange(cluster: LocalCluster, configuration: Configuration) -> dict:
    started = time.monotonic()
    for instance in cluster.instances.values():
        if ("DATABASE_REPLICA_URLS" in instance.env) != (configuration.reads == "replica"):
            restart(cluster, instance, configuration.reads)
    for name in cluster.instances:
        if name in configuration.instances:
            cluster.haproxy.command(f"enable server {BACKEND}/{name}")
            cluster.haproxy.wait_until(name, "UP")
        else:
            cluster.haproxy.command(f"disable server {BACKEND}/{name}")
            cluster.haproxy.wait_until(name, "MAINT")
    if configuration.reads == "replica" and wait_reads_on_replica(cluster) is None:
        print("bench-cluster: the instances do not read the replica (see the checks)", flush=True)
    return {
        "arranged_in_s": round(time.monotonic() - started, 1),
        "balancer": {name: s["status"] for name, s in cluster.haproxy.servers().items()},
        "public_reads": {name: public_reads(i) for name, i in cluster.instances.items()},
    }


# Measuring -------------------------------------------------------------------------------


def counters(cluster: LocalCluster) -> dict:
    """Requests each instance was sent (HAProxy's sessions: one a request, gunicorn's sync
    workers closing every connection), and transactions in the application's database on
    each server (PostgreSQL publishes a backend's counts within about a second)."""
    return {
        "served_by": {name: s["stot"] for name, s in cluster.haproxy.servers().items()},
        "transactions": {
            "primary": postgres.transactions(cluster.primary) or 0,
            "replica": postgres.transactions(cluster.replica) or 0,
        },
    }


def difference(after: dict, before: dict) -> dict:
    return {
        kind: {name: after[kind][name] - before[kind].get(name, 0) for name in after[kind]}
        for kind in after
    }


def wait_drained(cluster: LocalCluster, timeout: float = 60) -> float:
    """Seconds until no request is queued in the balancer or at an instance: wrk stops
    without waiting for its last answers, and what a run leaves behind is not charged to the
    next (a slow page's queue is seconds of work)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        stat = csv.DictReader(io.StringIO(cluster.haproxy.command("show stat").lstrip("# ")))
        backend = next(r for r in stat if r["pxname"] == BACKEND and r["svname"] == "BACKEND")
        if backend["qcur"] in ("", "0") and backend["scur"] in ("", "0"):
            return time.monotonic() - started
        time.sleep(0.05)
    raise TimeoutError(f"requests still under way in the balancer after {timeout} s")


def measure(cluster: LocalCluster, endpoint: Endpoint, load: wrk.Load) -> dict:
    reply = get(cluster.balancer_port, endpoint.path, timeout=60)
    if reply.status != 200:
        raise ProbeError(f"GET {endpoint.path} through the balancer answered {reply.status}")
    url = cluster.url + endpoint.path
    if load.warmup > 0:
        wrk.run(load, url, load.warmup)
    leftover = wait_drained(cluster)
    before = counters(cluster)
    measured = wrk.run(load, url, load.duration)
    wait_drained(cluster)
    after = counters(cluster)
    served = difference(after, before)
    served["served_by"] = {k: v for k, v in served["served_by"].items() if k != "BACKEND"}
    return {
        "endpoint": endpoint.key,
        "path": endpoint.path,
        **asdict(measured),
        **served,
        "warmup_drained_in_s": round(leftover, 2),
    }


class MarkerLag(threading.Thread):
    """Every MARKER_INTERVAL_SECONDS a write on the primary, then the replica asked every
    millisecond until it shows it: (phase, milliseconds, or None past the timeout)."""

    def __init__(self, cluster: LocalCluster, phases: Phases):
        super().__init__(daemon=True)
        self.cluster, self.phases, self.stop = cluster, phases, threading.Event()
        self.samples: list[tuple[str, float | None]] = []

    @staticmethod
    def create(cluster: LocalCluster) -> None:
        cluster.primary.query(
            f"CREATE TABLE {MARKER_TABLE} (id int PRIMARY KEY, token bigint NOT NULL)"
        )
        cluster.primary.query(f"INSERT INTO {MARKER_TABLE} VALUES (1, 0)")
        cluster.replica.wait_for(cluster.primary)

    def run(self):
        primary = replica = None
        token = 0
        while not self.stop.wait(MARKER_INTERVAL_SECONDS):
            token += 1
            phase = self.phases.current
            try:
                primary = primary or self.cluster.primary.connect()
                replica = replica or self.cluster.replica.connect()
                primary.execute(f"UPDATE {MARKER_TABLE} SET token = %s WHERE id = 1", (token,))
                written = time.monotonic()
                delay = None
                while time.monotonic() - written < MARKER_TIMEOUT_SECONDS:
                    (shown,) = replica.execute(
                        f"SELECT token FROM {MARKER_TABLE} WHERE id = 1"
                    ).fetchone()
                    if shown >= token:
                        delay = round((time.monotonic() - written) * 1000, 2)
                        break
                    time.sleep(0.001)
            except postgres.psycopg.Error:
                for connection in (primary, replica):
                    if connection:
                        connection.close()
                primary = replica = None
                delay = None
            self.samples.append((phase, delay))
        for connection in (primary, replica):
            if connection:
                connection.close()


def run(cluster: LocalCluster, load: wrk.Load) -> dict:
    """Every configuration in turn, each endpoint measured in it; the lag observed."""
    MarkerLag.create(cluster)
    phases = Phases(BETWEEN)
    replay, marker = LagSampler(cluster.primary, phases), MarkerLag(cluster, phases)
    replay.start()
    marker.start()
    rows, arrangements = [], {}
    try:
        for configuration in CONFIGURATIONS:
            arrangements[configuration.key] = arrange(cluster, configuration)
            print(f"bench-cluster: {configuration.label}", flush=True)
            phases.enter(configuration.key)
            for key in ENDPOINTS:
                row = {"configuration": configuration.key, **measure(cluster, BY_KEY[key], load)}
                rows.append(row)
                progress(row)
            phases.enter(BETWEEN)
    finally:
        for sampler in (replay, marker):
            sampler.stop.set()
            sampler.join(timeout=MARKER_TIMEOUT_SECONDS + 5)
    keys = [configuration.key for configuration in CONFIGURATIONS]
    lag = reporting.marker_lag(marker.samples, keys)
    rows = reporting.with_ratios(rows)
    return {
        "configurations": [
            {**asdict(configuration), **arrangements[configuration.key]}
            for configuration in CONFIGURATIONS
        ],
        "rows": rows,
        "replication": {
            "marker": lag,
            "replay_lag": cluster_report.replication_lag(
                [(phase, sample) for phase, sample in replay.samples if phase in keys]
            ),
        },
        "problems": reporting.problems(rows, arrangements, lag),
    }


def progress(row: dict) -> None:
    served = ", ".join(f"{name} {count}" for name, count in row["served_by"].items())
    reads = ", ".join(f"{name} {count}" for name, count in row["transactions"].items())
    print(
        f"  {row['path']:<42} {row['requests_per_s']:>8.1f} req/s  p50 {row['p50_ms']:>7.1f} ms"
        f"  p99 {row['p99_ms']:>7.1f} ms  served by {served}; transactions {reads}",
        flush=True,
    )


def settings_described(load: wrk.Load, redis_url: str) -> dict:
    return {
        "load": load.describe(),
        "threads": load.threads,
        "connections": load.connections,
        "duration_s": load.duration,
        "warmup_s": load.warmup,
        "balancer": (
            "HAProxy with deploy/haproxy.cfg: round robin, at most 2 requests at a time to an "
            "instance (its workers; the rest wait in HAProxy's queue); one instance is the "
            "other put in maintenance through the runtime API (`disable server`), still running"
        ),
        "instances": (
            "gunicorn, config/gunicorn.conf.py, 2 synchronous workers each, not recycled, "
            "production settings, page cache off (DJANGO_PAGE_CACHE_SECONDS=0), shared cache "
            f"{redis_url or 'in each process (Redis not answering)'}"
        ),
        "databases": (
            "PostgreSQL primary and its streaming hot standby (bench/cluster/postgres.py), "
            "seed corpus; reads on the replica through DATABASE_REPLICA_URLS (5 s lag limit, "
            "checked every second); reads on the primary: both instances restarted without it"
        ),
        "configurations": "; ".join(c.label for c in CONFIGURATIONS),
        "counted": (
            "requests each instance was sent (HAProxy's counters) and transactions in the "
            "application's database on each server (pg_stat_database), over each measure"
        ),
        "marker_interval_s": MARKER_INTERVAL_SECONDS,
    }


def write(results: dict, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    stem = f"{results['date']}-cluster"
    paths = [directory / f"{stem}.json", directory / f"{stem}.md"]
    paths[0].write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    paths[1].write_text(reporting.markdown(results))
    return paths


def finish(measured: dict, load: wrk.Load, cluster: LocalCluster, output: Path, **facts) -> int:
    """The results written and printed; 1 if the load did not go where it should have."""
    from bench.pages.session import machine, revision

    cpus = os.cpu_count() or 1
    results = {
        "date": date.today().isoformat(),
        "machine": machine(),
        "revision": revision(),
        "cpus": cpus,
        "note": reporting.machine_note(cpus),
        "settings": settings_described(load, cluster.redis_url),
        **facts,
        **measured,
    }
    paths = write(results, output)
    print(reporting.markdown(results))
    print("bench-cluster: written " + ", ".join(os.path.relpath(path, ROOT) for path in paths))
    if results["problems"]:
        print("bench-cluster: FAILED:\n  " + "\n  ".join(results["problems"]), file=sys.stderr)
        return 1
    return 0
