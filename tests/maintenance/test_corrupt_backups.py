"""A damaged or hand-edited backup is refused in one line naming what is wrong, and the
database is left as it was, even when `--replace` had already deleted its content."""

import copy
import gzip
import json
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections

from maintenance.management.commands.restore import Command
from tests.maintenance.conftest import content


@pytest.fixture(scope="module")
def seed_file(seed_backup):
    path, _ = seed_backup
    return path.read_bytes()


def first(document, model):
    return next(item for item in document["objects"] if item["model"] == model)


def edit(change):
    """A change to the backup's JSON document (``change`` edits it in place)."""

    def apply(raw: bytes) -> bytes:
        document = json.loads(gzip.decompress(raw))
        change(document)
        return gzip.compress(json.dumps(document).encode())

    return apply


def duplicate(model):
    def change(document):
        document["objects"].append(copy.deepcopy(first(document, model)))

    return change


def set_field(model, name, value):
    def change(document):
        first(document, model)["fields"][name] = value

    return change


def cut(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def damaged(raw: bytes) -> bytes:
    middle = len(raw) // 2
    return raw[:middle] + bytes(b ^ 0xFF for b in raw[middle : middle + 64]) + raw[middle + 64 :]


CORRUPTIONS = {
    "truncated gzip": (cut, "not a gzip-compressed JSON backup"),
    "damaged gzip": (damaged, "not a gzip-compressed JSON backup"),
    "not gzip": (lambda raw: b"PK\x03\x04 a zip archive", "not a gzip-compressed JSON backup"),
    "invalid JSON": (
        lambda raw: gzip.compress(b'{"format": "liaison-backup", "objects": ['),
        "not a gzip-compressed JSON backup",
    ),
    "not UTF-8": (lambda raw: gzip.compress(b'{"\xff": 1}'), "not a gzip-compressed JSON"),
    "a list instead of an object": (
        lambda raw: gzip.compress(json.dumps([1, 2]).encode()),
        "not a Liaison backup",
    ),
    "no manifest": (edit(lambda d: d.pop("manifest")), "has no 'manifest'"),
    "no rows": (edit(lambda d: d.pop("objects")), "has no 'objects'"),
    "no counts": (edit(lambda d: d["manifest"].pop("counts")), "has no 'counts'"),
    "rows in an object": (
        edit(lambda d: d.update(objects={"a": 1})),
        "'objects' is an object, not a list",
    ),
    "counts in a list": (
        edit(lambda d: d["manifest"].update(counts=[])),
        "'counts' is a list, not an object",
    ),
    "a count that is no number": (
        edit(lambda d: d["manifest"]["counts"].update({"partners.partner": "many"})),
        "the count of partners.partner is 'many'",
    ),
    "a row that is a list": (edit(lambda d: d["objects"].insert(0, [])), "row 1 is a list"),
    "a row naming no model": (
        edit(lambda d: first(d, "partners.partner").pop("model")),
        "names no model",
    ),
    "a row with no primary key": (
        edit(lambda d: first(d, "partners.partner").pop("pk")),
        r"\(partners.partner\) has no primary key",
    ),
    "a row with no fields": (
        edit(lambda d: first(d, "partners.partner").pop("fields")),
        "has no 'fields'",
    ),
    "fields in a string": (
        edit(lambda d: first(d, "partners.partner").update(fields="slug=serbia")),
        "'fields' is a string, not an object",
    ),
    "permissions in a string": (
        edit(set_field("auth.group", "permissions", "all")),
        r"auth.group \d+: 'permissions' is not a list of \[codename",
    ),
    "a field that does not exist": (
        edit(set_field("partners.partner", "colour", "blue")),
        "partners.partner has no field 'colour'",
    ),
    "a text field holding an object": (
        edit(set_field("documents.citation", "quote", {"text": "…"})),
        "'quote' is an object",
    ),
    "a number field holding a word": (
        edit(set_field("documents.documentversion", "number", "first")),
        "a record cannot be read",
    ),
    "a required field empty": (
        edit(set_field("partners.partner", "slug", None)),
        r"partners.partner \d+ cannot be saved",
    ),
    "a row pointing to nothing": (
        edit(set_field("documents.citation", "version", 999_999)),
        "points to one that is neither in the backup nor in the database",
    ),
    "a permission that does not exist": (
        edit(set_field("auth.group", "permissions", [["fly", "partners", "partner"]])),
        "a record cannot be read",
    ),
    "a duplicate primary key": (
        edit(duplicate("partners.partner")),
        r"partners.partner \d+ is in the file twice \(duplicate primary key\)",
    ),
    "an unknown model": (
        edit(lambda d: first(d, "partners.partner").update(model="partners.galaxy")),
        "unknown model 'partners.galaxy'",
    ),
    "a model that is not backed up": (
        edit(lambda d: first(d, "partners.partner").update(model="sessions.session")),
        "unknown model 'sessions.session'",
    ),
    "a newer format": (edit(lambda d: d.update(version=2)), "written by a newer Liaison"),
    "a format that is no number": (
        edit(lambda d: d.update(version="1")),
        "is a backup of format '1'",
    ),
}


@pytest.mark.parametrize("corrupt, expected", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupt_backup_is_refused_in_one_line_and_nothing_changes(
    seeded, seed_file, tmp_path, capsys, monkeypatch, corrupt, expected
):
    path = tmp_path / "corrupt.json.gz"
    path.write_bytes(corrupt(seed_file))
    before = content()
    # As `manage.py restore --replace` runs it, but the test's connection stays open.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with pytest.raises(SystemExit) as exit:
        Command().run_from_argv(["manage.py", "restore", str(path), "--replace"])
    assert exit.value.code != 0
    error = capsys.readouterr().err
    assert error.startswith("CommandError: ") and error.count("\n") == 1
    assert "Traceback" not in error
    assert str(path) in error
    assert re.search(expected, error), error
    assert content() == before


def test_the_unchanged_backup_restores(seeded, seed_file, tmp_path):
    """The edits above break a file that restores as it is."""
    path = tmp_path / "intact.json.gz"
    path.write_bytes(seed_file)
    before = content()
    call_command("restore", str(path), replace=True, verbosity=0)
    assert content() == before


def test_manage_py_reports_a_corrupt_backup_without_a_traceback(tmp_path):
    path = tmp_path / "cut.json.gz"
    path.write_bytes(gzip.compress(b'{"format": "liaison-backup"}')[:-6])
    finished = subprocess.run(
        [sys.executable, "manage.py", "restore", str(path)],
        cwd=settings.BASE_DIR,
        env={"DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 1
    assert finished.stderr.startswith("CommandError: ")
    assert "not a gzip-compressed JSON backup" in finished.stderr
    assert finished.stderr.count("\n") == 1 and "Traceback" not in finished.stderr
