"""Where each citation stood in each version of its document.

A citation follows its document from version to version (``documents/importing.py``), but
an address of an earlier version (``…/versions/1/#cite-42``) must go on showing the passage
as it was quoted there. ``CitationAnchor`` keeps, per citation and version, the quote and
its place; ``Citation.save()`` writes the row of the version it stands in, so every writer
(the admin, import and re-anchoring, the seed loader, reviews) keeps them up to date.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.models.sources import DocumentVersion


class CitationAnchorQuerySet(models.QuerySet):
    def reviewed(self):
        """Places a reviewer confirmed: the citation was shown to the public there."""
        return self.filter(reviewed_at__isnull=False)


class CitationAnchor(models.Model):
    """A citation's quote and place in one version of its document."""

    citation = models.ForeignKey(
        "documents.Citation",
        on_delete=models.CASCADE,
        related_name="anchors",
        verbose_name=_("citation"),
    )
    version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.CASCADE,
        related_name="citation_anchors",
        verbose_name=_("document version"),
    )
    quote = models.TextField(_("quote"))
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))
    prefix = models.CharField(_("text before"), max_length=255, blank=True)
    suffix = models.CharField(_("text after"), max_length=255, blank=True)
    # When the review the citation had in this very place was made; None if it had none
    # (so the public never saw it there).
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    objects = CitationAnchorQuerySet.as_manager()

    class Meta:
        ordering = ["version", "start"]
        verbose_name = _("citation place in a version")
        verbose_name_plural = _("citation places in versions")
        constraints = [
            models.UniqueConstraint(
                fields=["citation", "version"], name="citation_anchor_one_per_version"
            ),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="citation_anchor_span_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.citation_id} @ {self.version_id}: {self.start}–{self.end}"

    @classmethod
    def record(cls, citation, using=None):
        """Write (or rewrite) where ``citation`` stands now, in one query."""
        anchor = cls(
            citation=citation,
            version_id=citation.version_id,
            quote=citation.quote,
            start=citation.start,
            end=citation.end,
            prefix=citation.prefix,
            suffix=citation.suffix,
            reviewed_at=citation.reviewed_at if citation.is_reviewed else None,
        )
        cls.objects.using(using).bulk_create(
            [anchor],
            update_conflicts=True,
            unique_fields=["citation", "version"],
            update_fields=["quote", "start", "end", "prefix", "suffix", "reviewed_at"],
        )
