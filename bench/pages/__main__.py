"""`python -m bench.pages [options]` — see bench/pages/__init__.py."""

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import django

from bench.pages import databases, report, wrk
from bench.pages.endpoints import CACHED, ENDPOINTS, UNCACHED
from bench.pages.runs import ProbeError, measure_run, server_environment
from bench.soak.server import ROOT, environment, manage
from web.benchmark import BASELINE_BYTES

DEFAULTS = {
    "engines": "sqlite,postgresql",
    "scales": "1,10,100",
    # About 10 minutes on a 2-core machine, so that `make bench` (search too) takes 15.
    "duration": 5.0,
    "warmup": 1.0,
}
QUICK = {"engines": "sqlite", "scales": "1", "duration": 2.0, "warmup": 1.0}
CACHE_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__)
    parser.add_argument("--engines", help=f"comma-separated, default {DEFAULTS['engines']}")
    parser.add_argument("--scales", help=f"× the seed corpus, default {DEFAULTS['scales']}")
    parser.add_argument("--duration", type=float, help="seconds measured per endpoint (5)")
    parser.add_argument("--warmup", type=float, help="seconds of warm-up per endpoint (1)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument(
        "--quick", action="store_true", help="SQLite, seed only, 2 s per endpoint: a smoke run"
    )
    args = parser.parse_args(argv)
    for name, default in (QUICK if args.quick else DEFAULTS).items():
        if getattr(args, name) is None:
            setattr(args, name, default)
    args.engines = [engine.strip() for engine in args.engines.split(",") if engine.strip()]
    unknown = set(args.engines) - set(databases.ENGINES)
    if unknown:
        parser.error(f"unknown engine(s) {', '.join(sorted(unknown))}")
    args.scales = sorted({int(scale) for scale in args.scales.split(",") if scale.strip()})
    if not args.scales or args.scales[0] < 1:
        parser.error("scales are whole multiples of the seed corpus, 1 or more")
    return args


def shared_cache() -> str | None:
    """Redis when it answers (every worker shares one page cache, as in production)."""
    try:
        import redis

        redis.Redis.from_url(CACHE_URL, socket_connect_timeout=2).ping()
    except Exception as error:  # any failure: fall back to each worker's memory
        print(f"bench: Redis at {CACHE_URL} does not answer ({error}); using each worker's "
              "local memory, filled by the warm-up", file=sys.stderr)  # fmt: skip
        return None
    return CACHE_URL


def machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout
    return (
        f"{os.cpu_count()} CPUs ({model or platform.machine()}), {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, Django "
        f"{django.get_version()}, {wrk_version.split(' [')[0].strip() or 'wrk'}"
    )


def revision() -> str:
    """The commit measured, and whether the work tree differed from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    if not commit:
        return "unknown"
    return f"{commit} with uncommitted changes" if changed else commit


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
        # Hashed static files for the pages' {% static %}, as `make serve` does.
        manage(
            environment("sqlite://", 0, Path(tempfile.gettempdir())), "collectstatic", "--noinput"
        )
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
    results = {
        "date": date.today().isoformat(),
        "machine": machine(),
        "revision": measured,
        "settings": settings_described(args, cache_url),
        "engines": args.engines,
        "scales": args.scales,
        "elapsed_s": round(time.monotonic() - started),
        "data": data,
        "rows": rows,
        "targets": report.targets(rows),
    }
    stem = f"{results['date']}-pages" + ("-quick" if args.quick else "")
    paths = report.write(results, args.output, stem)
    print(report.markdown(results))
    print("bench: written " + ", ".join(os.path.relpath(path, ROOT) for path in paths))
    missed = [check for check in results["targets"] if check["met"] is False]
    if missed:
        print(f"bench: {len(missed)} budget(s) not met (a measure, not a failure)")
    return 0


def progress(row: dict) -> None:
    print(
        f"  {row['run']:>8} {row['path']:<42} {row['requests_per_s']:>8.1f} req/s  "
        f"p50 {row['p50_ms']:>7.1f} ms  p99 {row['p99_ms']:>7.1f} ms  "
        f"{row['queries']} queries  {row['bytes']:,} bytes",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
