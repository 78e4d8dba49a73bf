"""The local cluster's plain parts (bench/cluster/): what the cluster test asserts, HAProxy's
counters read, the configuration in the repository, the teardown's bookkeeping. The real run
is `make cluster-test`."""

import copy
import json
import os
import subprocess

import pytest

from bench.cluster import haproxy, load, report, topology
from bench.cluster.postgres import HBA


def phase(requests, failed=0):
    return {"requests": requests, "failed": failed, "statuses": {}, "served_by": {"app_1": 1}}


def check(attempts=1, visible_after_ms=12.5):
    return {"attempts": attempts, "visible_after_ms": visible_after_ms}


PASSING = {
    "duration_s": 40.2,
    "clients": 4,
    "staleness_bound_s": 6,
    "load": {
        "requests": 500,
        "failed": 0,
        "phases": {
            "steady": phase(100),
            "replica_down": phase(100),
            "replica_back": phase(100),
            "instance_down": phase(100),
            "instance_back": phase(100),
        },
        "latency_ms": {"p50": 40.0, "p95": 200.0, "p99": 500.0},
    },
    "faults": {"in_flight_at_kill": 4, "reads_back_on_replica_after_s": 0.9},
    "database_reads": {
        "steady": {"primary": 20, "replica": 400},
        "replica_down": {"primary": 400, "replica": 0},
        "replica_back": {"primary": 80, "replica": 300},
        "instance_down": {"primary": 20, "replica": 400},
        "instance_back": {"primary": 20, "replica": 400},
    },
    "replication": {
        "replay_lag_ms_p50": 0.4,
        "replay_lag_ms_max": 200.0,
        "by_phase": {"steady": {"replay_lag_ms_max": 3.6}},
        "final_catch_up_ms": 12.6,
    },
    "curator": {
        "edits": [
            {
                "pk": 1,
                "saved": True,
                "published": True,
                "other": "app_2",
                "checks": {name: check() for name in report.CHECKS},
                "replica_had_it_after_ms": 1.5,
            }
        ],
        "error": "",
        "retries": [],
        "requests_by_instance": {"app_1": 10, "app_2": 8},
    },
    "databases": {
        "primary": {"edits_expected": 1, "edits_missing": [], "not_published": []},
        "replica": {"edits_expected": 1, "edits_missing": [], "not_published": []},
        "tables_compared": 38,
        "rows_on_primary": 2727,
        "tables_differing": {},
    },
    "balancer": {"app_1": {"status": "UP"}, "app_2": {"status": "UP"}, "BACKEND": {}},
}


@pytest.fixture
def run():
    return copy.deepcopy(PASSING)


def test_a_run_without_failures_passes(run):
    assert report.failures(run) == []


def test_a_failed_request_while_the_replica_is_down_fails_the_run(run):
    run["load"]["phases"]["replica_down"]["failed"] = 1
    assert report.failures(run) == ["1 failed requests while the replica was stopped"]


def test_requests_failed_when_an_instance_dies_are_allowed_up_to_those_in_flight(run):
    run["load"]["phases"]["instance_down"]["failed"] = 4
    assert report.failures(run) == []


def test_more_failures_than_requests_in_flight_fail_the_run(run):
    run["load"]["phases"]["instance_down"]["failed"] = 5
    assert report.failures(run) == [
        "5 failed requests while an instance was down, more than the 4 in flight when it was killed"
    ]


def test_a_curator_request_failed_outside_an_instance_death_fails_the_run(run):
    run["curator"]["retries"] = [{"path": "/admin/", "phase": "replica_down", "status": 502}]
    assert report.failures(run) == ["1 failed requests while the replica was stopped"]


def test_the_curator_failures_count_with_the_readers_against_requests_in_flight(run):
    run["load"]["phases"]["instance_down"]["failed"] = 4
    run["curator"]["retries"] = [{"path": "/admin/", "phase": "instance_down", "status": 502}]
    assert report.failures(run) == [
        "5 failed requests while an instance was down, more than the 4 in flight when it was killed"
    ]


def test_a_phase_without_requests_fails_the_run(run):
    run["load"]["phases"]["instance_back"]["requests"] = 0
    assert report.failures(run) == ["no requests at all while app_2 was back"]


def test_reads_that_stay_on_the_primary_once_the_replica_is_back_fail_the_run(run):
    run["database_reads"]["replica_back"]["replica"] = 20
    assert report.failures(run) == [
        "after its restart the replica ran 20 transactions for 100 requests"
    ]


