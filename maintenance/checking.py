"""What a backup file must hold before any of its rows is loaded.

A file can be damaged or hand-edited in many ways: each is named here in one line
(``BackupError``), before the database is touched. What only the database can tell (a row
pointing to a row that is not there, a value a constraint refuses) is caught while loading
(``maintenance.backups``), inside the restore's transaction, which is then rolled back.
"""

from django.db.models import JSONField, Model

#: Longest part of a file's content quoted in an error.
QUOTED = 120


class BackupError(Exception):
    """A backup file that cannot be restored, or a restore that would lose data."""


def one_line(text) -> str:
    """``text`` on one line, cut if long (an error quotes values, and texts are long)."""
    text = " ".join(str(text).split())
    return text if len(text) <= 2 * QUOTED else text[: 2 * QUOTED - 1] + "…"


def _quoted(value) -> str:
    text = repr(value)
    return text if len(text) <= QUOTED else text[: QUOTED - 1] + "…"


def _kind(value) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number" if isinstance(value, int | float) else "?")


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_scalar(value) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _is_key(value) -> bool:
    """A primary key or a natural key (a list of plain values)."""
    if isinstance(value, list):
        return bool(value) and all(_is_scalar(part) and part is not None for part in value)
    return _is_scalar(value) and value is not None and not isinstance(value, bool)


def _member(parent: dict, key: str, expected: type, where: str):
    if key not in parent:
        raise BackupError(f"{where} has no {key!r}.")
    value = parent[key]
    if not isinstance(value, expected):
        wanted = "an object" if expected is dict else "a list"
        raise BackupError(f"{where}: {key!r} is {_kind(value)}, not {wanted}.")
    return value


def check_shape(document: dict, source) -> None:
    """The manifest and the rows are what a backup writes: objects and lists where they
    belong, every row with a model, a primary key and its fields."""
    manifest = _member(document, "manifest", dict, str(source))
    where = f"{source}, manifest"
    counts = _member(manifest, "counts", dict, where)
    for name, count in counts.items():
        if not _is_count(count):
            raise BackupError(f"{where}: the count of {name} is {_quoted(count)}, not a number.")
    hashes = _member(manifest, "version_hashes", dict, where)
    for pk, digest in hashes.items():
        if not isinstance(digest, str):
            raise BackupError(f"{where}: the hash of version {pk} is {_kind(digest)}.")
    for number, item in enumerate(_member(document, "objects", list, str(source)), 1):
        where = f"{source}, row {number}"
        if not isinstance(item, dict):
            raise BackupError(f"{where} is {_kind(item)}, not an object.")
        if not isinstance(item.get("model"), str):
            raise BackupError(f"{where} names no model.")
        if not _is_key(item.get("pk")) or isinstance(item["pk"], list):
            raise BackupError(f"{where} ({item['model']}) has no primary key.")
        _member(item, "fields", dict, f"{where} ({item['model']} {item['pk']})")


def check_permissions(item: dict, names: tuple[str, ...], source) -> None:
    """Permissions of a group or user are named ``[codename, app_label, model]``."""
    for name in names:
        keys = item["fields"].get(name, [])
        if not isinstance(keys, list) or not all(
            isinstance(key, list) and len(key) == 3 and all(isinstance(k, str) for k in key)
            for key in keys
        ):
            raise BackupError(
                f"{source}: {item['model']} {item['pk']}: {name!r} is not a list of "
                "[codename, app label, model]."
            )


def check_rows(objects: list, models: dict[str, type[Model]], source) -> None:
    """Every row of a model the backup holds, once, with fields of that model whose values
    have the right form (Django's deserializer reads the values themselves)."""
    seen = set()
    for item in objects:
        name, pk = item["model"], item["pk"]
        where = f"{source}: {name} {_quoted(pk)}"
        model = models.get(name)
        if model is None:
            raise BackupError(f"{source}: unknown model {name!r} (row {_quoted(pk)}).")
        if (name, str(pk)) in seen:
            raise BackupError(f"{where} is in the file twice (duplicate primary key).")
        seen.add((name, str(pk)))
        fields = {field.name: field for field in model._meta.fields + model._meta.many_to_many}
        for field_name, value in item["fields"].items():
            field = fields.get(field_name)
            if field is None:
                raise BackupError(f"{where}: {name} has no field {field_name!r}.")
            if not _fits(field, value):
                raise BackupError(
                    f"{where}: {field_name!r} is {_kind(value)} ({_quoted(value)}), "
                    "which that field cannot hold."
                )


def _fits(field, value) -> bool:
    if field.many_to_many:
        return isinstance(value, list) and all(_is_key(key) for key in value)
    if field.is_relation:
        return value is None or _is_key(value)
    return isinstance(field, JSONField) or _is_scalar(value)
