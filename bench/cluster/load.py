"""Anonymous readers through the balancer (the soak test's public pages and API), counting
every answer by phase of the run (steady, replica down, instance down…) and by the instance
that served it, and knowing how many requests are in flight at any moment."""

import http.client
import itertools
import threading
import time
from collections import Counter

from bench.soak.load import PATHS


def failed(outcome) -> bool:
    """A failure is anything but a 2xx/3xx answer: an error status, a cut connection."""
    return not (isinstance(outcome, int) and 200 <= outcome < 400)


class Phases:
    """The run's current phase, and when each began."""

    def __init__(self, first: str = "steady"):
        self._lock = threading.Lock()
        self.current = first
        self.started = {first: time.monotonic()}
        self.order = [first]

    def enter(self, name: str) -> None:
        with self._lock:
            self.current = name
            self.started.setdefault(name, time.monotonic())
            if name not in self.order:
                self.order.append(name)


def phase_of(began_in: str, ended_in: str, faults) -> str:
    """The phase a request belongs to: a fault's when its lifetime overlaps the fault (it
    began before the fault and ended in it, or began in it and ended after), else the phase
    it ended in."""
    if began_in in faults and ended_in not in faults:
        return began_in
    return ended_in


class Readers:
    def __init__(self, port: int, clients: int, phases: Phases, faults: set[str]):
        self.port, self.phases, self.faults = port, phases, faults
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.outcomes: dict[str, Counter] = {}
        self.served_by: dict[str, Counter] = {}
        self.latencies: list[float] = []
        self.in_flight = 0
        self.threads = [
            threading.Thread(target=self._read, args=(n,), daemon=True) for n in range(clients)
        ]

    def start(self):
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=40)

    def _read(self, offset: int):
        connection = None
        for path in itertools.islice(itertools.cycle(PATHS), offset * 3, None):
            if self.stop.is_set():
                break
            began_in = self.phases.current
            with self.lock:
                self.in_flight += 1
            started = time.perf_counter()
            served_by = ""
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                connection.request("GET", path, headers={"Accept-Language": "fr"})
                response = connection.getresponse()
                response.read()
                outcome, served_by = response.status, response.getheader("X-Served-By", "")
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as error:
                outcome = type(error).__name__
                connection = None
            elapsed = time.perf_counter() - started
            phase = phase_of(began_in, self.phases.current, self.faults)
            with self.lock:
                self.in_flight -= 1
                self.outcomes.setdefault(phase, Counter())[outcome] += 1
                self.served_by.setdefault(phase, Counter())[served_by or "none"] += 1
                self.latencies.append(elapsed)

    def snapshot_in_flight(self) -> int:
        with self.lock:
            return self.in_flight

    def requests(self, phase: str) -> int:
        with self.lock:
            return sum(self.outcomes.get(phase, Counter()).values())

    def summary(self) -> dict:
        with self.lock:
            latencies = sorted(self.latencies)
            phases = {
                phase: {
                    "requests": sum(counter.values()),
                    "failed": sum(n for outcome, n in counter.items() if failed(outcome)),
                    "statuses": {str(k): n for k, n in sorted(counter.items(), key=str)},
                    "served_by": dict(sorted(self.served_by.get(phase, Counter()).items())),
                }
                for phase, counter in self.outcomes.items()
            }

        def percentile(p):
            return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 1)

        return {
            "requests": len(latencies),
            "failed": sum(phase["failed"] for phase in phases.values()),
            "phases": phases,
            "latency_ms": {"p50": percentile(0.5), "p95": percentile(0.95), "p99": percentile(0.99)}
            if latencies
            else {},
        }
