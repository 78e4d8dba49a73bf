"""Citations: one claim linked to one passage of a document version, anchored by its exact
quote, offsets and context (``documents/anchoring.py``), and what re-anchoring made of it."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.anchoring import AnchorError, anchor_quote
from documents.claims import check_claim_exists
from documents.models.anchors import CitationAnchor
from documents.models.curation import CitationCuration
from documents.models.sources import DocumentVersion
from editorial.four_eyes import check_not_own_change, save_as_workflow
from editorial.locking import Versioned
from editorial.models import acting_user

ANCHOR_ERROR_MESSAGES = {
    "empty": _("The quote is empty."),
    "absent": _(
        "This quote does not occur in the chosen document version. "
        "Check it word for word against the text."
    ),
    "context_mismatch": _(
        "This quote occurs %(count)d time(s) in the chosen document version, "
        "but never with the given text before and after it."
    ),
    "ambiguous": _(
        "This quote occurs %(count)d times in the chosen document version. "
        "Lengthen it, or give the text before or after it, so that it points to one passage."
    ),
}


class CitationQuerySet(models.QuerySet):
    def supporting(self):
        """Citations whose quote stands in the current text of their document: ``verified``
        or ``moved``."""
        return self.filter(status__in=Citation.SUPPORTING_STATUSES)

    def public(self):
        """Citations that count as evidence on public pages and in the API: supporting,
        and confirmed by a reviewer in the very place they stand. A new citation, a
        re-quoted one and one that moved wait for a reviewer before the public sees them."""
        return self.supporting().reviewed()

    def needing_attention(self):
        """Citations that no longer support their claim and wait for a curator."""
        return self.filter(status__in=(Citation.Status.CHANGED, Citation.Status.ORPHANED))

    def for_review(self):
        """The citation health queue: every live citation not ``verified`` — ``moved``
        ones too, so a curator can confirm their new place."""
        return self.filter(status__in=Citation.REVIEW_STATUSES)

    def for_claim(self, claim):
        return self.filter(
            content_type=ContentType.objects.get_for_model(claim), object_id=claim.pk
        )

    def reviewed(self):
        """Citations a reviewer confirmed in the very place they stand now."""
        return self.filter(
            reviewed_at__isnull=False,
            reviewed_version=models.F("version"),
            reviewed_start=models.F("start"),
            reviewed_end=models.F("end"),
        )

    def not_reviewed(self):
        """Never reviewed, or reviewed before the quote moved (re-anchoring, re-quoting)."""
        return self.exclude(pk__in=self.reviewed().values("pk"))


class CitationStatus(models.TextChoices):
    VERIFIED = "verified", _("Verified")
    MOVED = "moved", _("Moved")
    CHANGED = "changed", _("Changed")
    ORPHANED = "orphaned", _("Orphaned")
    #: A curator decided the passage no longer supports the claim. Kept for the record,
    #: never counted as support, out of the queue and of re-anchoring.
    RETIRED = "retired", _("Retired")


class Citation(CitationCuration, Versioned):
    """Links one claim (a record, or one field of it) to one passage of a document version.
    Where it stood in each version it was anchored in is kept too (``CitationAnchor``)."""

    Status = CitationStatus

    SUPPORTING_STATUSES = (Status.VERIFIED, Status.MOVED)
    REVIEW_STATUSES = (Status.MOVED, Status.CHANGED, Status.ORPHANED)

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of claim")
    )
    object_id = models.PositiveBigIntegerField(_("claim id"))
    claim = GenericForeignKey("content_type", "object_id")
    field = models.CharField(
        _("field supported"),
        max_length=64,
        blank=True,
        help_text=_("Leave blank when the quote supports the record as a whole."),
    )
    version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.PROTECT,
        related_name="citations",
        verbose_name=_("document version"),
    )
    quote = models.TextField(_("quote"), help_text=_("Exact words of the document."))
    prefix = models.CharField(
        _("text before"),
        max_length=255,
        blank=True,
        help_text=_("Only needed when the quote occurs more than once."),
    )
    suffix = models.CharField(
        _("text after"),
        max_length=255,
        blank=True,
        help_text=_("Only needed when the quote occurs more than once."),
    )
    start = models.PositiveIntegerField(_("start offset"), editable=False)
    end = models.PositiveIntegerField(_("end offset"), editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.VERIFIED
    )
    checked_at = models.DateTimeField(_("checked at"), default=timezone.now)
    note = models.TextField(_("curator note"), blank=True)

    # Where a ``moved`` citation stood before its last move (the old context).
    previous_version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("previous version"),
    )
    previous_prefix = models.CharField(_("previous text before"), max_length=255, blank=True)
    previous_suffix = models.CharField(_("previous text after"), max_length=255, blank=True)

    # A passage of a newer version offered for a ``changed`` or ``orphaned`` citation. It is
    # only applied when a curator accepts it (``accept_suggestion``).
    suggested_version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("suggested version"),
    )
    suggested_quote = models.TextField(_("suggested quote"), blank=True)
    suggested_start = models.PositiveIntegerField(
        _("suggested start offset"), null=True, blank=True
    )
    suggested_end = models.PositiveIntegerField(_("suggested end offset"), null=True, blank=True)
    suggested_prefix = models.CharField(_("suggested text before"), max_length=255, blank=True)
    suggested_suffix = models.CharField(_("suggested text after"), max_length=255, blank=True)
    suggestion_score = models.FloatField(
        _("similarity of the suggestion"),
        null=True,
        blank=True,
        help_text=_("From 0 to 1: how close the suggested passage is to the old quote."),
    )

    # A retired citation may name the citation of the same claim that took its place.
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        editable=False,
        verbose_name=_("replaced by"),
    )

    # A reviewer confirmed that the quote supports the claim. The passage reviewed is kept:
    # a version's text never changes, so (version, start, end) is the quote, and a review
    # goes stale as soon as the citation stands anywhere else (``is_reviewed``).
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True, editable=False)
    reviewed_by = acting_user(_("reviewed by"))
    reviewed_version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("version reviewed"),
    )
    reviewed_start = models.PositiveIntegerField(
        _("start offset reviewed"), null=True, blank=True, editable=False
    )
    reviewed_end = models.PositiveIntegerField(
        _("end offset reviewed"), null=True, blank=True, editable=False
    )

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["version", "start"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        permissions = [
            ("review_citation", _("Can confirm that a citation's quote supports its claim"))
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(quote=""), name="citation_quote_not_empty"),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="citation_span_not_empty"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=CitationStatus.values), name="citation_status_valid"
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "version", "start", "end"],
                name="citation_unique_per_claim_and_passage",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(
                        suggested_version__isnull=True,
                        suggested_quote="",
                        suggested_start__isnull=True,
                        suggested_end__isnull=True,
                        suggestion_score__isnull=True,
                    )
                    | (
                        models.Q(
                            suggested_version__isnull=False,
                            suggested_start__isnull=False,
                            suggestion_score__gte=0,
                            suggestion_score__lte=1,
                            suggested_end__gt=models.F("suggested_start"),
                        )
                        & ~models.Q(suggested_quote="")
                    )
                ),
                name="citation_suggestion_complete_or_absent",
            ),
        ]

    def __str__(self):
        quote = self.quote if len(self.quote) <= 60 else self.quote[:59] + "…"
        return f"« {quote} »"

    def save(self, *args, **kwargs):
        """Save, with the citation's place in its version (``CitationAnchor``): both or
        neither. Inside a caller's transaction, that transaction holds both, and a refused
        save (``StaleRecord``) leaves it usable, as before; otherwise one of its own."""
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        if transaction.get_connection(using).in_atomic_block:
            super().save(*args, **kwargs)
            CitationAnchor.record(self, using=using)
            return
        with transaction.atomic(using=using):
            super().save(*args, **kwargs)
            CitationAnchor.record(self, using=using)

    def get_permanent_url(self):
        """The one address of this passage that always answers (``documents.permalinks``)."""
        return reverse("documents:passage", args=[self.pk])

    def get_absolute_url(self):
        """The passage where it stands now, highlighted on its version's page."""
        return (
            reverse(
                "documents:version_detail", args=[self.version.document.slug, self.version.number]
            )
            + f"#{self.anchor_id}"
        )

    @property
    def anchor_id(self):
        """The stable id of this passage on the document page."""
        return f"cite-{self.pk}"

    @property
    def is_supporting(self):
        return self.status in self.SUPPORTING_STATUSES

    @property
    def is_reviewed(self):
        return self.reviewed_at is not None and (
            self.reviewed_version_id,
            self.reviewed_start,
            self.reviewed_end,
        ) == (self.version_id, self.start, self.end)

    @property
    def review_is_stale(self):
        """Reviewed once, but the citation has moved since."""
        return self.reviewed_at is not None and not self.is_reviewed

    def review(self, user):
        """Record that ``user`` confirmed the quote supports the claim, here and now."""
        if not user.has_perm("documents.review_citation"):
            raise PermissionDenied(_("You may not review citations."))
        if not self.is_supporting:
            raise ValidationError(_("Only a verified or moved citation can be reviewed."))
        check_not_own_change(self, user, since=self.reviewed_at)
        self.reviewed_at, self.reviewed_by = timezone.now(), user
        self.reviewed_version_id = self.version_id
        self.reviewed_start, self.reviewed_end = self.start, self.end
        save_as_workflow(self, user)

    def anchor(self):
        """Find the quote in its version and record where it stands, or raise a
        ValidationError on ``quote`` that says why it cannot be saved."""
        DocumentVersion.check_citable(self.version if self.version_id is not None else None)
        try:
            anchor = anchor_quote(self.version.text, self.quote, self.prefix, self.suffix)
        except AnchorError as error:
            message = ANCHOR_ERROR_MESSAGES[error.code] % {"count": error.count}
            raise ValidationError({"quote": message}, code=error.code) from error
        self.quote, self.start, self.end = anchor.quote, anchor.start, anchor.end
        self.prefix, self.suffix = anchor.prefix, anchor.suffix
        self.status = self.Status.VERIFIED
        self.checked_at = timezone.now()
        # Anchored by hand or on an accepted suggestion: what was pending is settled.
        self.forget_previous_place()
        self.clear_suggestion()

    def clean(self):
        self.check_claim()
        self.anchor()

    def check_claim(self):
        """The claim exists, can be cited, and stays: a review must not follow a re-pointing."""
        if self.content_type_id is None or self.object_id is None:
            return  # an inline on the claim's own form: the formset sets the claim
        check_claim_exists(self.content_type.model_class(), self.object_id)
        stored = (
            Citation.objects.filter(pk=self.pk)
            .values_list("content_type_id", "object_id", "field")
            .first()
        )
        if stored is None:  # a new citation
            return
        if stored[2] != self.field:  # it now supports another field: to be reviewed again
            self.reviewed_at = self.reviewed_by = None
        if stored[:2] != (self.content_type_id, self.object_id):
            raise ValidationError(
                _(
                    "A citation's claim cannot be changed. Retire this citation and cite the "
                    "passage again on the other record."
                )
            )


class CitationForReview(Citation):
    """The citation health queue of the admin: the same rows as ``Citation``, shown for
    curators to settle (see ``CitationQuerySet.for_review``)."""

    class Meta:
        proxy = True
        verbose_name = _("citation needing attention")
        verbose_name_plural = _("citation health queue")
