"""What the page benchmarks share around their measures (bench/pages/, bench/mixed/): the
databases and scales asked for, the machine and the code measured, the shared cache, and
the results written and printed."""

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

from bench.pages import databases
from bench.soak.server import ROOT, environment, manage

CACHE_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")


def option_parser(prog: str, description: str, defaults: dict, quick: str):
    """A parser with the options every page benchmark takes; each adds its own."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--engines", help=f"comma-separated, default {defaults['engines']}")
    parser.add_argument("--scales", help=f"× the seed corpus, default {defaults['scales']}")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--quick", action="store_true", help=quick)
    return parser


def parsed(parser, argv: list[str], defaults: dict, quick: dict) -> argparse.Namespace:
    """The options, each one not given taken from ``quick`` (with --quick) or ``defaults``."""
    args = parser.parse_args(argv)
    for name, default in (quick if args.quick else defaults).items():
        if getattr(args, name) is None:
            setattr(args, name, default)
    engines_and_scales(parser, args)
    return args


def engines_and_scales(parser, args) -> None:
    """``args.engines`` and ``args.scales`` from their comma-separated options, checked."""
    args.engines = [engine.strip() for engine in args.engines.split(",") if engine.strip()]
    unknown = set(args.engines) - set(databases.ENGINES)
    if unknown:
        parser.error(f"unknown engine(s) {', '.join(sorted(unknown))}")
    args.scales = sorted({int(scale) for scale in args.scales.split(",") if scale.strip()})
    if not args.scales or args.scales[0] < 1:
        parser.error("scales are whole multiples of the seed corpus, 1 or more")


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


def collect_static() -> None:
    """Hashed static files for the pages' {% static %}, as `make serve` does."""
    manage(environment("sqlite://", 0, Path(tempfile.gettempdir())), "collectstatic", "--noinput")


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


def results(args, settings: dict, started: float, measured: str, data, rows, targets) -> dict:
    """What a run writes: ``started`` is its time.monotonic(), ``measured`` its revision."""
    return {
        "date": date.today().isoformat(),
        "machine": machine(),
        "revision": measured,
        "settings": settings,
        "engines": args.engines,
        "scales": args.scales,
        "elapsed_s": round(time.monotonic() - started),
        "data": data,
        "rows": rows,
        "targets": targets,
    }


def published(results: dict, output: Path, stem: str, report) -> int:
    """The results written by ``report`` (a module with ``write`` and ``markdown``) and
    printed; 0, the exit status of a run whose budgets are measures, not tests."""
    paths = report.write(results, output, stem)
    print(report.markdown(results))
    print("bench: written " + ", ".join(os.path.relpath(path, ROOT) for path in paths))
    missed = [check for check in results["targets"] if check["met"] is False]
    if missed:
        print(f"bench: {len(missed)} budget(s) not met (a measure, not a failure)")
    return 0
