from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    # In the order results are shown: records first, then the passages that state them.
    PARTNER = "partner", _("Partners")
    PROGRAMME = "programme", _("Programmes")
    RELATIONSHIP = "relationship", _("Relationships")
    EVENT = "event", _("Events")
    PASSAGE = "passage", _("Passages in source documents")


class Entry(models.Model):
    """One searchable text: a record in one language, or one passage of the current version
    of a source document (in the document's language).

    Rebuilt from the public selectors (``search/indexing.py``), so it holds only what the
    public may see. On PostgreSQL the table also has a generated ``search_vector`` column
    with its GIN index; on SQLite, an FTS5 table over ``title_terms`` and ``body_terms``
    kept in step by triggers (migration 0002)."""

    Kind = EntryKind

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=2)
    # The result an entry stands for ("partner:12", "passage:3:1200"): a record's French
    # and English entries share it, so a record is one result whatever language matched.
    target = models.CharField(_("result"), max_length=64, db_index=True)
    title = models.TextField(_("names and title"), blank=True)
    body = models.TextField(_("text"), blank=True)
    # Every name of a partner or programme, one a line: the table of acronyms and aliases
    # the query is expanded with.
    names = models.TextField(_("names"), blank=True)
    # Stems of title and body (search/text.py); filled and indexed on SQLite only.
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)

    partner = models.ForeignKey(
        "partners.Partner", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    relationship = models.ForeignKey(
        "partners.Relationship", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    event = models.ForeignKey(
        "partners.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    document = models.ForeignKey(
        "documents.SourceDocument",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.ForeignKey(
        "documents.DocumentVersion",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # A passage: its place in the version's normalised text.
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            # The table of names of search/selectors.py: a few hundred rows among the
            # entries of 100,000 documents.
            models.Index(
                fields=["language"],
                condition=models.Q(kind__in=["partner", "programme"]),
                name="search_entry_names",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=EntryKind.values), name="search_entry_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=["fr", "en"]), name="search_entry_language_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="passage")
                | models.Q(version__isnull=False, start__isnull=False, end__gt=models.F("start")),
                name="search_entry_passage_has_span",
            ),
        ]

    def __str__(self):
        return f"{self.target} [{self.language}]"

    @property
    def record(self):
        return getattr(self, self.kind if self.kind != self.Kind.PASSAGE else "version")
