"""`python -m bench.cluster start|stop|test|bench` — see bench/cluster/__init__.py."""

import argparse
import json
import os
import signal
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.cluster import report as reporting
from bench.cluster import scaling, scenario, topology
from bench.cluster.haproxy import binary as haproxy_binary
from bench.cluster.topology import LocalCluster
from bench.pages import wrk
from bench.soak.server import ROOT

SETUP_SECONDS = 240  # the test's budget beyond its load: setting up, checking, tearing down


class Interrupted(BaseException):
    """Ctrl-C, SIGTERM, SIGHUP or the time limit: leave through the `finally` that tears
    down. (SIGINT too is handled explicitly: a process started in the background by a
    script inherits SIGINT ignored, and Python then never raises KeyboardInterrupt.)"""


SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGALRM)


def interrupt(signum, frame):
    raise Interrupted(signal.Signals(signum).name)


def tear_down(cluster: LocalCluster) -> None:
    """Stop everything; a second Ctrl-C or the time limit must not cut the teardown short."""
    signal.alarm(0)
    for signum in SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    cluster.stop()


def arguments(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.cluster", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("start", help="run the cluster in the foreground")
    start.add_argument(
        "--minutes",
        type=float,
        default=float(os.environ.get("CLUSTER_MINUTES") or 30),
        help="then tear it down (default CLUSTER_MINUTES, else 30)",
    )
    start.add_argument(
        "--redis-url", default=os.environ.get("CLUSTER_REDIS_URL") or "redis://127.0.0.1:6379/13"
    )
    commands.add_parser("stop", help="tear down every cluster of this repository still running")
    test = commands.add_parser("test", help="the load and fault scenario, then the checks")
    test.add_argument("--duration", type=float, default=60, help="seconds of load")
    test.add_argument("--clients", type=int, default=6, help="concurrent readers")
    test.add_argument("--edits", type=int, default=12, help="edits the curator makes")
    test.add_argument(
        "--redis-url",
        default=os.environ.get("CLUSTER_TEST_REDIS_URL") or "redis://127.0.0.1:6379/14",
    )
    test.add_argument("--output", type=Path, default=ROOT / "bench" / "results")
    bench = commands.add_parser(
        "bench", help="throughput with 1 and 2 instances, reads on the replica or the primary"
    )
    scaling.add_arguments(bench)
    return parser.parse_args(argv)


def postgresql_missing() -> str:
    """Why the cluster cannot run here ("" when it can): PostgreSQL's server programs."""
    from bench.cluster.postgres import server_binaries

    try:
        server_binaries()
    except SystemExit as error:
        return str(error)
    return ""


def start(args) -> int:
    cluster = LocalCluster(args.redis_url, "start")
    try:
        print(
            "cluster: starting PostgreSQL primary and replica, two instances, HAProxy…", flush=True
        )
        cluster.start()
        print(f"cluster: up\n{cluster.describe()}", flush=True)
        print(
            f"cluster: running for {args.minutes:g} min; Ctrl-C or `make cluster-stop` ends it",
            flush=True,
        )
        deadline = time.monotonic() + args.minutes * 60
        while time.monotonic() < deadline:
            time.sleep(1)
        print("cluster: time is up", flush=True)
    except Interrupted as reason:
        print(f"cluster: stopping ({reason})", flush=True)
    finally:
        tear_down(cluster)
        print("cluster: torn down", flush=True)
    return 0


def stop(args) -> int:
    clusters = topology.running_clusters()
    if not clusters:
        print("cluster: none running")
    for state in clusters:
        print(f"cluster: {topology.tear_down(state)}")
    return 0


def test(args) -> int:
    missing = postgresql_missing()
    if missing:
        print("!" * 78, file=sys.stderr)
        print(f"!! cluster test SKIPPED: {missing}", file=sys.stderr)
        print("!" * 78, file=sys.stderr)
        return 0
    if haproxy_binary() is None:
        print("cluster test: HAProxy not found: `make haproxy` installs it", file=sys.stderr)
        return 2
    signal.alarm(int(args.duration + SETUP_SECONDS))
    cluster = LocalCluster(args.redis_url, "test")
    started = time.monotonic()
    result: dict = {"started": datetime.now(UTC).isoformat(), "redis": cluster.redis_url}
    try:
        print("cluster test: starting the cluster…", flush=True)
        cluster.start()
        result["setup_s"] = round(time.monotonic() - started, 1)
        print(f"cluster test: up in {result['setup_s']} s\n{cluster.describe()}", flush=True)
        print(f"cluster test: {args.duration:g} s of load, faults on the way…", flush=True)
        result.update(scenario.run(cluster, args.duration, args.clients, args.edits))
        if reporting.failures(result):
            result["evidence"] = cluster.evidence()  # the logs go with the cluster
    except Interrupted as reason:
        result["interrupted"] = str(reason)
    finally:
        tear_down(cluster)
    result["total_s"] = round(time.monotonic() - started, 1)
    if "interrupted" in result:
        print(f"cluster test: interrupted ({result['interrupted']}); torn down", file=sys.stderr)
        return 1

    result["failures"] = reporting.failures(result)
    args.output.mkdir(parents=True, exist_ok=True)
    path = args.output / f"cluster-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    print(reporting.summary(result))
    print(f"cluster test: {result['total_s']} s in all; written to {path.relative_to(ROOT)}")
    if result["failures"]:
        print("cluster test: FAILED:\n  " + "\n  ".join(result["failures"]), file=sys.stderr)
        return 1
    print("cluster test: passed")
    return 0


def bench(args) -> int:
    """The scaling benchmark (bench/cluster/scaling.py): measures, so only an error or a
    misrouted load fails it."""
    missing = postgresql_missing()
    if missing:
        print(f"!! cluster benchmark SKIPPED: {missing}", file=sys.stderr)
        return 0
    if haproxy_binary() is None:
        print("bench-cluster: HAProxy not found: `make haproxy` installs it", file=sys.stderr)
        return 2
    wrk.require_wrk()
    load = wrk.Load(args.threads, args.connections, args.duration, args.warmup)
    signal.alarm(int(scaling.load_seconds(args) + SETUP_SECONDS))
    cluster = scaling.ScalingCluster(args.redis_url)
    started, facts = time.monotonic(), {"load_average": round(os.getloadavg()[0], 2)}
    print(f"bench-cluster: {load.describe()}; starting the cluster…", flush=True)
    measured, error = {}, ""
    try:
        cluster.start()
        facts["setup_s"] = round(time.monotonic() - started, 1)
        measured = scaling.run(cluster, load)
    except Interrupted as reason:
        error = f"interrupted ({reason})"
    except (wrk.LoadError, scaling.ProbeError) as failure:
        error = f"FAILED: {failure}"
    finally:
        tear_down(cluster)
    if error:
        print(f"bench-cluster: {error}; torn down", file=sys.stderr)
        return 1
    facts["elapsed_s"] = round(time.monotonic() - started)
    return scaling.finish(measured, load, cluster, args.output, **facts)


def main(argv=None) -> int:
    args = arguments(argv)
    for signum in SIGNALS:
        signal.signal(signum, interrupt)
    commands = {"start": start, "stop": stop, "test": test, "bench": bench}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
