"""What the cluster test asserts, and its summary for a person."""

PHASES = ("steady", "replica_down", "replica_back", "instance_down", "instance_back")
CHECKS = ("page_via_balancer", "api_via_balancer", "page_direct", "api_direct")
# Once the replica is back, at least this share of the requests must have read from it: the
# rest are /healthz (which asks the primary), the instances' first second before they check
# the replica again, and requests served from the primary while the replica is judged behind.
MIN_REPLICA_SHARE = 0.5


def failures(report: dict) -> list[str]:
    problems = []
    phases = report["load"]["phases"]
    faults = report["faults"]

    by_curator = curator_failures(report)

    def failed(phase: str) -> int:
        return phases.get(phase, {}).get("failed", 0) + by_curator.get(phase, 0)

    for phase in ("steady", "replica_down", "replica_back", "instance_back"):
        if failed(phase):
            problems.append(f"{failed(phase)} failed requests while {describe(phase)}")
    if failed("instance_down") > faults.get("in_flight_at_kill", 0):
        problems.append(
            f"{failed('instance_down')} failed requests while an instance was down, more than "
            f"the {faults.get('in_flight_at_kill', 0)} in flight when it was killed"
        )
    missing = [p for p in PHASES if not phases.get(p, {}).get("requests")]
    if missing:
        problems.append(f"no requests at all while {', '.join(describe(p) for p in missing)}")

    down = phases.get("replica_down", {}).get("requests", 0)
    on_primary = report["database_reads"].get("replica_down", {}).get("primary", 0)
    if down and on_primary < down:
        problems.append(
            f"while the replica was down the primary ran {on_primary} transactions "
            f"for {down} requests: where did the reads go?"
        )
    if faults.get("reads_back_on_replica_after_s") is None:
        problems.append("the instances did not go back to reading the replica")
    back = phases.get("replica_back", {}).get("requests", 0)
    on_replica = report["database_reads"].get("replica_back", {}).get("replica", 0)
    if back and on_replica < MIN_REPLICA_SHARE * back:
        problems.append(
            f"after its restart the replica ran {on_replica} transactions for {back} requests"
        )

    curator = report["curator"]
    if curator["error"]:
        problems.append(f"the curator stopped: {curator['error']}")
    for edit in curator["edits"]:
        if not edit["saved"] or not edit["published"]:
            problems.append(
                f"partner {edit['pk']}: saved {edit['saved']}, published {edit['published']}"
            )
        late = [
            name
            for name, check in edit["checks"].items()
            if check["visible_after_ms"] is None and "skipped" not in check
        ]
        if late:
            problems.append(
                f"partner {edit['pk']}: edit not shown within {report['staleness_bound_s']} s "
                f"by {', '.join(late)} (other instance {edit.get('other')})"
            )

    databases = report["databases"]
    for name in ("primary", "replica"):
        found = databases[name]
        if found["edits_missing"]:
            problems.append(f"edits missing on the {name}: {found['edits_missing']}")
        if found["not_published"]:
            problems.append(f"edits not published on the {name}: {found['not_published']}")
    if databases["tables_differing"]:
        problems.append(
            f"row counts differ between primary and replica: {databases['tables_differing']}"
        )
    if report["balancer"].get("app_2", {}).get("status") != "UP":
        problems.append("app_2 is not back in the balancer")
    return problems


def curator_failures(report: dict) -> dict[str, int]:
    """The curator's failed attempts (each tried again), by phase of the run."""
    counts: dict[str, int] = {}
    for entry in report["curator"].get("retries", []):
        counts[entry.get("phase", "")] = counts.get(entry.get("phase", ""), 0) + 1
    return counts


def describe(phase: str) -> str:
    return {
        "steady": "everything was up",
        "replica_down": "the replica was stopped",
        "replica_back": "the replica was back",
        "instance_down": "app_2 was killed",
        "instance_back": "app_2 was back",
    }.get(phase, phase)


def visibility(edits: list[dict]) -> dict:
    """Over every edit: how many checks showed it at their first request (served by the
    other instance when it was up), and how long after the save the first check (the page,
    through the balancer) had it shown; how long the replica itself took to have it."""
    every = [check for edit in edits for check in edit["checks"].values()]
    checks = [check for check in every if "skipped" not in check]
    first = [
        edit["checks"]["page_via_balancer"]["visible_after_ms"]
        for edit in edits
        if edit["checks"].get("page_via_balancer", {}).get("visible_after_ms") is not None
    ]
    replica = [
        e["replica_had_it_after_ms"] for e in edits if e.get("replica_had_it_after_ms") is not None
    ]
    return {
        "saved_and_published": sum(1 for e in edits if e["saved"] and e["published"]),
        "checks": len(checks),
        "checks_skipped": len(every) - len(checks),  # their instance was killed meanwhile
        "shown_at_first_request": sum(
            1 for c in checks if c["attempts"] == 1 and c["visible_after_ms"] is not None
        ),
        "first_page_shown_after_ms_max": max(first, default=None),
        "replica_had_it_after_ms_max": max(replica, default=None),
    }


