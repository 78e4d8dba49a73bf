"""Source documents and their versions: the texts every citation quotes."""

import hashlib

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.anchoring import normalise
from editorial.locking import Versioned
from partners.models import Partner


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


class DocumentVersion(Versioned):
    """One retrieved text of a document. Its text is stored normalised and never edited:
    a changed text is a new version."""

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
    is_current = models.BooleanField(_("current version"), default=True)

    #: The columns that hold a whole text: left in the database by reads that show none.
    TEXTS = ("text", "raw", "published_text")

    class Meta:
        ordering = ["document", "-number"]
        get_latest_by = "number"
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
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

    @staticmethod
    def hash_text(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
