"""HAProxy with the repository's configuration (deploy/haproxy.cfg), addresses given through
the environment, and its runtime API (a Unix socket) for the servers' state and counters."""

import csv
import io
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "haproxy.cfg"
BACKEND = "liaison_app"


def binary() -> str | None:
    """Debian keeps haproxy in /usr/sbin, which is not on every user's PATH."""
    return shutil.which("haproxy") or (
        "/usr/sbin/haproxy" if os.access("/usr/sbin/haproxy", os.X_OK) else None
    )


def environment(
    listen: str, instances: dict[str, str], socket_path: Path, workers: int
) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LIAISON_LISTEN": listen,
        "LIAISON_APP_MAXCONN": str(workers),
        "LIAISON_HEALTH_HOST": "127.0.0.1",
        "LIAISON_HAPROXY_SOCKET": str(socket_path),
    }
    for number, address in enumerate(instances.values(), start=1):
        env[f"LIAISON_APP_{number}"] = address
    return env


class HAProxy:
    def __init__(self, directory: Path, port: int, instances: dict[str, str], workers: int):
        self.directory, self.port = directory, port
        self.socket = directory / "haproxy.sock"
        self.env = environment(f"127.0.0.1:{port}", instances, self.socket, workers)
        self.process = None

    def start(self, timeout: float = 30) -> None:
        executable = binary()
        if executable is None:
            raise SystemExit("HAProxy not found: `make haproxy` installs Debian's package")
        self.directory.mkdir(parents=True, exist_ok=True)
        check = subprocess.run(
            [executable, "-c", "-q", "-f", str(CONFIG)],
            env=self.env,
            capture_output=True,
            text=True,
        )
        if check.returncode:
            raise RuntimeError(f"deploy/haproxy.cfg refused: {check.stdout}{check.stderr}")
        with open(self.directory / "haproxy.log", "w") as log:
            self.process = subprocess.Popen(
                [executable, "-f", str(CONFIG), "-db"],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                # Not in the terminal's process group: Ctrl-C reaches the cluster's owner,
                # which stops everything in order.
                start_new_session=True,
            )
        started = time.monotonic()
        while not self.socket.exists():
            if self.process.poll() is not None or time.monotonic() - started > timeout:
                raise RuntimeError(f"HAProxy did not start; see {self.directory / 'haproxy.log'}")
            time.sleep(0.05)

    def command(self, line: str) -> str:
        with socket.socket(socket.AF_UNIX) as client:
            client.settimeout(5)
            client.connect(str(self.socket))
            client.sendall(line.encode() + b"\n")
            chunks = []
            while chunk := client.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def servers(self) -> dict[str, dict]:
        """Each server's state and counters, from `show stat`."""
        return parse_stat(self.command("show stat"))

    def wait_until(self, name: str, status: str, timeout: float = 30) -> float:
        """Seconds until HAProxy's health checks say ``status`` (UP, DOWN) for ``name``."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.servers().get(name, {}).get("status", "").startswith(status):
                return time.monotonic() - started
            time.sleep(0.1)
        raise TimeoutError(f"HAProxy did not see {name} {status} within {timeout} s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


STAT_FIELDS = {
    "status": str,
    "stot": int,  # sessions (requests, one connection each with gunicorn's sync workers)
    "econ": int,  # connection errors
    "eresp": int,  # response errors (the server cut the connection)
    "wretr": int,  # retries
    "wredis": int,  # redispatches to another server
    "chkfail": int,  # failed health checks
    "chkdown": int,  # UP → DOWN transitions
    "downtime": int,  # seconds DOWN
    "hrsp_5xx": int,
}


def parse_stat(text: str) -> dict[str, dict]:
    """`show stat` CSV → {server name: {field: value}} for the application's backend."""
    reader = csv.DictReader(io.StringIO(text.lstrip("# ")))
    servers = {}
    for row in reader:
        if row.get("pxname") != BACKEND or row.get("svname") in (None, "FRONTEND"):
            continue
        servers[row["svname"]] = {
            key: (kind(row[key]) if row.get(key) not in (None, "") else kind())
            for key, kind in STAT_FIELDS.items()
        }
    return servers
