"""One server run: gunicorn started with the benchmark settings, each endpoint of the run
probed (status 200, ``X-Queries``) and loaded with wrk, the server stopped."""

import http.client
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from bench.pages import wrk
from bench.pages.endpoints import UNCACHED, Endpoint, of_run
from bench.soak.cluster import free_port
from bench.soak.server import Gunicorn, environment


class ProbeError(Exception):
    pass


def server_environment(
    database_url: str, port: int, workdir: Path, run: str, workers: int, cache_url: str | None
) -> dict[str, str]:
    """Production settings (bench/soak/server.py: debug off, a strong key, plain HTTP on
    loopback, API throttle out of the way), the benchmark instruments, and the page cache
    off for the uncached run. Workers are not recycled: at the baseline's rate, replacing
    one every 2,000 requests would charge its start-up to the fastest endpoints alone."""
    env = environment(database_url, port, workdir)
    for name in list(env):  # nothing from the caller's environment: no replicas, no cache
        if name.startswith(("DATABASE_", "LIAISON_", "REDIS_")) and name != "DATABASE_URL":
            del env[name]
    env.update(LIAISON_BENCHMARK="1", GUNICORN_WORKERS=str(workers), GUNICORN_MAX_REQUESTS="0")
    if run == UNCACHED:
        env["DJANGO_PAGE_CACHE_SECONDS"] = "0"
    if cache_url:
        env["REDIS_URL"] = cache_url
    return env


def probe(port: int, path: str, required_headers: tuple[str, ...] = ()) -> dict:
    """One GET, redirects not followed: its status must be 200, and it must carry
    ``X-Queries`` and every one of ``required_headers``."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise ProbeError(f"GET {path} answered {response.status}: {body[:300]!r}")
    queries = response.getheader("X-Queries")
    if queries is None:
        raise ProbeError(f"GET {path} has no X-Queries header: is LIAISON_BENCHMARK set?")
    for header in required_headers:
        if response.getheader(header) is None:
            raise ProbeError(f"GET {path} has no {header} header: is the server's setup right?")
    return {"status": response.status, "queries": int(queries), "bytes": len(body)}


def flush(cache_url: str | None) -> None:
    if cache_url:
        import redis

        redis.Redis.from_url(cache_url).flushdb()


def measure_run(
    database_url: str,
    run: str,
    load: wrk.Load,
    workers: int,
    cache_url: str | None,
    on_row=print,
) -> list[dict]:
    """The rows of one server run, the baseline first."""
    port = free_port()
    rows = []
    with tempfile.TemporaryDirectory(prefix="liaison-bench-server-") as directory:
        workdir = Path(directory)
        env = server_environment(database_url, port, workdir, run, workers, cache_url)
        flush(cache_url)
        with served(env, workdir, port):
            for endpoint in of_run(run):
                row = measure_endpoint(endpoint, port, load)
                rows.append(row)
                on_row(row)
    return rows


@contextmanager
def served(env: dict[str, str], workdir: Path, port: int):
    """gunicorn serving on ``port`` while the block runs, stopped after it; if anything
    fails (its start too), the last lines of its log are printed."""
    server = Gunicorn(env, workdir)
    try:
        server.start(f"http://127.0.0.1:{port}")
        yield server
    except BaseException:  # a failed start (SystemExit) too: say what gunicorn said
        log = workdir / "gunicorn.log"
        if log.exists():
            print(f"gunicorn's log (last lines):\n{tail(log)}", file=sys.stderr)
        raise
    finally:
        server.stop()


def measure_endpoint(endpoint: Endpoint, port: int, load: wrk.Load) -> dict:
    probe(port, endpoint.path)  # 200, and it fills the page cache of a cached run
    url = f"http://127.0.0.1:{port}{endpoint.path}"
    if load.warmup > 0:
        wrk.run(load, url, load.warmup)
    # Counted after the warm-up: what a request costs once the caches are as under load.
    probed = probe(port, endpoint.path)
    measured = wrk.run(load, url, load.duration)
    return {
        "endpoint": endpoint.key,
        "run": endpoint.run,
        "path": endpoint.path,
        **probed,
    } | asdict(measured)


def tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
