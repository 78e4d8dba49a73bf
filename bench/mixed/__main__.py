"""`python -m bench.mixed [options]` — see bench/mixed/__init__.py."""

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.mixed import report, run
from bench.mixed.zipf import EXPONENT
from bench.pages import databases, wrk
from bench.pages.endpoints import CACHED
from bench.pages.runs import ProbeError, server_environment
from bench.pages.session import (
    collect_static,
    option_parser,
    parsed,
    published,
    results,
    revision,
    shared_cache,
)
from web.benchmark import BASELINE_BYTES

DEFAULTS = {
    "engines": "sqlite,postgresql",
    "scales": "10,100",
    # About 70 s of load a database and scale, so that the four take under 10 minutes with
    # the filling.
    "duration": 30.0,
    "warmup": 10.0,
    "baseline_duration": 10.0,
    "baseline_warmup": 2.0,
}
QUICK = {
    "engines": "sqlite",
    "scales": "1",
    "duration": 5.0,
    "warmup": 2.0,
    "baseline_duration": 3.0,
    "baseline_warmup": 1.0,
}


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = option_parser(
        "python -m bench.mixed", __doc__, DEFAULTS, "SQLite, seed only, 5 s of load: a smoke run"
    )
    parser.add_argument("--duration", type=float, help="seconds of mixed load measured (30)")
    parser.add_argument("--warmup", type=float, help="seconds of mixed load first, unmeasured (10)")
    parser.add_argument("--baseline-duration", type=float, help="seconds per baseline measure (10)")
    parser.add_argument("--baseline-warmup", type=float, help="seconds before each (2)")
    parser.add_argument(
        "--writes-per-second", type=float, default=1.0, help="the curator's (1; 0: none)"
    )
    parser.add_argument("--exponent", type=float, default=EXPONENT, help="Zipf's s (1)")
    args = parsed(parser, argv, DEFAULTS, QUICK)
    if args.writes_per_second < 0:
        parser.error("the curator writes at a rate of 0 (no curator) or more")
    return args


def settings_described(args, cache_url: str | None) -> dict:
    load = wrk.Load(args.threads, args.connections, args.duration, args.warmup)
    return {
        "server": (
            f"as bench/pages/'s cached run: gunicorn, config/gunicorn.conf.py with "
            f"{args.workers} synchronous workers, not recycled, DJANGO_DEBUG=0, plain HTTP on "
            "loopback, the default page cache; production's settings with LIAISON_BENCHMARK=1 "
            "(X-Queries and X-From-Cache)"
        ),
        "workers": args.workers,
        "load": (
            f"wrk -t{args.threads} -c{args.connections}, each request's address drawn from a "
            f"Zipf distribution (s = {args.exponent:g}) over every public address of the "
            "database, shuffled with a fixed seed (bench/mixed/paths.py, mixed.lua); "
            f"{args.warmup:g} s of warm-up then {args.duration:g} s measured; the baseline "
            f"{args.baseline_warmup:g} s then {args.baseline_duration:g} s, before and after"
        ),
        "wrk": load.describe(),
        "curator": (
            "none (--writes-per-second 0): the readers alone"
            if not args.writes_per_second
            else f"{args.writes_per_second:g} write(s) a second through the ORM, each in its own "
            "transaction, on a record drawn uniformly from every public relationship, event, "
            "partner, programme and participation (bench/mixed/curator.py), from the warm-up "
            "to the end of the measure; each edited record checked afterwards"
        ),
        "cache": (
            f"Redis ({cache_url}, flushed before each server run, shared by the workers)"
            if cache_url
            else "each worker's local memory"
        ),
        "measured": (
            "throughput, p50/p99 latency (wrk's histogram), the share of answers sent from "
            "the page cache (X-From-Cache: a 200 that rendered no template and no API answer, "
            "bench/mixed/instruments.py), SQL queries per request (X-Queries), all over the "
            "measured requests"
        ),
        "exponent": args.exponent,
        "writes_per_second": args.writes_per_second,
        "duration_s": args.duration,
        "warmup_s": args.warmup,
        "baseline_bytes": BASELINE_BYTES,
    }


def main(argv: list[str]) -> int:
    args = arguments(argv)
    wrk.require_wrk()
    cache_url = shared_cache()
    per_scale = args.warmup + args.duration + 2 * (args.baseline_warmup + args.baseline_duration)
    estimate = len(args.engines) * len(args.scales) * per_scale
    print(
        f"bench: mixed load on {', '.join(args.engines)} at "
        f"{', '.join(f'{s}×' for s in args.scales)}; about {estimate / 60:.0f} min of load "
        "plus filling the databases",
        flush=True,
    )
    started, measured = time.monotonic(), revision()
    rows, data = [], {}
    try:
        collect_static()
        for engine in args.engines:
            for scale in args.scales:
                with (
                    databases.throwaway(engine) as database_url,
                    tempfile.TemporaryDirectory(prefix="liaison-bench-mixed-") as directory,
                ):
                    print(f"bench: {engine} {scale}×: filling the database…", flush=True)
                    env = server_environment(
                        database_url, 0, Path(directory), CACHED, args.workers, None
                    )
                    filled = databases.fill(env, scale)
                    data.setdefault(engine, {})[str(scale)] = filled["counts"]
                    print(f"bench: {engine} {scale}×: {filled}", flush=True)
                    row = run.measure(engine, scale, database_url, Path(directory), args, cache_url)
                    row["fill"] = filled["timings"]
                    rows.append(row)
                    progress(row)
    except (wrk.LoadError, ProbeError, run.WriteError) as error:
        print(f"bench: FAILED: {error}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"bench: FAILED: {' '.join(error.cmd)}\n{error.stderr}", file=sys.stderr)
        return 1

    settings = settings_described(args, cache_url)
    written = results(args, settings, started, measured, data, rows, report.targets(rows))
    stem = f"{written['date']}-mixed" + ("" if args.writes_per_second else "-no-writes")
    stem += "-quick" if args.quick else ""
    return published(written, args.output, stem, report)


def progress(row: dict) -> None:
    share = "–" if row["cache_share"] is None else f"{row['cache_share']:.1%}"
    print(
        f"  {row['engine']} {row['scale']}×: {row['requests_per_s']:.1f} req/s, "
        f"{row['ratio']:.1%} of the baseline's {row['baseline_requests_per_s']:.0f}; "
        f"p50 {row['p50_ms']:.1f} ms, p99 {row['p99_ms']:.1f} ms; {share} from the cache; "
        f"{row['queries_per_request']} queries/request; {report.writes_line(row['writes'])}",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
