"""Source documents and their versions: the texts every citation quotes."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.anchoring import normalise
from editorial.locking import Versioned
from editorial.models import acting_user
from partners.models import Partner


class SourceDocumentQuerySet(models.QuerySet):
    def public(self):
        """Documents the public may see: those with a published version. A document whose
        first version waits for a reviewer is not shown anywhere yet."""
        return self.filter(
            models.Exists(
                DocumentVersion.objects.published().filter(document=models.OuterRef("pk"))
            )
        )


class SourceDocument(Versioned):
    """A public text that states facts: a topic page, a news item, a report."""

    class Kind(models.TextChoices):
        TOPIC_PAGE = "topic_page", _("Topic page")
        NEWS_ITEM = "news_item", _("News item")
        WEB_PAGE = "web_page", _("Web page")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        ENGLISH = "en", _("English")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=500)
    publisher = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="documents", verbose_name=_("publisher")
    )
    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    url = models.URLField(_("canonical URL"), max_length=500, blank=True)
    translations = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=True,
        verbose_name=_("other language versions"),
        help_text=_("The same page in another language."),
    )

    objects = SourceDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:document_detail", args=[self.slug])

    @property
    def current_version(self):
        return self.versions.filter(is_current=True).first()


class VersionStatus(models.TextChoices):
    #: Imported, waiting for a reviewer: not public, its document's citations untouched.
    PENDING = "pending", _("Pending")
    #: Public; the newest published version is the current one.
    PUBLISHED = "published", _("Published")
    #: A reviewer decided it is not to be published. Kept for the record, never public.
    DISCARDED = "discarded", _("Discarded")


class DocumentVersionQuerySet(models.QuerySet):
    def published(self):
        """Versions the public may read: the current one and the earlier published ones."""
        return self.filter(status=VersionStatus.PUBLISHED)

    def pending(self):
        return self.filter(status=VersionStatus.PENDING)


class DocumentVersion(Versioned):
    """One retrieved text of a document. Its text is stored normalised and never edited:
    a changed text is a new version. An imported version waits for a reviewer
    (``pending``) before it is public and current (``documents/publishing.py``)."""

    Status = VersionStatus

    document = models.ForeignKey(
        SourceDocument,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("document"),
    )
    number = models.PositiveIntegerField(_("version number"))
    text = models.TextField(_("text (normalised)"))
    raw = models.TextField(_("original as retrieved"), blank=True)
    published_text = models.TextField(
        _("text as published"),
        blank=True,
        editable=False,
        help_text=_(
            "The text as read from the original, before normalisation: its typography and "
            "its lines, as the document page shows it. Citation offsets refer to the "
            "normalised text."
        ),
    )
    sha256 = models.CharField(_("SHA-256 of the text"), max_length=64, editable=False)
    retrieved_at = models.DateTimeField(
        _("retrieved at"),
        null=True,
        blank=True,
        default=timezone.now,
        help_text=_(
            "When the text was downloaded from its address; empty when nobody recorded it "
            "(a file given to the import)."
        ),
    )
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now, editable=False)
    stated_update = models.DateField(
        _("stated update date"),
        null=True,
        blank=True,
        help_text=_("The date the document itself states, e.g. “Mis à jour le: 23 May 2022”."),
    )
    stated_update_text = models.CharField(
        _("stated update, as written"), max_length=255, blank=True
    )
    is_current = models.BooleanField(_("current version"), default=False)
    # Changed by ``documents/publishing.py`` only, never by a form.
    status = models.CharField(
        _("publication state"),
        max_length=16,
        choices=VersionStatus.choices,
        default=VersionStatus.PENDING,
        db_index=True,
        editable=False,
    )
    imported_by = acting_user(_("imported by"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = acting_user(_("published by"))
    discarded_at = models.DateTimeField(_("discarded at"), null=True, blank=True, editable=False)
    discarded_by = acting_user(_("discarded by"))

    objects = DocumentVersionQuerySet.as_manager()

    #: The columns that hold a whole text: left in the database by reads that show none.
    TEXTS = ("text", "raw", "published_text")

    class Meta:
        ordering = ["document", "-number"]
        get_latest_by = "number"
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        permissions = [
            ("publish_documentversion", _("Can publish or discard an imported document version"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="document_version_number_unique"
            ),
            models.UniqueConstraint(
                fields=["document", "sha256"], name="document_version_text_unique"
            ),
            models.UniqueConstraint(
                fields=["document"],
                condition=models.Q(is_current=True),
                name="document_one_current_version",
            ),
            models.CheckConstraint(
                condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"),
                name="document_version_sha256_hex",
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="document_version_has_text"),
            models.CheckConstraint(
                condition=models.Q(status__in=VersionStatus.values),
                name="document_version_status_valid",
            ),
            # The public reads the current version: it is always a published one.
            models.CheckConstraint(
                condition=models.Q(is_current=False) | models.Q(status=VersionStatus.PUBLISHED),
                name="document_current_version_published",
            ),
        ]

    def __str__(self):
        return f"{self.document} — v{self.number}"

    def save(self, *args, **kwargs):
        # The stored text is, by definition, normalised; citation offsets refer to it.
        self.text = normalise(self.text)
        self.sha256 = self.hash_text(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:version_detail", args=[self.document.slug, self.number])

    @property
    def is_published(self):
        return self.status == VersionStatus.PUBLISHED

    @property
    def is_pending(self):
        return self.status == VersionStatus.PENDING

    @staticmethod
    def check_citable(version):
        """Raise a ValidationError on ``version`` unless a citation may quote it: a
        published one. Citations move with the versions a reviewer publishes
        (re-anchoring); one on a pending or discarded text would support nothing the public
        can read."""
        if version is None:
            raise ValidationError({"version": _("Choose the document version the quote is from.")})
        if not version.is_published:
            message = _(
                "This version is not published: quote the current version of the document "
                "(or have this one published first)."
            )
            raise ValidationError({"version": message}, code="unpublished_version")

    @staticmethod
    def hash_text(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
