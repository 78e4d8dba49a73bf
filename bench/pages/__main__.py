"""`python -m bench.pages [options]` — see bench/pages/__init__.py."""

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.pages import databases, report, wrk
from bench.pages.endpoints import CACHED, ENDPOINTS, UNCACHED
from bench.pages.runs import ProbeError, measure_run, server_environment
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
    "scales": "1,10,100",
    # About 10 minutes on a 2-core machine, so that `make bench` (search too) takes 15.
    "duration": 5.0,
    "warmup": 1.0,
}
QUICK = {"engines": "sqlite", "scales": "1", "duration": 2.0, "warmup": 1.0}


def arguments(argv: list[str]) -> argparse.Namespace:
    quick = "SQLite, seed only, 2 s per endpoint: a smoke run"
    parser = option_parser("python -m bench.pages", __doc__, DEFAULTS, quick)
    parser.add_argument("--duration", type=float, help="seconds measured per endpoint (5)")
    parser.add_argument("--warmup", type=float, help="seconds of warm-up per endpoint (1)")
    return parsed(parser, argv, DEFAULTS, QUICK)


def settings_described(args, cache_url: str | None) -> dict:
    load = wrk.Load(args.threads, args.connections, args.duration, args.warmup)
    return {
        "server": (
            f"gunicorn, config/gunicorn.conf.py with {args.workers} synchronous workers, not "
            "recycled (GUNICORN_MAX_REQUESTS=0), DJANGO_DEBUG=0, DJANGO_SECURE_SSL_REDIRECT=0 "
            "(plain HTTP on loopback), DJANGO_LOG_LEVEL=WARNING, access log to a file, API "
            "throttle raised"
        ),
        "workers": args.workers,
        "load": load.describe(),
        "threads": args.threads,
        "connections": args.connections,
        "duration_s": args.duration,
        "warmup_s": args.warmup,
        "runs": (
            "per database and scale, two server runs, each measuring the baseline first: "
            "'uncached' (DJANGO_PAGE_CACHE_SECONDS=0, every page and answer made again) for "
            "the pages and the API, and the baseline again at its end; then 'cached' (the "
            "default 600 s page cache, as deployed) for the baseline, the relationship page "
            "and the API list. A run's baseline is the mean of its baseline measures"
        ),
        "cache": (
            f"Redis ({cache_url}, flushed before each server run, shared by the workers)"
            if cache_url
            else "each worker's local memory, filled by the warm-up"
        ),
        "baseline_bytes": BASELINE_BYTES,
    }


def main(argv: list[str]) -> int:
    args = arguments(argv)
    wrk.require_wrk()
    cache_url = shared_cache()
    load = wrk.Load(args.threads, args.connections, args.duration, args.warmup)
    per_endpoint = args.warmup + args.duration + 1
    estimate = len(args.engines) * len(args.scales) * len(ENDPOINTS) * per_endpoint
    print(
        f"bench: {', '.join(args.engines)} at {', '.join(f'{s}×' for s in args.scales)}; "
        f"{load.describe()}; {args.workers} gunicorn workers; about {estimate / 60:.0f} min "
        "of load plus filling the databases",
        flush=True,
    )
    started, measured = time.monotonic(), revision()
    rows, data = [], {}
    try:
        collect_static()
        for engine in args.engines:
            for scale in args.scales:
                with databases.throwaway(engine) as database_url:
                    print(f"bench: {engine} {scale}×: filling the database…", flush=True)
                    env = server_environment(
                        database_url, 0, Path(tempfile.gettempdir()), UNCACHED, args.workers, None
                    )
                    filled = databases.fill(env, scale)
                    data.setdefault(engine, {})[str(scale)] = filled["counts"]
                    print(f"bench: {engine} {scale}×: {filled}", flush=True)
                    for run in (UNCACHED, CACHED):
                        for row in measure_run(
                            database_url, run, load, args.workers, cache_url, on_row=progress
                        ):
                            rows.append({"engine": engine, "scale": scale, **row})
    except (wrk.LoadError, ProbeError) as error:
        print(f"bench: FAILED: {error}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"bench: FAILED: {' '.join(error.cmd)}\n{error.stderr}", file=sys.stderr)
        return 1

    rows = report.with_ratios(rows)
    settings = settings_described(args, cache_url)
    written = results(args, settings, started, measured, data, rows, report.targets(rows))
    stem = f"{written['date']}-pages" + ("-quick" if args.quick else "")
    return published(written, args.output, stem, report)


def progress(row: dict) -> None:
    print(
        f"  {row['run']:>8} {row['path']:<42} {row['requests_per_s']:>8.1f} req/s  "
        f"p50 {row['p50_ms']:>7.1f} ms  p99 {row['p99_ms']:>7.1f} ms  "
        f"{row['queries']} queries  {row['bytes']:,} bytes",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
