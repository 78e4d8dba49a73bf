"""The load client: Debian's ``wrk``, with the same threads, connections and duration for
every endpoint, and its summary read from the JSON line ``summary.lua`` prints."""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("summary.lua")
MARKER = "BENCH-SUMMARY "


class LoadError(Exception):
    """A run that answered something else than 200s (or could not connect)."""


@dataclass(frozen=True)
class Load:
    threads: int
    connections: int
    duration: float  # seconds measured
    warmup: float  # seconds run first and thrown away

    def command(
        self, url: str, seconds: float, script: Path = SCRIPT, arguments: tuple[str, ...] = ()
    ) -> list[str]:
        return [
            "wrk",
            f"-t{self.threads}",
            f"-c{self.connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
            *(("--", *arguments) if arguments else ()),
        ]

    def describe(self) -> str:
        return (
            f"wrk -t{self.threads} -c{self.connections}, {self.warmup:g} s of warm-up "
            f"then {self.duration:g} s measured per endpoint"
        )


@dataclass(frozen=True)
class Measure:
    requests: int
    seconds: float
    requests_per_s: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    mean_ms: float
    bytes_per_request: int


def require_wrk() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit(
            "The page benchmark needs wrk: install the Debian package 'wrk' "
            "(sudo apt-get install wrk), or run it through `make bench-pages`."
        )


def summary_of(output: str, url: str = "") -> dict:
    """The JSON line the script printed (``summary.lua``, or one that prints the same)."""
    lines = [line for line in output.splitlines() if line.startswith(MARKER)]
    if not lines:
        raise LoadError(f"{url}: no summary in wrk's output:\n{output}")
    return json.loads(lines[-1][len(MARKER) :])


def parse(output: str, url: str = "") -> Measure:
    """The measure in wrk's output; LoadError on any error or non-2xx/3xx answer."""
    summary = summary_of(output, url)
    errors = {kind: count for kind, count in summary["errors"].items() if count}
    if errors:
        details = ", ".join(f"{count} {kind}" for kind, count in errors.items())
        raise LoadError(f"{url}: errors under load ({details}; 'status' = non-2xx/3xx answers)")
    requests = summary["requests"]
    if not requests:
        raise LoadError(f"{url}: no request completed")
    seconds = summary["duration_us"] / 1e6
    latency = summary["latency_us"]
    return Measure(
        requests=requests,
        seconds=round(seconds, 3),
        requests_per_s=round(requests / seconds, 1),
        p50_ms=round(latency["p50"] / 1000, 2),
        p90_ms=round(latency["p90"] / 1000, 2),
        p99_ms=round(latency["p99"] / 1000, 2),
        mean_ms=round(latency["mean"] / 1000, 2),
        bytes_per_request=round(summary["bytes"] / requests),
    )


def run(load: Load, url: str, seconds: float) -> Measure:
    return parse(run_script(load, url, seconds), url)


def run_script(
    load: Load, url: str, seconds: float, script: Path = SCRIPT, arguments: tuple[str, ...] = ()
) -> str:
    """wrk's output, run with ``script`` given ``arguments``."""
    result = subprocess.run(
        load.command(url, seconds, script, arguments),
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    if result.returncode != 0:
        raise LoadError(f"{url}: wrk exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout
