"""What the cluster's scaling benchmark (bench/cluster/scaling.py) reports: each measure's
throughput as a ratio to one instance reading the replica, whether the load went where the
configuration says (instances, database), the replica lag seen meanwhile, and the results
as Markdown (bench/results/<date>-cluster.md)."""

from dataclasses import dataclass

from bench.pages.endpoints import BY_KEY


@dataclass(frozen=True)
class Configuration:
    key: str
    label: str
    instances: tuple[str, ...]  # in rotation behind the balancer; any other is in maintenance
    reads: str  # where the public's reads go: "replica" or "primary"


BOTH = ("app_1", "app_2")
CONFIGURATIONS = (
    Configuration("one-replica", "1 instance, reads on the replica", ("app_1",), "replica"),
    Configuration("two-replica", "2 instances, reads on the replica", BOTH, "replica"),
    Configuration("two-primary", "2 instances, reads on the primary", BOTH, "primary"),
)
BY_CONFIGURATION = {configuration.key: configuration for configuration in CONFIGURATIONS}
REFERENCE = "one-replica"  # every ratio is to this configuration's throughput, per endpoint
ENDPOINTS = ("relationship-uncached", "api-list")  # keys of bench.pages.endpoints

# Correctness under load: with two instances in rotation each serves at least this share of
# the requests (round robin gives about half), and at least this share of the application's
# transactions run on the database its configuration reads (the rest: health checks, which
# read the primary).
MIN_INSTANCE_SHARE = 0.2
MIN_READS_SHARE = 0.9


def machine_note(cpus: int) -> str:
    """The sentence that goes next to the figures."""
    return (
        f"On this {cpus}-CPU machine these figures show that the cluster serves correctly "
        "under load and the shape of the curve, not absolute numbers: wrk, HAProxy, both "
        "gunicorn instances (2 workers each), the PostgreSQL primary and replica and Redis "
        f"all compete for the same {cpus} CPUs, so a second instance adds processes, not "
        "CPU. What a second instance adds on a machine of its own is not measured here."
    )


def with_ratios(rows: list[dict]) -> list[dict]:
    """Each row's throughput divided by the reference configuration's, same endpoint."""
    reference = {
        row["endpoint"]: row["requests_per_s"] for row in rows if row["configuration"] == REFERENCE
    }
    result = []
    for row in rows:
        base = reference.get(row["endpoint"])
        ratio = round(row["requests_per_s"] / base, 3) if base else None
        result.append({**row, "ratio": ratio})
    return result


def share(counts: dict[str, int], name: str) -> float | None:
    total = sum(counts.values())
    return counts.get(name, 0) / total if total else None


def problems(rows: list[dict], arrangements: dict[str, dict], lag: dict[str, dict]) -> list[str]:
    """Everything that says the cluster did not do what the configuration measured says:
    requests served by an instance out of rotation or not by one in it, reads on the other
    database, an instance saying its reads go elsewhere, a write the replica never showed."""
    found = []
    for row in rows:
        configuration = BY_CONFIGURATION[row["configuration"]]
        where = f"{configuration.label}, {BY_KEY[row['endpoint']].label}"
        served = row["served_by"]
        for name, count in served.items():
            if name not in configuration.instances and count:
                found.append(f"{where}: {name}, out of rotation, served {count} requests")
        if len(configuration.instances) > 1:
            for name in configuration.instances:
                part = share(served, name)
                if part is None or part < MIN_INSTANCE_SHARE:
                    found.append(
                        f"{where}: {name} served {served.get(name, 0)} of "
                        f"{sum(served.values())} requests"
                    )
        elif sum(served.values()) == 0:
            found.append(f"{where}: the balancer counted no request")
        reads = share(row["transactions"], configuration.reads)
        if reads is None or reads < MIN_READS_SHARE:
            counts = ", ".join(f"{k} {v}" for k, v in row["transactions"].items())
            found.append(f"{where}: reads not on the {configuration.reads} ({counts})")
    for key, arrangement in arrangements.items():
        configuration = BY_CONFIGURATION[key]
        for name in configuration.instances:
            said = arrangement["public_reads"].get(name)
            if said != configuration.reads:
                found.append(f"{configuration.label}: {name}'s /healthz says reads on {said}")
    for key, seen in lag.items():
        if seen["not_seen"]:
            found.append(
                f"{BY_CONFIGURATION[key].label}: {seen['not_seen']} of {seen['writes']} writes "
                "on the primary never shown by the replica"
            )
    return found