def test_an_edit_not_shown_by_the_other_instance_within_the_bound_fails_the_run(run):
    run["curator"]["edits"][0]["checks"]["api_direct"] = check(attempts=40, visible_after_ms=None)
    assert report.failures(run) == [
        "partner 1: edit not shown within 6 s by api_direct (other instance app_2)"
    ]


def test_a_check_cut_short_by_the_death_of_its_instance_is_not_held_against_the_run(run):
    run["curator"]["edits"][0]["checks"]["api_direct"] = {
        "attempts": 3,
        "visible_after_ms": None,
        "skipped": "instance killed",
    }
    assert report.failures(run) == []
    assert report.visibility(run["curator"]["edits"])["checks_skipped"] == 1


def test_an_edit_missing_on_the_replica_fails_the_run(run):
    run["databases"]["replica"]["edits_missing"] = ["1"]
    assert report.failures(run) == ["edits missing on the replica: ['1']"]


def test_tables_that_differ_between_primary_and_replica_fail_the_run(run):
    run["databases"]["tables_differing"] = {"partners_partner": [31, 30]}
    assert report.failures(run) == [
        "row counts differ between primary and replica: {'partners_partner': [31, 30]}"
    ]


def test_summary_gives_each_fault_window_and_the_figures(run):
    text = report.summary(run)
    assert "the replica was stopped" in text and "app_2 was killed" in text
    assert "1/1 saved and published" in text
    assert "4/4 checks on the other instance" in text
    assert "1/1 edits on the primary, 1/1 on the replica" in text


def test_replication_lag_is_summarised_overall_and_by_phase():
    def sample(lag_s, state="streaming", behind=0):
        return {"state": state, "replay_lag_s": lag_s, "bytes_behind": behind}

    samples = [
        ("steady", sample(0.001)),
        ("steady", sample(0.003, behind=40)),
        ("replica_down", None),
        ("replica_back", sample(0.2, state="catchup")),
        ("replica_back", sample(None)),
    ]
    lag = report.replication_lag(samples)
    assert (lag["samples"], lag["streaming"]) == (5, 3)
    assert lag["replay_lag_ms_max"] == 3.0
    assert lag["max_bytes_behind"] == 40
    assert lag["by_phase"]["replica_down"]["streaming"] == 0
    assert lag["by_phase"]["replica_back"]["replay_lag_ms_p50"] is None


def test_a_request_fails_unless_answered_2xx_or_3xx():
    assert not load.failed(200) and not load.failed(304)
    assert load.failed(503) and load.failed(429) and load.failed("RemoteDisconnected")


SHOW_STAT = """\
# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,\
wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,hrsp_5xx,
liaison,FRONTEND,,,0,4,4096,1700,1,2,0,0,0,,,,,OPEN,,,,,,,,,0,
liaison_app,app_1,0,0,0,2,2,900,1,2,,0,,0,0,0,0,UP,1,1,0,0,0,30,0,0,
liaison_app,app_2,0,0,0,2,2,800,1,2,,0,,3,1,5,2,DOWN,1,1,0,3,1,4,4,0,
liaison_app,BACKEND,0,0,0,4,410,1700,1,2,0,0,,3,1,5,2,UP,2,2,0,,0,40,0,0,
"""


def test_haproxy_counters_are_read_for_each_server_of_the_application():
    servers = haproxy.parse_stat(SHOW_STAT)
    assert set(servers) == {"app_1", "app_2", "BACKEND"}
    assert servers["app_2"]["status"] == "DOWN"
    assert (servers["app_2"]["wretr"], servers["app_2"]["wredis"]) == (5, 2)
    assert servers["app_1"]["chkfail"] == 0


