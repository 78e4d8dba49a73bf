"""Suggested facts: what the rules read in a sentence of a document version, waiting for a
curator. The rows live in the tables the model had in ``documents`` (``documents_suggestion``
and ``documents_suggestion_partners``): the move between apps changed no table."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.models import DocumentVersion
from editorial.locking import Versioned
from partners.models import EventKind, Partner
from periods.models import (
    date_pair_constraints,
    end_after_start_constraint,
    precise_date_property,
    precision_field,
)
from programmes.models import ParticipationRole


class SuggestionKind(models.TextChoices):
    PARTICIPATION = "participation", _("Participation")
    EVENT = "event", _("Event")
    NEW_PROGRAMME = "new_programme", _("New programme")
    NEW_PARTNER = "new_partner", _("New partner")


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class SuggestionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Suggestion.Status.PENDING)

    def decided(self):
        """Accepted or rejected: what is remembered, and never proposed again."""
        return self.exclude(status=Suggestion.Status.PENDING)


class Suggestion(Versioned):
    """A fact read by rules in a sentence of a document version (``suggestions/extraction/``),
    waiting for a curator: accepted, it becomes a record with the sentence as its verified
    citation; rejected, it is remembered by its fingerprint and not proposed again."""

    Kind = SuggestionKind
    Status = SuggestionStatus

    version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.CASCADE,
        related_name="suggestions",
        verbose_name=_("document version"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    quote = models.TextField(_("sentence"))
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))
    prefix = models.CharField(_("text before"), max_length=255, blank=True)
    suffix = models.CharField(_("text after"), max_length=255, blank=True)
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner"),
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="+", verbose_name=_("partners named")
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programme"),
    )
    start_date = models.DateField(_("date"), null=True, blank=True)
    start_precision = precision_field(_("date precision"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_precision = precision_field(_("end precision"))
    role = models.CharField(
        _("role guessed"), max_length=32, choices=ParticipationRole.choices, blank=True
    )
    event_kind = models.CharField(
        _("kind of event guessed"), max_length=32, choices=EventKind.choices, blank=True
    )
    name = models.CharField(_("name read"), max_length=255, blank=True)
    acronym = models.CharField(_("acronym read"), max_length=32, blank=True)
    confidence = models.FloatField(
        _("confidence"), help_text=_("From 0 to 1: how sure the rules are.")
    )
    fingerprint = models.CharField(
        _("fingerprint"),
        max_length=64,
        db_index=True,
        help_text=_("The same fact read in the same sentence has the same fingerprint."),
    )
    created_at = models.DateTimeField(_("suggested at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    record_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kind of record created"),
    )
    record_id = models.PositiveBigIntegerField(_("record created"), null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")

    date = precise_date_property("start_date", "start_precision")
    date_end = precise_date_property("end_date", "end_precision")

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        db_table = "documents_suggestion"
        ordering = ["version", "start", "kind"]
        verbose_name = _("suggested fact")
        verbose_name_plural = _("suggested facts")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "fingerprint"], name="suggestion_once_per_version"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=SuggestionKind.values), name="suggestion_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=SuggestionStatus.values),
                name="suggestion_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0, confidence__lte=1),
                name="suggestion_confidence_0_to_1",
            ),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="suggestion_span_not_empty"
            ),
            *date_pair_constraints("suggestion", "start_date", "start_precision"),
            *date_pair_constraints("suggestion", "end_date", "end_precision"),
            end_after_start_constraint("suggestion", "start_date", "end_date"),
        ]

    def __str__(self):
        quote = self.quote if len(self.quote) <= 60 else self.quote[:59] + "…"
        return f"{self.get_kind_display()}: « {quote} »"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