def marker_lag(samples: list[tuple[str, float | None]], phases) -> dict[str, dict]:
    """(phase, ms until the replica showed a write on the primary, None if it never did)
    → for each phase in ``phases``: how many writes, p50 and max of the delay."""
    summary = {}
    for phase in phases:
        delays = [delay for name, delay in samples if name == phase]
        seen = sorted(delay for delay in delays if delay is not None)
        summary[phase] = {
            "writes": len(delays),
            "not_seen": len(delays) - len(seen),
            "visible_ms_p50": round(seen[len(seen) // 2], 2) if seen else None,
            "visible_ms_max": round(seen[-1], 2) if seen else None,
        }
    return summary


def ratio_text(ratio: float | None) -> str:
    return "–" if ratio is None else f"{ratio:.2f}×"


def milliseconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def markdown(report: dict) -> str:
    settings = report["settings"]
    lines = [
        f"# Cluster scaling: 1 and 2 instances, reads on the replica or the primary — "
        f"{report['date']}",
        "",
        f"**{report['note']}**",
        "",
        f"Machine: {report['machine']}; load average {report['load_average']} when it began. "
        f"Code: {report.get('revision', 'unknown')}. Each ratio is the throughput divided by "
        f"that of the same endpoint with {BY_CONFIGURATION[REFERENCE].label}, in the same run.",
        "",
        f"- Load: {settings['load']}, through the balancer; loopback",
        f"- Balancer: {settings['balancer']}",
        f"- Instances: {settings['instances']}",
        f"- Databases: {settings['databases']}",
        f"- Configurations, in this order: {settings['configurations']}",
        f"- Counted: {settings['counted']}",
        "",
        "## Throughput",
        "",
        f"| endpoint | configuration | req/s | p50 ms | p99 ms | ratio to "
        f"{BY_CONFIGURATION[REFERENCE].label} | requests served by app_1 / app_2 "
        "| transactions on the primary / replica |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in report["rows"]:
        endpoint = BY_KEY[row["endpoint"]]
        served, reads = row["served_by"], row["transactions"]
        lines.append(
            f"| {endpoint.label} `{endpoint.path}` "
            f"| {BY_CONFIGURATION[row['configuration']].label} "
            f"| {row['requests_per_s']:,.1f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} "
            f"| {ratio_text(row['ratio'])} "
            f"| {served.get('app_1', 0):,} / {served.get('app_2', 0):,} "
            f"| {reads.get('primary', 0):,} / {reads.get('replica', 0):,} |"
        )
    replication = report["replication"]
    lines += [
        "",
        "## Replica lag during the run",
        "",
        "| configuration | writes on the primary | shown by the replica after: p50 / max ms "
        "| `pg_stat_replication` replay lag: p50 / max ms |",
        "|---|---:|---:|---:|",
    ]
    for configuration in CONFIGURATIONS:
        marker = replication["marker"].get(configuration.key)
        replay = replication["replay_lag"]["by_phase"].get(configuration.key, {})
        if not marker:
            continue
        lines.append(
            f"| {configuration.label} | {marker['writes']} "
            f"| {milliseconds(marker['visible_ms_p50'])} / "
            f"{milliseconds(marker['visible_ms_max'])} "
            f"| {milliseconds(replay.get('replay_lag_ms_p50'))} / "
            f"{milliseconds(replay.get('replay_lag_ms_max'))} |"
        )
    lines += [
        "",
        f"A write every {settings['marker_interval_s']:g} s on the primary (one row of a table "
        "of the benchmark's own, outside the application's database), then the replica asked "
        "every millisecond until it shows it (the first look takes a query's time, about "
        "0.2 ms: a figure that small means the write was there at once); "
        "`pg_stat_replication` sampled five times a second on the primary.",
        "",
        "## Checks",
        "",
    ]
    if report["problems"]:
        lines += [f"- **{problem}**" for problem in report["problems"]]
    else:
        lines.append(
            "Every request went to the instances in rotation (both serving with two), the "
            "application's reads to the database of the configuration (its transactions "
            "counted on each server), each instance's `/healthz` said where its reads went, "
            "and the replica showed every write made on the primary."
        )
    return "\n".join(lines) + "\n"
