"""One database at one scale under the mixed load: its addresses listed, the server started
(bench/pages/'s cached setup, with ``bench.mixed.settings``), the baseline measured, the
readers and the curator run together, the baseline measured again, the writes checked."""

import json
import signal
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from bench.mixed import report
from bench.pages import wrk
from bench.pages.endpoints import BASELINE_PATH, CACHED
from bench.pages.runs import ProbeError, flush, probe, served, server_environment, tail
from bench.soak.cluster import free_port
from bench.soak.server import ROOT, python

SCRIPT = Path(__file__).with_name("mixed.lua")


class WriteError(Exception):
    """The curator's writes failed, or did not all commit."""


def module(env: dict[str, str], name: str, *arguments: str) -> str:
    """``python -m name arguments`` with production's settings on the database of ``env``."""
    return python({**env, "DJANGO_SETTINGS_MODULE": "config.settings"}, "-m", name, *arguments)


def list_paths(env: dict[str, str], path: Path) -> int:
    return int(module(env, "bench.mixed.paths", str(path)).split()[-1])


def draw(load: wrk.Load, port: int, paths: Path, seconds: float, exponent: float) -> dict:
    """wrk drawing the lines of ``paths`` from a Zipf distribution: its measure and what the
    answers said. Any non-200, or an answer without the instruments' headers, is an error."""
    url = f"http://127.0.0.1:{port}"
    output = wrk.run_script(load, url, seconds, SCRIPT, (str(paths), f"{exponent:g}", "23"))
    measure = wrk.parse(output, url)
    answers = wrk.summary_of(output, url)["answers"]
    if answers["not_ok"]:
        raise wrk.LoadError(f"{paths.name}: {answers['not_ok']} answers were not 200")
    if answers["without_queries"]:
        raise ProbeError(f"{answers['without_queries']} answers had no X-Queries header")
    return {"measure": asdict(measure), "answers": answers}


class Curator:
    """``bench.mixed.curator`` in its own process, on the server's database and cache."""

    def __init__(self, env: dict[str, str], workdir: Path, rate: float):
        self.env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings"}
        self.tally = workdir / "curator.json"
        self.log = workdir / "curator.log"
        self.rate = rate
        self.process = None

    def start(self) -> int:
        """Started, and its records listed: the number of records it will edit."""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.mixed.curator", str(self.tally)]
            + ["--rate", f"{self.rate:g}"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=self.log.open("w"),
            text=True,
        )
        line = self.process.stdout.readline()  # once it has listed its records
        if not line.startswith("curator:"):
            raise WriteError(f"the curator did not start: {tail(self.log)}")
        return int(line.split()[1])

    def stop(self) -> dict:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)
        if self.process.returncode != 0 or not self.tally.exists():
            raise WriteError(f"the curator exited {self.process.returncode}: {tail(self.log)}")
        return json.loads(self.tally.read_text())

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def checked_writes(env: dict[str, str], workdir: Path, tally: dict) -> dict:
    """The curator's tally, checked against the database: each record it edited carries
    its edit. A failed write or one that did not commit is a WriteError."""
    found_file = workdir / "found.json"
    module(env, "bench.mixed.curator", str(found_file), "--count")
    found = json.loads(found_file.read_text())
    edited = {kind: set(pks) for kind, pks in tally["edited"].items()}
    missing = {kind: sorted(pks - set(found.get(kind, []))) for kind, pks in edited.items()}
    missing = {kind: pks for kind, pks in missing.items() if pks}
    if tally["failed"] or missing:
        raise WriteError(f"{tally['failed']} writes failed; edited but not found: {missing}")
    times = sorted(tally["write_ms"]) or [0.0]
    return {
        "writes": tally["writes"],
        "failed": tally["failed"],
        "seconds": tally["seconds"],
        "records": tally["records"],
        "distinct": sum(len(pks) for pks in edited.values()),
        "committed": sum(len(pks & set(found.get(kind, []))) for kind, pks in edited.items()),
        "by_kind": {kind: len(pks) for kind, pks in tally["edited"].items()},
        "write_ms_p50": times[len(times) // 2],
        "write_ms_max": times[-1],
        "most_behind_s": round(tally["behind_s"], 3),
    }


def measure(
    engine: str, scale: int, database_url: str, workdir: Path, args, cache_url: str | None
) -> dict:
    port = free_port()
    env = server_environment(database_url, port, workdir, CACHED, args.workers, cache_url)
    paths = workdir / "paths.txt"
    count = list_paths(env, paths)
    baseline_paths = workdir / "baseline.txt"
    baseline_paths.write_text(BASELINE_PATH + "\n")
    first_path = paths.read_text().split("\n", 1)[0]
    load = wrk.Load(args.threads, args.connections, args.duration, args.warmup)
    flush(cache_url)
    # No curator at 0 writes a second: the readers alone, the cache's ceiling for comparison.
    curator = Curator(env, workdir, args.writes_per_second) if args.writes_per_second else None
    with served({**env, "DJANGO_SETTINGS_MODULE": "config.settings"}, workdir, port):
        probe(port, BASELINE_PATH, ("X-From-Cache",))
        probe(port, first_path, ("X-From-Cache",))
        baselines = [baseline(load, port, baseline_paths, args)]
        if curator:
            print(f"  curator editing {curator.start():,} records", flush=True)
        try:
            draw(load, port, paths, args.warmup, args.exponent)  # warm-up, thrown away
            mixed = draw(load, port, paths, args.duration, args.exponent)
            tally = curator.stop() if curator else None
        finally:
            if curator:
                curator.kill()
        baselines.append(baseline(load, port, baseline_paths, args))
    row = report.figures(engine, scale, baselines, mixed["measure"], mixed["answers"])
    writes = checked_writes(env, workdir, tally) if tally else None
    return {**row, "paths": count, "writes": writes}


def baseline(load: wrk.Load, port: int, paths: Path, args) -> dict:
    """The baseline, drawn by the same script as the mixed load (a list of one address), so
    that the client does the same work for each."""
    draw(load, port, paths, args.baseline_warmup, 1.0)
    return draw(load, port, paths, args.baseline_duration, 1.0)["measure"]