def replication_lag(samples: list[tuple[str, dict | None]]) -> dict:
    """pg_stat_replication's samples, (phase, sample or None when the standby was not
    connected) → the replay lag the primary measured, overall and in each phase."""

    def lag(phase_samples):
        streaming = [s for s in phase_samples if s and s["state"] == "streaming"]
        lags = sorted(s["replay_lag_s"] for s in streaming if s["replay_lag_s"] is not None)
        return {
            "samples": len(phase_samples),
            "streaming": len(streaming),
            "replay_lag_ms_p50": round(lags[len(lags) // 2] * 1000, 2) if lags else None,
            "replay_lag_ms_max": round(lags[-1] * 1000, 2) if lags else None,
            "max_bytes_behind": max((s["bytes_behind"] or 0 for s in streaming), default=0),
        }

    phases = {}
    for phase, sample in samples:
        phases.setdefault(phase, []).append(sample)
    return {
        **lag([sample for _, sample in samples]),
        "by_phase": {phase: lag(phase_samples) for phase, phase_samples in phases.items()},
    }


def summary(report: dict) -> str:
    load, faults = report["load"], report["faults"]
    lines = [
        f"cluster test: {report['duration_s']} s, {report['clients']} readers through HAProxy, "
        f"{load['requests']} requests, {load['failed']} failed "
        f"(p50 {load['latency_ms'].get('p50')} ms, p99 {load['latency_ms'].get('p99')} ms)",
        "",
        f"  {'phase':<40} {'requests':>8} {'failed':>6}  served by        reads on primary/replica",
    ]
    for phase in PHASES:
        row = load["phases"].get(phase, {"requests": 0, "failed": 0, "served_by": {}})
        reads = report["database_reads"].get(phase, {})
        served = ", ".join(f"{k} {v}" for k, v in row["served_by"].items())
        lines.append(
            f"  {describe(phase):<40} {row['requests']:>8} {row['failed']:>6}  {served:<16} "
            f"{reads.get('primary', '-')}/{reads.get('replica', '-')}"
        )
    seen = visibility(report["curator"]["edits"])
    replication = report["replication"]
    steady_lag = replication["by_phase"].get("steady", {}).get("replay_lag_ms_max")
    found = report["databases"]
    balancer = report["balancer"].get("BACKEND", {})
    curator = report["curator"]
    by_instance = ", ".join(
        f"{k} {v}" for k, v in sorted(curator.get("requests_by_instance", {}).items())
    )
    lines += [
        f"  {'the curator (admin, through HAProxy)':<40} "
        f"{sum(curator.get('requests_by_instance', {}).values()):>8} "
        f"{sum(curator_failures(report).values()):>6}  {by_instance}",
        "",
        f"  HAProxy: {balancer.get('wretr')} retries, {balancer.get('wredis')} redispatched to "
        f"another instance, {balancer.get('eresp')} responses cut, "
        f"{balancer.get('hrsp_5xx')} 5xx answered",
        f"  in flight when app_2 was killed: {faults.get('in_flight_at_kill')}; "
        f"HAProxy saw it down after {faults.get('balancer_saw_it_down_after_s')} s, "
        f"up again {faults.get('balancer_saw_it_up_after_s')} s after its restart",
        f"  replica stopped in {faults.get('replica_stopped_s')} s, started in "
        f"{faults.get('replica_start_s')} s; public reads back on it after "
        f"{faults.get('reads_back_on_replica_after_s')} s",
        f"  edits: {seen['saved_and_published']}/{len(curator['edits'])} saved and published "
        f"through the balancer; {seen['shown_at_first_request']}/{seen['checks']} checks on the "
        f"other instance (on either while app_2 was down; {seen['checks_skipped']} cut short "
        f"by its death) showed the edit at their first request; the page through the "
        f"balancer had it at most "
        f"{seen['first_page_shown_after_ms_max']} ms after the save "
        f"(bound {report['staleness_bound_s']} s)",
        f"  replication: replay lag p50 {replication['replay_lag_ms_p50']} ms, max "
        f"{replication['replay_lag_ms_max']} ms (pg_stat_replication; max while all was up "
        f"{steady_lag} ms); the replica had each "
        f"edit at most {seen['replica_had_it_after_ms_max']} ms after the curator's answer; "
        f"caught up in {replication['final_catch_up_ms']} ms at the end",
        f"  nothing lost: {verified(found['primary'])} edits on the primary, "
        f"{verified(found['replica'])} on the replica; {found['tables_compared']} tables, "
        f"{found['rows_on_primary']} rows: {len(found['tables_differing'])} differing",
    ]
    return "\n".join(lines)


def verified(found: dict) -> str:
    return f"{found['edits_expected'] - len(found['edits_missing'])}/{found['edits_expected']}"
