"""A throw-away database per engine and scale, filled as production would be: migrate,
the seed corpus, then synthetic records (``generate_synthetic``) up to the scale.

Scale N means N times the seed corpus: 1 is the seed alone, N > 1 the seed plus
``generate_synthetic --scale N-1``.
"""

import json
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from bench.search import SERVER, administer
from bench.soak.server import manage

ENGINES = ("sqlite", "postgresql")
POSTGRESQL_DATABASE = "liaison_bench_pages"

COUNTS_SCRIPT = """
import json
from documents.claims import claim_models
from documents.models import Citation, SourceDocument
models = [*claim_models(), SourceDocument, Citation]
print(json.dumps({m.__name__: m.objects.count() for m in models}))
"""


@contextmanager
def throwaway(engine: str):
    """A URL for DATABASE_URL naming an empty database, removed afterwards whatever happens."""
    if engine == "sqlite":
        with tempfile.TemporaryDirectory(prefix="liaison-bench-") as directory:
            yield f"sqlite:///{Path(directory) / 'bench.sqlite3'}"
        return
    if engine != "postgresql":
        raise ValueError(f"unknown engine {engine!r}: choose among {', '.join(ENGINES)}")
    administer(f'DROP DATABASE IF EXISTS "{POSTGRESQL_DATABASE}" WITH (FORCE)')
    administer(f'CREATE DATABASE "{POSTGRESQL_DATABASE}"')
    try:
        yield SERVER.rsplit("/", 1)[0] + f"/{POSTGRESQL_DATABASE}"
    finally:
        administer(f'DROP DATABASE IF EXISTS "{POSTGRESQL_DATABASE}" WITH (FORCE)')


def fill(env: dict[str, str], scale: int) -> dict:
    """Migrate and load ``scale`` times the seed corpus; seconds taken and rows counted."""
    timings = {}
    started = time.monotonic()
    manage(env, "migrate", "--noinput")
    timings["migrate_s"] = round(time.monotonic() - started, 1)
    started = time.monotonic()
    manage(env, "load_seed")
    timings["seed_s"] = round(time.monotonic() - started, 1)
    if scale > 1:
        started = time.monotonic()
        manage(env, "generate_synthetic", "--scale", str(scale - 1))
        timings["synthetic_s"] = round(time.monotonic() - started, 1)
    output = manage(env, "shell", "--verbosity", "0", "--command", COUNTS_SCRIPT)
    counts = json.loads(output.strip().splitlines()[-1])
    return {"timings": timings, "counts": counts}
