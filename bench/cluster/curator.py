"""The soak test's curator (bench/soak/curator.py), through the balancer, noting which
instance answered each of its requests (HAProxy's X-Served-By), and plain anonymous GETs
that say the same."""

import http.client
from dataclasses import dataclass, field

from bench.cluster.load import phase_of
from bench.soak import curator as soak


@dataclass
class Curator(soak.Curator):
    served_by: str = ""  # the instance that answered the last request
    requests_by_instance: dict[str, int] = field(default_factory=dict)
    phases: object = None  # bench.cluster.load.Phases: each failure is noted with its phase
    faults: frozenset = frozenset()  # the phases that are faults (``phase_of``)
    in_flight: bool = False

    def request(self, method, path, body=b"", content_type=None, attempts=20) -> soak.Answer:
        """As the soak curator's, each failure logged with the phase of the run it happened
        in, and ``in_flight`` while it lasts."""
        self.in_flight = True
        try:
            return super().request(method, path, body, content_type, attempts)
        finally:
            self.in_flight = False

    def moment(self):
        return self.phases.current if self.phases else ""

    def circumstances(self, began) -> dict:
        """The phase a failed attempt belongs to: a request that began before a fault and
        failed in it (a POST cut by the instance's death) is the fault's."""
        if not self.phases:
            return {"phase": ""}
        return {"phase": phase_of(began, self.phases.current, self.faults)}

    def answered_by(self, response) -> None:
        self.served_by = response.getheader("X-Served-By", "")
        count = self.requests_by_instance.get(self.served_by, 0)
        self.requests_by_instance[self.served_by] = count + 1


@dataclass
class Reply:
    status: int | str  # the HTTP status, or the error's name
    served_by: str
    body: str


def get(port: int, path: str, timeout: float = 10) -> Reply:
    """One anonymous GET on a new connection (so HAProxy picks an instance afresh)."""
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        connection.request("GET", path, headers={"Accept-Language": "en"})
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        connection.close()
    except (OSError, http.client.HTTPException) as error:
        return Reply(type(error).__name__, "", "")
    return Reply(response.status, response.getheader("X-Served-By", ""), body)
