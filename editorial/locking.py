"""Optimistic locking: no curator's save silently overwrites another's.

Every curated model inherits ``Versioned``: a ``lock_version`` column that every save moves on
by one, in the same UPDATE that writes the row. A save is *checked* when its writer says
which version it started from (the admin forms and actions do, ``expect_version`` and
``expecting``): the UPDATE is then conditional (``WHERE lock_version = seen``) and raises
``StaleRecord`` when another write came first, so nothing of it is written. Every other
writer (seed loader, import and re-anchoring, accepting a suggestion) only moves the
version on, retrying the UPDATE on the newest one, so the versions stay strictly
increasing and any form opened before that write is refused.

The admin side (hidden field, refusal with what changed) is ``editorial/locking_admin.py``;
the description of the changes, from the history, is ``editorial/conflicts.py``.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.utils.translation import gettext_lazy as _

VERSION = "lock_version"
# A writer that keeps losing the race on a row gives up rather than loop for ever.
MAX_ATTEMPTS = 20

# {(model label, pk): version} a checked save of that row must find (admin actions).
_expected_versions: ContextVar[dict | None] = ContextVar("expected_versions", default=None)


class StaleRecord(ValidationError):
    """The row was changed by someone else after ``seen``: nothing was written. A
    ValidationError, so that the loops that apply an action row by row report it for the
    row, like any other reason to refuse."""

    def __init__(self, record, seen: int):
        from editorial.conflicts import stale_messages

        self.record, self.seen = record, seen
        super().__init__(stale_messages(record, seen))


def _key(record) -> tuple[str, object]:
    return (record._meta.concrete_model._meta.label, record.pk)


def expect_version(record, version: int | None):
    """The next save of ``record`` (this instance) is checked: it must find the row at
    ``version`` (what the curator saw), or raise ``StaleRecord``."""
    record._version_seen = version


@contextmanager
def expecting(model, versions: dict):
    """Within the block, any save of the rows of ``model`` named in ``versions``
    (``{pk: version seen}``) is checked against that version."""
    label = model._meta.concrete_model._meta.label
    mapping = {**(_expected_versions.get() or {})}
    mapping.update({(label, pk): version for pk, version in versions.items()})
    token = _expected_versions.set(mapping)
    try:
        yield
    finally:
        _expected_versions.reset(token)


def _expected_version(record) -> int | None:
    mapping = _expected_versions.get()
    if mapping and _key(record) in mapping:
        return mapping[_key(record)]
    return getattr(record, "_version_seen", None)


def _expectation_met(record):
    """A checked save went through: the same writer may save the row again (a workflow
    step after the form), from the version it wrote."""
    record._version_seen = None
    mapping = _expected_versions.get()
    if mapping and _key(record) in mapping:
        mapping[_key(record)] = record.lock_version


class Versioned(models.Model):
    # Not ``version``: citations and suggestions have one already (a document version).
    lock_version = models.PositiveIntegerField(
        _("edit version"),
        default=0,
        editable=False,
        help_text=_("Moves on by one at every save; a form saved from an older one is refused."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        expected = _expected_version(self)
        before = self.lock_version
        start = before if expected is None else expected
        self._locking = (start, expected is not None)
        self.lock_version = start + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, VERSION}
        try:
            if expected is None:
                super().save(*args, **kwargs)
            else:
                # A refused save must leave the caller's transaction usable: the refusal
                # is reported and the next row goes on.
                with transaction.atomic(
                    using=kwargs.get("using") or router.db_for_write(type(self))
                ):
                    super().save(*args, **kwargs)
        except BaseException:
            self.lock_version = before  # nothing was written
            raise
        finally:
            del self._locking
        if expected is not None:
            _expectation_met(self)

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        locking = getattr(self, "_locking", None)
        if locking is None:  # a raw save (fixtures): written as it is
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        start, checked = locking
        for _attempt in range(MAX_ATTEMPTS):
            if super()._do_update(
                base_qs.filter(lock_version=start),
                using,
                pk_val,
                values,
                update_fields,
                forced_update,
            ):
                return True
            current = base_qs.filter(pk=pk_val).values_list(VERSION, flat=True).first()
            if current is None:
                return False  # no such row: Django inserts it
            if checked:
                raise StaleRecord(self, start)
            # Not checked: this writer wins, as before, but on top of the newest version.
            start, self.lock_version = current, current + 1
            values = [
                (field, model, self.lock_version if field.attname == VERSION else value)
                for field, model, value in values
            ]
        raise StaleRecord(self, start)
