"""The soak test's PostgreSQL: a server of our own (``bench.cluster.postgres.Server``) in a
temporary directory, on its own port, holding the application's database. The machine's own
server is never touched.
"""

import shutil
import socket
import tempfile
from pathlib import Path

from bench.cluster.postgres import DATABASE, Server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster(Server):
    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="liaison-soak-pg-"))
        self.root.chmod(0o711)  # the postgres user goes through it to the server's directory
        super().__init__(self.root / "server", free_port(), "soak")

    @property
    def database_url(self) -> str:
        return self.url(DATABASE)

    def start(self) -> float:
        """A new server, started, with the application's (empty) database."""
        self._initdb()
        took = super().start()
        self.query(f"CREATE DATABASE {DATABASE}")
        return took

    def stop(self) -> None:
        self.stop_quietly()
        shutil.rmtree(self.root, ignore_errors=True)
