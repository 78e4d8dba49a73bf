"""What a file of the seed corpus (documents/seed/) may hold, and how its values read: the
keys each kind of record may have, ``{fr: …, en: …}`` pairs, dates at a precision. The
loader (``documents/seeding.py``) refuses anything else with a ``SeedError`` naming the file
and the record, and says what it did in a ``SeedReport``."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.utils.translation import gettext as _

from periods.dates import PreciseDate

DOCUMENTS_FILE = "documents.yaml"  # the source documents; every other file holds records

# libyaml's safe loader when PyYAML was built with it (ten times faster), else the same in Python.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SeedError(Exception):
    """The seed corpus is wrong; the message names the file and the record."""


@dataclass
class SeedReport:
    counts: dict[str, Counter] = field(default_factory=dict)

    def count(self, model, outcome: str):
        label = str(model._meta.verbose_name_plural)
        self.counts.setdefault(label, Counter())[outcome] += 1

    @property
    def changed(self) -> bool:
        return any(c["created"] or c["updated"] for c in self.counts.values())

    def total(self, model) -> int:
        return sum(self.counts.get(str(model._meta.verbose_name_plural), Counter()).values())

    def lines(self) -> list[str]:
        return [
            _("%(records)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged")
            % {"records": label, **{key: c[key] for key in ("created", "updated", "unchanged")}}
            for label, c in self.counts.items()
        ]


# The keys each kind of record may have (documents/seed/README.md); any other key is a
# mistake that would otherwise be silently ignored.
ALLOWED_KEYS = {
    "partners": {
        "slug",
        "kind",
        "name",
        "short_name",
        "acronym",
        "iso_code",
        "description",
        "status",
        "aliases",
        "citations",
    },
    "programmes": {
        "slug",
        "kind",
        "name",
        "acronym",
        "run_by",
        "parent",
        "start",
        "end",
        "description",
        "citations",
    },
    "relationships": {
        "slug",
        "subject",
        "counterpart",
        "title",
        "summary",
        "status",
        "start",
        "end",
        "citations",
    },
    "participations": {
        "partner",
        "programme",
        "role",
        "start",
        "end",
        "status",
        "note",
        "citations",
    },
    "events": {
        "slug",
        "relationship",
        "kind",
        "title",
        "description",
        "date",
        "end_date",
        "place",
        "partners",
        "programme",
        "figure",
        "citations",
    },
    "citations": {"quote", "document", "field", "prefix", "suffix", "note"},
}
FILE_KEYS = {"document", *ALLOWED_KEYS} - {"citations"}


def check_keys(name: str, data: dict):
    unknown = set(data) - FILE_KEYS
    if unknown:
        raise SeedError(f"{name}: unknown top-level key(s) {sorted(unknown)}")
    for kind in FILE_KEYS - {"document"}:
        for spec in data.get(kind) or []:
            label = spec.get("slug") or f"{spec.get('partner')} in {spec.get('programme')}"
            unknown = set(spec) - ALLOWED_KEYS[kind]
            if unknown:
                raise SeedError(f"{name}: {kind[:-1]} {label!r}: unknown key(s) {sorted(unknown)}")
            for citation in spec.get("citations") or []:
                unknown = set(citation) - ALLOWED_KEYS["citations"]
                if unknown:
                    raise SeedError(
                        f"{name}: {kind[:-1]} {label!r}: citation with unknown key(s) "
                        f"{sorted(unknown)}"
                    )


def translated(name: str, value) -> dict:
    """``{fr: …, en: …}`` → ``{name_fr: …, name_en: …}``; absent → empty strings."""
    value = value or {}
    if not isinstance(value, dict):
        raise ValueError(f"{name} must be a mapping {{fr: …, en: …}}, not {value!r}")
    return {f"{name}_fr": value.get("fr", "") or "", f"{name}_en": value.get("en", "") or ""}


def precise(date_field: str, precision_field: str, value) -> dict:
    if value in (None, ""):
        return {date_field: None, precision_field: ""}
    parsed = PreciseDate.parse(value)
    return {date_field: parsed.first_day, precision_field: parsed.precision}


def read_file(directory: Path, name: str) -> dict:
    try:
        return yaml.load((directory / name).read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except (OSError, yaml.YAMLError) as error:
        raise SeedError(f"{name}: cannot be read: {error}") from error


def record_files(directory: Path) -> list[tuple[str, dict]]:
    """Every file of records, read and checked, in the order of their names."""
    names = sorted(p.name for p in directory.glob("*.yaml") if p.name != DOCUMENTS_FILE)
    files = [(name, read_file(directory, name)) for name in names]
    for name, data in files:
        check_keys(name, data)
    return files
