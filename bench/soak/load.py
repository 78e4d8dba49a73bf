"""Anonymous readers: threads with keep-alive connections, cycling over public pages and the
API, counting every answer by status and by phase (steady, or inside a fault window)."""

import http.client
import itertools
import threading
import time
from collections import Counter

PATHS = [
    "/fr/",
    "/en/",
    "/fr/relations/nato-serbia/",
    "/en/relationships/nato-serbia/",
    "/fr/partenaires/serbia/",
    "/en/programmes/pfp/",
    "/fr/documents/nato-relations-serbia/",
    "/api/v1/partners/",
    "/api/v1/relationships/nato-serbia/",
    "/api/v1/participations/?partner=serbia&as_of=2010-01-01",
    "/api/v1/events/?page_size=100",
    "/api/v1/citations/?status=verified",
    "/sitemap.xml",
    "/healthz",
]


class Faults:
    """The fault windows (a killed worker, a database restart): whether one is under way, and
    whether one overlapped a request. A request counts as the fault's when its lifetime
    overlaps a window, not only when a window is open as the reader looks: a reader thread
    may notice its cut connection after the window has closed (the window of a killed worker
    lasts as long as its replacement takes to answer, which can be a few milliseconds)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._windows: list[list[float | None]] = []  # [opened, closed], perf_counter()

    def __enter__(self):
        with self._lock:
            self._windows.append([time.perf_counter(), None])

    def __exit__(self, *exc):
        with self._lock:
            [*_, last_open] = (window for window in self._windows if window[1] is None)
            last_open[1] = time.perf_counter()

    @property
    def active(self) -> bool:
        with self._lock:
            return any(closed is None for _, closed in self._windows)

    def overlapped(self, started: float, finished: float) -> bool:
        with self._lock:
            return any(
                opened <= finished and (closed is None or closed >= started)
                for opened, closed in self._windows
            )


class Readers:
    def __init__(self, host: str, port: int, clients: int, faults: Faults):
        self.host, self.port, self.clients, self.faults = host, port, clients, faults
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.statuses = {"steady": Counter(), "fault": Counter()}
        self.latencies: list[float] = []
        self.threads = [
            threading.Thread(target=self._read, args=(n,), daemon=True) for n in range(clients)
        ]

    def start(self):
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)

    def _read(self, offset: int):
        connection = None
        for path in itertools.islice(itertools.cycle(PATHS), offset, None):
            if self.stop.is_set():
                break
            started = time.perf_counter()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
                connection.request("GET", path, headers={"Accept-Language": "fr"})
                response = connection.getresponse()
                response.read()
                outcome = response.status
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as error:
                outcome = type(error).__name__
                connection = None
            finished = time.perf_counter()
            elapsed = finished - started
            phase = "fault" if self.faults.overlapped(started, finished) else "steady"
            with self.lock:
                self.statuses[phase][outcome] += 1
                self.latencies.append(elapsed)

    def summary(self) -> dict:
        latencies = sorted(self.latencies)

        def percentile(p):
            return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 1)

        def errors(counter):
            return sum(
                n
                for status, n in counter.items()
                if not (isinstance(status, int) and (200 <= status < 400 or status == 429))
            )

        return {
            "requests": len(latencies),
            "statuses": {
                phase: {str(status): n for status, n in sorted(counter.items(), key=str)}
                for phase, counter in self.statuses.items()
            },
            "errors_steady": errors(self.statuses["steady"]),
            "errors_during_faults": errors(self.statuses["fault"]),
            "throttled": sum(counter[429] for counter in self.statuses.values()),
            "latency_ms": {"p50": percentile(0.5), "p95": percentile(0.95), "p99": percentile(0.99)}
            if latencies
            else {},
        }
