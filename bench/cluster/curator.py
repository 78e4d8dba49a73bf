"""The soak test's curator (bench/soak/curator.py), through the balancer, noting which
instance answered each of its requests (HAProxy's X-Served-By), and plain anonymous GETs
that say the same."""

import http.client
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from bench.soak import curator as soak


@dataclass
class Curator(soak.Curator):
    served_by: str = ""  # the instance that answered the last request
    requests_by_instance: dict[str, int] = field(default_factory=dict)
    phases: object = None  # bench.cluster.load.Phases: each failure is noted with its phase
    in_flight: bool = False

    def request(self, method, path, body=b"", content_type=None, attempts=20) -> soak.Answer:
        """As the soak curator's: a refused connection or a 5xx (a fault under way) is tried
        again, as a curator would press the button again. Each failure is logged with the
        phase of the run it happened in."""
        self.in_flight = True
        try:
            return self._request(method, path, body, content_type, attempts)
        finally:
            self.in_flight = False

    def _request(self, method, path, body, content_type, attempts) -> soak.Answer:
        for attempt in range(attempts):
            began_in = self.phases.current if self.phases else ""
            headers = {"Accept-Language": "en", "Cookie": self._cookie_header()}
            if content_type:
                headers["Content-Type"] = content_type
            try:
                connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                for header in response.headers.get_all("Set-Cookie") or []:
                    for name, morsel in SimpleCookie(header).items():
                        self.cookies[name] = morsel.value
                connection.close()
            except (OSError, http.client.HTTPException) as error:
                self.log.append(
                    {
                        "path": path,
                        "phase": began_in,
                        "retry": attempt,
                        "error": type(error).__name__,
                    }
                )
            else:
                self.served_by = response.getheader("X-Served-By", "")
                count = self.requests_by_instance.get(self.served_by, 0)
                self.requests_by_instance[self.served_by] = count + 1
                if response.status < 500:
                    return soak.Answer(response.status, response.getheader("Location", ""), text)
                self.log.append(
                    {"path": path, "phase": began_in, "retry": attempt, "status": response.status}
                )
            time.sleep(0.25)
        raise RuntimeError(f"{method} {path} failed {attempts} times")


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
