"""Optimistic locking in the admin (``editorial/locking.py`` holds the mechanism).

``LockingAdmin`` (first in a ModelAdmin's bases) and ``LockingInline`` (first in an
inline's) give every change form and inline row a hidden field with the version it was
shown at. Saving compares it with the row's version now: if someone saved in between, the
form comes back, with the curator's values still in it, and a message saying, field by
field, who changed what and when, the value seen and the value now; its hidden version is
then the new one, so saving again applies the curator's values knowingly. The save itself
is conditional on that version (``Versioned``), which closes the gap between the check
and the write: a write that slips in is caught there and the form comes back the same way.

The change lists carry each row's version beside its checkbox, and every action checks
the selected rows against them: a row changed since the list was shown is left as it is,
with a message saying what changed.
"""

import functools

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.conflicts import stale_messages
from editorial.locking import StaleRecord, expect_version, expecting

SEEN_FIELD = "seen_version"
SEEN_IN_LIST = "seen_version-"  # + the row's pk, beside its checkbox in a change list


def _current_version(record) -> int:
    if getattr(record, "_history", None) is not None:
        # A revert form shows an old state: what counts is the row's version now.
        return (
            type(record)
            ._base_manager.filter(pk=record.pk)
            .values_list("lock_version", flat=True)[0]
        )
    return record.lock_version


class LockedFormMixin:
    #: inline rows are only checked when the curator changed or deleted them (the others
    #: are not saved)
    only_when_changed = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._is_stored():
            self.fields[SEEN_FIELD].initial = _current_version(self.instance)

    def _is_stored(self):
        return self.instance.pk is not None and not self.instance._state.adding

    @property
    def changed_data(self):
        # The hidden version is how the form was shown, not a change by the curator.
        return [
            name
            for name, field in self._bound_items()
            if field._has_changed() and name != SEEN_FIELD
        ]

    def clean(self):
        cleaned = super().clean()
        if not self._is_stored():
            return cleaned
        if self.only_when_changed and not (self.has_changed() or cleaned.get("DELETE")):
            return cleaned
        seen = cleaned.get(SEEN_FIELD)
        current = _current_version(self.instance)
        if seen is None:
            self._show_version(current)
            raise ValidationError(
                _(
                    "This form did not say which version of the record it showed: check the "
                    "values below against the record and save again."
                )
            )
        if seen != current:
            self._show_version(current)
            raise ValidationError(
                stale_messages(
                    self.instance,
                    seen,
                    _(
                        "Someone else saved this record since you opened it, so your changes "
                        "were not saved. They are still in the form: check them against the "
                        "changes below, then save again to apply them."
                    ),
                )
            )
        expect_version(self.instance, seen)
        return cleaned

    def _show_version(self, version):
        # The form is shown again at the version now: saving it again is a knowing choice.
        data = self.data.copy()
        data[self.add_prefix(SEEN_FIELD)] = str(version)
        self.data = data


def locked_form(form_class, only_when_changed=False):
    if issubclass(form_class, LockedFormMixin):
        return form_class
    attrs = {
        SEEN_FIELD: forms.IntegerField(
            label=gettext_lazy("version shown"), widget=forms.HiddenInput, required=False
        ),
        "only_when_changed": only_when_changed,
        "__module__": form_class.__module__,
    }
    return type(form_class.__name__, (LockedFormMixin, form_class), attrs)


def with_seen_field(fieldsets):
    """The fieldsets, with the hidden version in the first one if none has it."""
    fieldsets = list(fieldsets)
    if not fieldsets or SEEN_FIELD in helpers.flatten_fieldsets(fieldsets):
        return fieldsets
    name, options = fieldsets[0]
    fieldsets[0] = (name, {**options, "fields": [*options["fields"], SEEN_FIELD]})
    return fieldsets


def _retrying_once(view):
    """A save that lost the race after its form was checked raised ``StaleRecord`` and
    was rolled back: run the request again, and the form check explains the refusal."""

    @functools.wraps(view)
    def retrying(self, request, *args, **kwargs):
        using = router.db_for_write(self.model)
        try:
            with transaction.atomic(using=using):
                return view(self, request, *args, **kwargs)
        except StaleRecord:
            if request.method != "POST":
                raise
        return view(self, request, *args, **kwargs)

    return retrying


def seen_versions(request) -> dict[str, int]:
    seen = {}
    for key, value in request.POST.items():
        if key.startswith(SEEN_IN_LIST) and value.isdigit():
            seen[key.removeprefix(SEEN_IN_LIST)] = int(value)
    return seen


def locked_action(function):
    """The action, applied only to the selected rows still at the version the list showed
    (checked again as each is saved); each other row is named with what changed."""

    @functools.wraps(function)
    def action(model_admin, request, queryset):
        selected = set(request.POST.getlist(helpers.ACTION_CHECKBOX_NAME))
        seen = {pk: v for pk, v in seen_versions(request).items() if pk in selected}
        if not seen:
            return function(model_admin, request, queryset)
        model = queryset.model
        current = dict(
            model._base_manager.filter(pk__in=list(seen)).values_list("pk", "lock_version")
        )
        stale = [pk for pk, version in current.items() if seen[str(pk)] != version]
        listed = set(queryset.prefetch_related(None).values_list("pk", flat=True))
        for record in model._base_manager.filter(pk__in=stale):
            lines = stale_messages(
                record,
                seen[str(record.pk)],
                _("changed since the list was shown; nothing was done to it."),
            )
            if record.pk not in listed:
                lines.insert(1, _("It is no longer in this list."))
            model_admin.message_user(request, f"{record}: {' '.join(lines)}", messages.ERROR)
        fresh = {pk: version for pk, version in current.items() if pk not in stale}
        with expecting(model, fresh):
            return function(model_admin, request, queryset.exclude(pk__in=stale))

    return action


class LockingAdmin:
    """Optimistic locking for a ModelAdmin of a ``Versioned`` model: mix in first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form = locked_form(self.form)

    def get_fieldsets(self, request, obj=None):
        return with_seen_field(super().get_fieldsets(request, obj))

    @_retrying_once
    def changeform_view(self, request, *args, **kwargs):
        return super().changeform_view(request, *args, **kwargs)

    @_retrying_once
    def history_form_view(self, request, *args, **kwargs):
        return super().history_form_view(request, *args, **kwargs)

    def get_actions(self, request):
        return {
            name: (locked_action(function), name, description)
            for name, (function, name, description) in super().get_actions(request).items()
        }

    def action_checkbox(self, obj):
        return format_html(
            '{}<input type="hidden" name="{}{}" value="{}">',
            super().action_checkbox(obj),
            SEEN_IN_LIST,
            obj.pk,
            obj.lock_version,
        )


class LockingInline:
    """Optimistic locking for the rows of an inline: mix in first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form = locked_form(self.form, only_when_changed=True)

    def get_fieldsets(self, request, obj=None):
        return with_seen_field(super().get_fieldsets(request, obj))
