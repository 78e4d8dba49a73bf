"""What changed in a record since a curator saw one of its versions, field by field, from
its history (django-simple-history records the version with every change): who changed
each field and when, the value the curator saw and the value now. Used to explain why a
save or an action was refused (``editorial/locking.py``)."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

# Moved on by every save: not news to anyone.
UNTOLD = {"id", "lock_version", "changed_at"}
LONGEST_VALUE = 120


@dataclass
class FieldChange:
    label: str
    seen: str
    now: str
    by: str | None  # None: the history does not say
    at: object


def _shown(record, field) -> str:
    value = getattr(record, field.attname)
    if value is None or value == "":
        return "—"
    if field.is_relation:
        try:
            value = getattr(record, field.name)
        except ObjectDoesNotExist:
            pass
    elif field.choices:
        value = dict(field.flatchoices).get(value, value)
    elif isinstance(value, bool):
        value = _("yes") if value else _("no")
    elif hasattr(value, "tzinfo") and hasattr(value, "hour"):
        value = formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    text = str(value)
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


def _author(historical) -> str:
    user = historical.history_user
    return user.get_username() if user is not None else _("an import or a script")


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def changes_since(record, seen: int):
    """``(changes, latest)``: the fields whose value now differs from version ``seen``,
    and the last historical record; ``(None, latest)`` when the history does not hold
    version ``seen`` (a model without history, or a write that bypassed it)."""
    model = record._meta.concrete_model
    history = getattr(model, "history", None)
    if history is None:
        return None, None
    records = history.filter(**{model._meta.pk.attname: record.pk})
    then = records.filter(lock_version=seen).order_by("-history_id").first()
    latest = records.order_by("-history_id").first()
    if then is None:
        return None, latest
    now = model._base_manager.filter(pk=record.pk).first()
    if now is None:
        return None, latest
    tracked = {f.attname for f in then._meta.concrete_fields}
    # modeltranslation keeps the original field beside its languages: tell the languages.
    translated = {
        f.translated_field.name
        for f in model._meta.concrete_fields
        if getattr(f, "translated_field", None)
    }
    fields = [
        f
        for f in model._meta.concrete_fields
        if f.attname in tracked and f.name not in UNTOLD | translated and not f.primary_key
    ]
    changed_by = {}
    previous = then
    for later in records.filter(history_id__gt=then.history_id).order_by("history_id"):
        for field in fields:
            if getattr(later, field.attname) != getattr(previous, field.attname):
                changed_by[field.attname] = later
        previous = later
    changes = []
    for field in fields:
        if getattr(then, field.attname) == getattr(now, field.attname):
            continue
        author = changed_by.get(field.attname)
        changes.append(
            FieldChange(
                label=capfirst(field.verbose_name),
                seen=_shown(then, field),
                now=_shown(now, field),
                by=author and _author(author),
                at=author and author.history_date,
            )
        )
    return changes, latest


def describe(change: FieldChange) -> str:
    values = {"field": change.label, "seen": change.seen, "now": change.now}
    if change.by is None:
        return _("%(field)s: you saw “%(seen)s”, it is now “%(now)s”.") % values
    return _(
        "%(field)s: changed by %(user)s on %(date)s — you saw “%(seen)s”, it is now “%(now)s”."
    ) % {**values, "user": change.by, "date": _when(change.at)}


def stale_messages(record, seen: int, headline: str | None = None) -> list[str]:
    """A headline, then one line per changed field (or who changed the record last, when
    the history cannot tell field by field)."""
    if headline is None:
        headline = _("It was changed by someone else since you saw it; nothing was done to it.")
    changes, latest = changes_since(record, seen)
    if changes:
        return [headline, *(describe(change) for change in changes)]
    if latest is not None and latest.lock_version > seen:
        last = _("Last changed by %(user)s on %(date)s.") % {
            "user": _author(latest),
            "date": _when(latest.history_date),
        }
        return [headline, last]
    return [headline]
