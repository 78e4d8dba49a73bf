"""Curation of a citation from the citation health queue: accept a suggested passage,
confirm a moved one, or retire it (perhaps in favour of another citation)."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CitationCuration:
    """What a curator does to a ``Citation`` re-anchoring left unsettled."""

    @property
    def has_suggestion(self):
        return bool(self.suggested_version_id and self.suggested_quote)

    def clear_suggestion(self):
        self.suggested_version = None
        self.suggested_quote = self.suggested_prefix = self.suggested_suffix = ""
        self.suggested_start = self.suggested_end = self.suggestion_score = None

    def forget_previous_place(self):
        self.previous_version = None
        self.previous_prefix = self.previous_suffix = ""

    def _add_note(self, line: str):
        self.note = f"{self.note}\n{line}".strip()

    def accept_suggestion(self):
        """Re-anchor exactly on the suggested passage, as ``verified``, and save.

        The suggested text goes through ``anchor()`` like any quote, with its own context,
        so a suggestion the text no longer holds is refused with the usual reason."""
        if not self.has_suggestion:
            raise ValidationError(_("This citation has no suggested passage to accept."))
        suggested_start = self.suggested_start
        previous = _("Re-anchored on a suggested passage of version %(number)d; was « %(quote)s ».")
        line = previous % {"number": self.suggested_version.number, "quote": self.quote}
        self.version = self.suggested_version
        self.quote = self.suggested_quote
        self.prefix, self.suffix = self.suggested_prefix, self.suggested_suffix
        self.anchor()
        if self.start != suggested_start:  # the context picked another occurrence
            raise ValidationError(
                {"quote": _("The suggested passage is no longer where it was suggested.")}
            )
        self._add_note(str(line))
        self.validate_constraints()
        self.save()

    def confirm_place(self):
        """A curator checked a ``moved`` citation in its new place: it is ``verified``."""
        if self.status != self.Status.MOVED:
            raise ValidationError(_("Only a moved citation can be confirmed in its new place."))
        self.anchor()
        self.save()

    def citation_at_suggestion(self):
        """Another live citation of the same claim and field standing on the suggested
        passage: re-anchoring suggests that place when the quote landed where one already
        was (``documents.importing.record_outcome``), and retiring then means replacing."""
        if not self.has_suggestion:
            return None
        return (
            type(self)
            .objects.filter(
                content_type_id=self.content_type_id,
                object_id=self.object_id,
                field=self.field,
                version_id=self.suggested_version_id,
                start=self.suggested_start,
                end=self.suggested_end,
            )
            .exclude(pk=self.pk)
            .exclude(status=self.Status.RETIRED)
            .first()
        )

    def retire(self, reason: str = "", replaced_by=None):
        """Retire the citation: its passage no longer supports the claim. It stays on
        record (quote, version, note) but never counts as support again; the claim itself
        is left alone, and is hidden from the public if nothing else supports it.

        ``replaced_by`` names the citation of the same claim that takes its place; when
        none is given, the one standing on the suggested passage does. Its permanent
        address then leads readers to it."""
        replaced_by = replaced_by or self.citation_at_suggestion()
        if replaced_by is not None and (
            replaced_by.pk == self.pk
            or (replaced_by.content_type_id, replaced_by.object_id)
            != (self.content_type_id, self.object_id)
        ):
            raise ValidationError(_("A citation is replaced only by another one of its claim."))
        self.replaced_by = replaced_by
        self.status = self.Status.RETIRED
        self.checked_at = timezone.now()
        self.clear_suggestion()
        self.forget_previous_place()
        line = _("Retired on %(date)s.") % {"date": self.checked_at.date().isoformat()}
        self._add_note(f"{line} {reason}".strip())
        self.save()
