"""The admin's history pages in words a curator reads: each change names its field and its
values as the forms do (a choice by its label, nothing as a dash), and its reason in words."""

from django.template.defaultfilters import yesno
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from editorial.four_eyes import WORKFLOW

NOTHING = "—"
REASONS = {WORKFLOW: _("publication workflow (submitted, approved, published…)")}


class ReadableChanges(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value is None or value == "":
            return NOTHING
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return yesno(value)
        return super().prepare_delta_change_value(change, value)


class HistoryAdmin(SimpleHistoryAdmin):
    """``SimpleHistoryAdmin`` with readable changes, for every curated model."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, *args, **kwargs):
        super().set_history_delta_changes(request, historical_records, *args, **kwargs)
        for record in historical_records:
            reason = record.history_change_reason
            record.history_change_reason = REASONS.get(reason, reason or "")
