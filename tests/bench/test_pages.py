"""The page benchmark's plain parts (bench/pages/): reading wrk's summary, ratios to the
baseline, budgets, and the results written. The real run is `make bench-pages`."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from bench.pages import report, wrk
from bench.pages.__main__ import arguments
from bench.pages.runs import ProbeError, probe, server_environment

WRK_OUTPUT = """Running 8s test @ http://127.0.0.1:40000/fr/relations/nato-serbia/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    21.10ms    4.02ms  61.30ms   80.00%
    Req/Sec   190.21     20.12   230.00     70.00%
  3040 requests in 8.00s, 268.52MB read
Requests/sec:    379.98
Transfer/sec:     33.56MB
BENCH-SUMMARY {"duration_us": 8000500, "requests": 3040, "bytes": 281561600, \
"latency_us": {"mean": 21100.4, "p50": 20512, "p90": 25000, "p99": 40250, "max": 61300}, \
"errors": {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0}}
"""


def row(endpoint, requests_per_s, scale=1, engine="sqlite", run="uncached", queries=5):
    return {
        "engine": engine,
        "scale": scale,
        "run": run,
        "endpoint": endpoint,
        "path": "/",
        "status": 200,
        "queries": queries,
        "bytes": 92_000,
        "requests": 1000,
        "seconds": 8.0,
        "requests_per_s": requests_per_s,
        "p50_ms": 10.0,
        "p90_ms": 12.0,
        "p99_ms": 20.0,
        "mean_ms": 10.5,
        "bytes_per_request": 92_000,
    }


def test_wrk_summary_gives_throughput_and_exact_percentiles():
    measure = wrk.parse(WRK_OUTPUT)
    assert measure.requests == 3040
    assert measure.requests_per_s == pytest.approx(380.0, abs=0.1)
    assert (measure.p50_ms, measure.p90_ms, measure.p99_ms) == (20.51, 25.0, 40.25)
    assert measure.bytes_per_request == 92_619


def test_wrk_run_with_non_2xx_answers_is_an_error():
    output = WRK_OUTPUT.replace('"status": 0', '"status": 12')
    with pytest.raises(wrk.LoadError, match="12 status"):
        wrk.parse(output, "http://127.0.0.1/x")


def test_wrk_run_with_socket_errors_is_an_error():
    with pytest.raises(wrk.LoadError, match="3 timeout"):
        wrk.parse(WRK_OUTPUT.replace('"timeout": 0', '"timeout": 3'))


def test_wrk_output_without_summary_is_an_error():
    with pytest.raises(wrk.LoadError, match="no summary"):
        wrk.parse("Running 8s test @ http://127.0.0.1:1/\n")


def test_wrk_command_is_the_same_for_every_endpoint_but_the_url():
    load = wrk.Load(threads=2, connections=8, duration=8, warmup=2)
    first, second = load.command("http://a/", 8), load.command("http://b/", 8)
    assert first[:-1] == second[:-1]
    assert first[1:4] == ["-t2", "-c8", "-d8s"]


def test_ratio_is_to_the_baseline_of_the_same_server_run():
    rows = report.with_ratios(
        [
            row("baseline", 1000.0),
            row("relationship-uncached", 300.0),
            row("baseline-cached", 800.0, run="cached"),
            row("relationship-cached", 700.0, run="cached"),
            row("baseline", 500.0, scale=10),
            row("relationship-uncached", 100.0, scale=10),
        ]
    )
    ratios = {(r["endpoint"], r["scale"]): (r["ratio"], r["met"]) for r in rows}
    assert ratios[("baseline", 1)] == (1.0, None)
    assert ratios[("relationship-uncached", 1)] == (0.3, True)
    assert ratios[("relationship-cached", 1)] == (0.875, True)
    assert ratios[("relationship-uncached", 10)] == (0.2, False)


def test_baseline_measured_twice_in_a_run_counts_as_their_mean():
    rows = report.with_ratios(
        [
            row("baseline", 1100.0),
            row("relationship-uncached", 250.0),
            row("baseline-end", 900.0),
        ]
    )
    assert [r["ratio"] for r in rows] == [1.1, 0.25, 0.9]
    assert rows[1]["met"] is True


def test_queries_per_request_must_be_the_same_at_every_scale():
    rows = report.with_ratios(
        [
            row("baseline", 1000.0, queries=0),
            row("document", 100.0, queries=10),
            row("api-list", 100.0, queries=3),
            row("baseline", 1000.0, scale=100, queries=0),
            row("document", 90.0, scale=100, queries=10),
            row("api-list", 50.0, scale=100, queries=4),
        ]
    )
    checks = {c["target"]: c for c in report.targets(rows) if "queries" in c["target"]}
    assert checks["document page: queries per request constant"]["met"] is True
    api = checks[
        "API list, 100 participations with sources, uncached: queries per request constant"
    ]
    assert (api["met"], api["measured"], api["scale"]) == (False, "3 → 4", "1×–100×")
    assert not any("baseline" in target for target in checks)


@pytest.mark.parametrize(("counts", "met"), [((12, 4, 4), True), ((4, 4, 5), False)])
def test_search_queries_must_never_grow_with_the_data(counts, met):
    # Search results change with the data, and the kinds of records loaded with them.
    rows = [row("baseline", 1000.0, scale=scale, queries=0) for scale in (1, 10, 100)]
    rows += [
        row("search", 100.0, scale=scale, queries=count)
        for scale, count in zip((1, 10, 100), counts, strict=True)
    ]
    (check,) = [c for c in report.targets(report.with_ratios(rows)) if "queries" in c["target"]]
    assert (
        check["target"] == "search page: queries per request never more than at the smallest scale"
    )
    assert check["met"] is met


def test_queries_per_request_are_not_judged_from_one_scale():
    rows = report.with_ratios([row("baseline", 1000.0), row("document", 100.0)])
    (check,) = [c for c in report.targets(rows) if "queries" in c["target"]]
    assert check["met"] is None


def test_markdown_table_says_which_budgets_are_not_met():
    rows = report.with_ratios(
        [
            row("baseline", 1000.0),
            row("baseline-cached", 1000.0, run="cached"),
            row("api-list-cached", 150.0, run="cached"),
        ]
    )
    text = report.markdown(sample_report(rows))
    assert (
        "| API list, 100 participations with sources, cached ≥ 20% of baseline | SQLite | 1× "
        in text
    )
    assert "| 15% | **not met** |" in text
    assert "| SQLite | 1× | baseline (constant page) `/bench/baseline/` | 1,000 |" in text


def test_small_ratios_keep_a_decimal():
    assert [report.percent(r) for r in (0.004, 0.25, 0.875)] == ["0.4%", "25%", "88%"]


def test_results_are_written_as_json_markdown_and_png(tmp_path):
    rows = report.with_ratios(
        [
            row("baseline", 1000.0),
            row("relationship-uncached", 300.0),
            row("baseline", 900.0, engine="postgresql"),
            row("relationship-uncached", 200.0, engine="postgresql"),
        ]
    )
    paths = report.write(sample_report(rows), tmp_path, "2026-01-01-pages")
    assert [path.name for path in paths] == [
        "2026-01-01-pages.json",
        "2026-01-01-pages.md",
        "2026-01-01-pages.png",
    ]
    assert json.loads(paths[0].read_text())["rows"][1]["ratio"] == 0.3
    assert paths[2].read_bytes().startswith(b"\x89PNG")


def test_quick_run_is_sqlite_seed_only_and_short():
    args = arguments(["--quick"])
    assert (args.engines, args.scales, args.duration) == (["sqlite"], [1], 2.0)
    args = arguments(["--scales", "100,1,10", "--engines", "postgresql"])
    assert (args.engines, args.scales) == (["postgresql"], [1, 10, 100])


def test_unknown_engine_is_refused(capsys):
    with pytest.raises(SystemExit):
        arguments(["--engines", "oracle"])
    assert "oracle" in capsys.readouterr().err


def test_uncached_run_turns_the_page_cache_off_and_the_instruments_on(tmp_path, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://elsewhere:6379/0")
    monkeypatch.setenv("DATABASE_REPLICA_URLS", "postgres://elsewhere/liaison")
    env = server_environment("sqlite:///x", 8123, tmp_path, "uncached", 2, None)
    assert env["DJANGO_PAGE_CACHE_SECONDS"] == "0"
    assert env["LIAISON_BENCHMARK"] == "1"
    assert env["GUNICORN_WORKERS"] == "2"
    assert env["GUNICORN_MAX_REQUESTS"] == "0"
    assert env["DJANGO_DEBUG"] == "0"
    assert "REDIS_URL" not in env and "DATABASE_REPLICA_URLS" not in env
    assert env["DATABASE_URL"] == "sqlite:///x"


def test_cached_run_keeps_the_default_page_cache_on_the_shared_cache(tmp_path):
    env = server_environment("sqlite:///x", 8123, tmp_path, "cached", 3, "redis://127.0.0.1/15")
    assert "DJANGO_PAGE_CACHE_SECONDS" not in env
    assert env["REDIS_URL"] == "redis://127.0.0.1/15"
    assert env["GUNICORN_WORKERS"] == "3"


class Answers(BaseHTTPRequestHandler):
    """/ok: 200 with a query count; /moved: a redirect; /plain: 200 without the header."""

    def do_GET(self):
        status = 301 if self.path == "/moved" else 200
        self.send_response(status)
        if self.path == "/ok":
            self.send_header("X-Queries", "7")
        if status == 301:
            self.send_header("Location", "https://127.0.0.1/ok")
        self.send_header("Content-Length", "5")
        self.end_headers()
        self.wfile.write(b"hello")

    def log_message(self, *args):
        pass


@pytest.fixture
def server_port():
    server = HTTPServer(("127.0.0.1", 0), Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_probe_reads_the_query_count(server_port):
    assert probe(server_port, "/ok") == {"status": 200, "queries": 7, "bytes": 5}


def test_probe_refuses_a_redirect(server_port):
    with pytest.raises(ProbeError, match="answered 301"):
        probe(server_port, "/moved")


def test_probe_refuses_a_server_without_the_benchmark_instruments(server_port):
    with pytest.raises(ProbeError, match="LIAISON_BENCHMARK"):
        probe(server_port, "/plain")


def sample_report(rows):
    return {
        "date": "2026-01-01",
        "machine": "2 CPUs",
        "settings": {
            "server": "gunicorn, 2 workers",
            "load": "wrk -t2 -c8",
            "runs": "two",
            "cache": "Redis",
            "baseline_bytes": 92_000,
        },
        "data": {"sqlite": {"1": {"Partner": 45}}},
        "rows": rows,
        "targets": report.targets(rows),
    }
