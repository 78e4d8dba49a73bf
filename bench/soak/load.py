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
    """Whether a fault (a killed worker, a database restart) is under way right now."""

    def __init__(self):
        self._lock = threading.Lock()
        self._active = 0

    def __enter__(self):
        with self._lock:
            self._active += 1

    def __exit__(self, *exc):
        with self._lock:
            self._active -= 1

    @property
    def active(self) -> bool:
        return self._active > 0


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
            phase = "fault" if self.faults.active else "steady"
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
            elapsed = time.perf_counter() - started
            if self.faults.active:
                phase = "fault"
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
