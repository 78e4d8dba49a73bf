"""``make bench`` for search: the search benchmark on a throw-away PostgreSQL database.

Creates ``liaison_bench_search`` on the server of ``BENCH_DATABASE_URL`` (by default the
local one, as user postgres), migrates it, runs ``manage.py bench_search`` with the given
arguments (100,000 documents and 200 queries by default), and drops the database, whatever
happens. Usage::

    python -m bench.search [--documents N] [--queries N] [--rounds N]
"""

import os
import subprocess
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "liaison_bench_search"
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def administer(statement: str) -> None:
    with psycopg.connect(SERVER, autocommit=True) as connection:
        connection.execute(statement)


def manage(*arguments: str, database_url: str) -> None:
    environment = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    command = [sys.executable, "manage.py", *arguments]
    subprocess.run(command, cwd=ROOT, env=environment, check=True)


def main(arguments: list[str]) -> int:
    database_url = SERVER.rsplit("/", 1)[0] + f"/{DATABASE}"
    administer(f'DROP DATABASE IF EXISTS "{DATABASE}"')
    administer(f'CREATE DATABASE "{DATABASE}"')
    try:
        manage("migrate", "--noinput", "--verbosity", "0", database_url=database_url)
        manage("bench_search", *arguments, database_url=database_url)
    except subprocess.CalledProcessError as error:
        return error.returncode
    finally:
        administer(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
