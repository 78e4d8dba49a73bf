"""The cluster scaling benchmark's plain parts (bench/cluster/scaling_report.py): ratios to one
instance, the checks that the load went where each configuration says, the replica lag
summed up, the Markdown. The real run is `make bench-cluster`."""

import pytest

from bench.cluster import scaling_report as report
from bench.cluster.__main__ import arguments


def row(configuration, endpoint, requests_per_s, served=None, transactions=None):
    return {
        "configuration": configuration,
        "endpoint": endpoint,
        "path": "/",
        "requests": 1000,
        "seconds": 10.0,
        "requests_per_s": requests_per_s,
        "p50_ms": 40.0,
        "p90_ms": 60.0,
        "p99_ms": 90.0,
        "mean_ms": 42.0,
        "bytes_per_request": 90_000,
        "served_by": served or {"app_1": 500, "app_2": 500},
        "transactions": transactions or {"primary": 20, "replica": 4000},
    }


def healthy_rows():
    return [
        row("one-replica", "relationship-uncached", 20.0, served={"app_1": 200, "app_2": 0}),
        row("one-replica", "api-list", 10.0, served={"app_1": 100, "app_2": 0}),
        row("two-replica", "relationship-uncached", 24.0),
        row("two-replica", "api-list", 11.0),
        row("two-primary", "relationship-uncached", 22.0, transactions={"primary": 4000}),
        row("two-primary", "api-list", 9.0, transactions={"primary": 4000, "replica": 0}),
    ]


ARRANGEMENTS = {
    "one-replica": {"public_reads": {"app_1": "replica", "app_2": "replica"}},
    "two-replica": {"public_reads": {"app_1": "replica", "app_2": "replica"}},
    "two-primary": {"public_reads": {"app_1": "primary", "app_2": "primary"}},
}
LAG = {
    key: {"writes": 20, "not_seen": 0, "visible_ms_p50": 1.2, "visible_ms_max": 4.0}
    for key in ARRANGEMENTS
}


def test_each_throughput_is_a_ratio_to_one_instance_on_the_replica_for_the_same_endpoint():
    rows = report.with_ratios(healthy_rows())
    ratios = {(r["configuration"], r["endpoint"]): r["ratio"] for r in rows}
    assert ratios[("one-replica", "relationship-uncached")] == 1.0
    assert ratios[("two-replica", "relationship-uncached")] == 1.2
    assert ratios[("two-primary", "api-list")] == 0.9


def test_without_the_reference_measure_there_is_no_ratio():
    rows = report.with_ratios([row("two-replica", "api-list", 11.0)])
    assert rows[0]["ratio"] is None


def test_a_run_where_the_load_went_where_it_should_has_no_problem():
    assert report.problems(report.with_ratios(healthy_rows()), ARRANGEMENTS, LAG) == []


def test_requests_served_by_the_instance_out_of_rotation_are_a_problem():
    rows = healthy_rows()
    rows[0]["served_by"] = {"app_1": 190, "app_2": 10}
    [problem] = report.problems(rows, ARRANGEMENTS, LAG)
    assert "app_2, out of rotation, served 10 requests" in problem


def test_with_two_instances_both_must_serve():
    rows = healthy_rows()
    rows[2]["served_by"] = {"app_1": 990, "app_2": 10}
    [problem] = report.problems(rows, ARRANGEMENTS, LAG)
    assert "app_2 served 10 of 1000 requests" in problem


def test_reads_on_the_other_database_are_a_problem():
    rows = healthy_rows()
    rows[3]["transactions"] = {"primary": 3000, "replica": 1000}
    [problem] = report.problems(rows, ARRANGEMENTS, LAG)
    assert "reads not on the replica (primary 3000, replica 1000)" in problem


def test_an_instance_whose_healthz_names_another_database_is_a_problem():
    arrangements = {**ARRANGEMENTS, "two-primary": {"public_reads": {"app_1": "primary"}}}
    [problem] = report.problems(healthy_rows(), arrangements, LAG)
    assert "app_2's /healthz says reads on None" in problem


def test_a_write_the_replica_never_showed_is_a_problem():
    lag = {**LAG, "two-replica": {**LAG["two-replica"], "not_seen": 1}}
    [problem] = report.problems(healthy_rows(), ARRANGEMENTS, lag)
    assert "1 of 20 writes on the primary never shown by the replica" in problem


def test_marker_lag_is_summed_up_per_configuration():
    samples = [("between", 50.0), ("one-replica", 2.0), ("one-replica", 1.0)]
    samples += [("one-replica", 9.5), ("two-replica", None)]
    lag = report.marker_lag(samples, ["one-replica", "two-replica", "two-primary"])
    assert lag["one-replica"] == {
        "writes": 3,
        "not_seen": 0,
        "visible_ms_p50": 2.0,
        "visible_ms_max": 9.5,
    }
    assert lag["two-replica"]["not_seen"] == 1
    assert lag["two-primary"] == {
        "writes": 0,
        "not_seen": 0,
        "visible_ms_p50": None,
        "visible_ms_max": None,
    }


def results(problems=()):
    rows = report.with_ratios(healthy_rows())
    return {
        "date": "2026-11-24",
        "machine": "2 CPUs (test)",
        "revision": "abc1234",
        "load_average": 0.4,
        "note": report.machine_note(2),
        "settings": {
            "load": "wrk -t2 -c8, 1 s of warm-up then 10 s measured per endpoint",
            "balancer": "HAProxy",
            "instances": "gunicorn",
            "databases": "PostgreSQL",
            "configurations": "; ".join(c.label for c in report.CONFIGURATIONS),
            "counted": "requests and transactions",
            "marker_interval_s": 0.5,
        },
        "rows": rows,
        "replication": {
            "marker": LAG,
            "replay_lag": {"by_phase": {"two-replica": {"replay_lag_ms_p50": 0.3}}},
        },
        "problems": list(problems),
    }


def test_the_markdown_says_next_to_the_figures_what_a_small_machine_shows():
    text = report.markdown(results())
    note, table = text.index("2-CPU machine"), text.index("| endpoint |")
    assert note < table
    assert "not absolute numbers" in text
    assert "compete for the same 2 CPUs" in text


def test_the_markdown_has_one_line_per_measure_with_its_ratio_and_where_it_went():
    text = report.markdown(results())
    [line] = [
        line
        for line in text.splitlines()
        if line.startswith("| API list") and "| 2 instances, reads on the replica |" in line
    ]
    assert "| 11.0 | 40.0 | 90.0 | 1.10× | 500 / 500 | 20 / 4,000 |" in line
    assert "| 2 instances, reads on the replica | 20 | 1.2 / 4.0 | 0.3 / – |" in text


def test_the_markdown_lists_the_problems_found():
    text = report.markdown(results(["2 instances: app_2 served 0 of 10 requests"]))
    assert "- **2 instances: app_2 served 0 of 10 requests**" in text
    assert "Every request went" not in text


def test_bench_subcommand_takes_the_load_settings():
    args = arguments(["bench", "--duration", "5", "--connections", "4"])
    assert (args.command, args.duration, args.connections, args.warmup) == ("bench", 5, 4, 1)


@pytest.mark.parametrize("cpus", [2, 8])
def test_the_note_names_the_machines_cpus(cpus):
    assert f"{cpus}-CPU machine" in report.machine_note(cpus)
