"""The application as production runs it: migrate, seed, collectstatic, then gunicorn with
config/gunicorn.conf.py, on loopback."""

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def environment(database_url: str, port: int, workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=database_url,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Loopback, no TLS proxy in front: plain HTTP is the only way in.
        DJANGO_SECURE_SSL_REDIRECT="0",
        # The readers come from one address; throttling is measured elsewhere.
        DJANGO_API_ANON_RATE="1000000/minute",
        DJANGO_LOG_LEVEL="WARNING",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        GUNICORN_ACCESS_LOG=str(workdir / "access.log"),
        DJANGO_SUPERUSER_USERNAME="soak-curator",
        DJANGO_SUPERUSER_PASSWORD=secrets.token_urlsafe(16),
        DJANGO_SUPERUSER_EMAIL="curator@example.org",
        # A second person, in the Reviewer group: the four-eyes rule keeps the curator
        # from approving their own edits.
        SOAK_REVIEWER_USERNAME="soak-reviewer",
        SOAK_REVIEWER_PASSWORD=secrets.token_urlsafe(16),
    )
    return env


def manage(env: dict[str, str], *arguments: str) -> str:
    return python(env, "manage.py", *arguments)


def python(env: dict[str, str], *arguments: str) -> str:
    """This Python run with ``arguments`` in the project's folder; its standard output."""
    result = subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def prepare(env: dict[str, str]) -> None:
    manage(env, "migrate", "--noinput")
    manage(env, "load_seed")
    manage(env, "collectstatic", "--noinput")
    manage(env, "createsuperuser", "--noinput")
    subprocess.run(
        [sys.executable, "-m", "bench.soak.database", "reviewer", "-"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


class Gunicorn:
    def __init__(self, env: dict[str, str], workdir: Path):
        self.env = env
        self.pidfile = workdir / "gunicorn.pid"
        # Appended to: an instance started again (the cluster test) keeps its earlier log.
        self.log = open(workdir / "gunicorn.log", "a")  # noqa: SIM115 (closed in stop)
        self.process = None

    def start(self, base_url: str, timeout: float = 60) -> None:
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "config/gunicorn.conf.py", "--pid", str(self.pidfile)],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_until_healthy(base_url, timeout)

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def kill_one_worker(self) -> int:
        victim = self.workers()[0]
        os.kill(victim, signal.SIGKILL)
        return victim

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until_healthy(base_url: str, timeout: float) -> float:
    """Seconds until /healthz answers 200; SystemExit if it does not within ``timeout``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if healthy(base_url):
            return time.monotonic() - started
        time.sleep(0.05)
    raise SystemExit(f"{base_url}/healthz did not become healthy within {timeout} s")