def test_the_repository_haproxy_configuration_is_valid(tmp_path):
    env = haproxy.environment(
        "127.0.0.1:8080",
        {"app_1": "127.0.0.1:8001", "app_2": "127.0.0.1:8002"},
        tmp_path / "haproxy.sock",
        workers=2,
    )
    result = subprocess.run(
        [haproxy.binary(), "-c", "-f", str(haproxy.CONFIG)], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_postgresql_allows_replication_from_loopback_only():
    rules = [line.split() for line in HBA.splitlines() if line and not line.startswith("#")]
    replication = [rule for rule in rules if rule[1] == "replication"]
    assert replication == [["host", "replication", "replicator", "127.0.0.1/32", "trust"]]
    assert all(rule[0] == "local" or rule[3] == "127.0.0.1/32" for rule in rules)


def test_stop_finds_only_clusters_of_this_repository(tmp_path, monkeypatch):
    monkeypatch.setattr(topology, "STATE_DIRECTORY", tmp_path)
    (tmp_path / "1.json").write_text(json.dumps({"repository": str(topology.ROOT), "owner": 1}))
    (tmp_path / "2.json").write_text(json.dumps({"repository": "/elsewhere", "owner": 2}))
    (tmp_path / "3.json").write_text("{not json")
    assert [state["owner"] for state in topology.running_clusters()] == [1]


def test_a_pid_is_only_stopped_if_it_still_runs_what_was_started():
    assert topology.is_process(os.getpid(), "python")
    assert not topology.is_process(os.getpid(), "haproxy")
    assert not topology.is_process(None, "haproxy")


def test_a_failed_runs_evidence_keeps_the_balancers_unusual_lines_only(tmp_path):
    log = tmp_path / "haproxy.log"
    fine = (
        "127.0.0.1:44528 [07/Dec/2026:02:21:34.014] liaison liaison_app/app_1 0/0/0/3/3 200 895"
        ' - - ---- 1/1/0/0/0 0/0 "GET /healthz HTTP/1.1"'
    )
    cut = (
        "127.0.0.1:44530 [07/Dec/2026:02:21:35.018] liaison liaison_app/app_2 0/0/0/-1/61 502 204"
        ' - - SH-- 1/1/0/0/0 0/0 "POST /admin/partners/partner/4/change/ HTTP/1.1"'
    )
    server_error = fine.replace(" 200 895 ", " 500 12 ")
    state = "[WARNING]  (1347) : Server liaison_app/app_2 is DOWN, reason: Layer4 timeout"
    log.write_text("\n".join([fine, cut, server_error, state]) + "\n")
    assert topology.unusual_balancer_lines(log) == [cut, server_error, state]


def test_a_failed_runs_evidence_keeps_each_instances_warnings_restarts_and_5xx(tmp_path):
    (tmp_path / "gunicorn.log").write_text(
        "[2026] [1] [INFO] Booting worker with pid: 12\n"
        '{"level": "INFO", "message": "GET /fr/ 200"}\n'
        '{"level": "WARNING", "message": "replica replica_1: unreachable"}\n'
        "[2026] [12] [CRITICAL] WORKER TIMEOUT (pid:12)\n"
    )
    (tmp_path / "access.log").write_text(
        '127.0.0.1 "GET /fr/ HTTP/1.1" 200 512 1200us\n'
        '127.0.0.1 "POST /admin/ HTTP/1.1" 500 88 900us\n'
    )
    assert topology.unusual_instance_lines(tmp_path) == [
        "[2026] [1] [INFO] Booting worker with pid: 12",
        '{"level": "WARNING", "message": "replica replica_1: unreachable"}',
        "[2026] [12] [CRITICAL] WORKER TIMEOUT (pid:12)",
        '127.0.0.1 "POST /admin/ HTTP/1.1" 500 88 900us',
    ]
    assert topology.unusual_instance_lines(tmp_path / "missing") == []


def test_a_curator_post_cut_by_the_instance_death_belongs_to_the_fault(monkeypatch):
    """The POST began while the replica was back and was cut when app_2 was killed: its
    failure is the fault's, not a failure while the replica was back."""
    from bench.cluster.curator import Curator

    phases = load.Phases("replica_back")
    curator = Curator("127.0.0.1", 1, "u", "p", phases=phases, faults={"instance_down"})

    def cut_by_the_kill(*args):
        phases.enter("instance_down")
        raise ConnectionResetError

    monkeypatch.setattr(curator, "_send", cut_by_the_kill)
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    with pytest.raises(RuntimeError):
        curator.request("POST", "/admin/partners/partner/8/change/", attempts=1)
    assert [entry["phase"] for entry in curator.log] == ["instance_down"]


@pytest.mark.parametrize(
    ("began", "ended", "phase"),
    [
        ("replica_back", "instance_down", "instance_down"),
        ("instance_down", "instance_back", "instance_down"),
        ("steady", "steady", "steady"),
        ("replica_down", "replica_back", "replica_down"),
    ],
)
def test_a_request_belongs_to_a_fault_its_lifetime_overlaps(began, ended, phase):
    assert load.phase_of(began, ended, {"replica_down", "instance_down"}) == phase
