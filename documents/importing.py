"""Import a document, or a new version of one.

``import_document`` writes everything in one transaction: the document (when new) and the
new version, *pending*: nothing public changes until a reviewer publishes it
(``documents/publishing.py``), which makes it current, re-anchors the citations (rules in
``documents/reanchoring.py``) and reads the facts the new text suggests. The result says
what publishing would do to the citations (a dry run); ``publish=True`` publishes at once,
in the same transaction. Any failure leaves the database as it was. A text identical to a
stored version (same SHA-256 of the normalised text, in any document) is reported and not
stored again — except that of a discarded version of the same document, which is pending
again.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from documents import publishing
from documents.addresses import AllowList
from documents.anchoring import normalise
from documents.models import Citation, DocumentVersion, SourceDocument
from documents.sources import ExtractedText, RawSource, SourceError, extract
from documents.typesetting import one_block_a_line

SOURCE_ERROR_MESSAGES = {
    "not_found": _("No such file: %(origin)s."),
    "unreadable": _("%(origin)s cannot be read."),
    "empty": _("%(origin)s is empty."),
    "binary": _(
        "%(origin)s is not text (a PDF, an image…); only HTML pages and plain text are imported."
    ),
    "too_short": _(
        "%(origin)s: the text found holds no sentence (only “%(excerpt)s”): nothing to cite, "
        "so it was not imported."
    ),
    "too_large": _("%(origin)s is larger than %(max_bytes)d bytes; it was not imported."),
    "bad_scheme": _("%(origin)s: only http and https addresses can be imported."),
    "bad_url": _("%(origin)s is not a valid web address."),
    "private_address": _(
        "%(origin)s leads to a local, private or reserved network address: it was not fetched. "
        "(Internal hosts can be allowed with DJANGO_IMPORT_ALLOWED_HOSTS.)"
    ),
    "unknown_host": _("%(origin)s: the host %(host)s was not found."),
    "too_many_redirects": _(
        "%(origin)s redirects more than %(max_redirects)d times; it was not fetched."
    ),
    "unsupported_type": _(
        "%(origin)s is of type %(content_type)s; only HTML pages and plain text are imported."
    ),
    "http_error": _("%(origin)s: the server answered %(status)d %(cause)s."),
    "timeout": _("%(origin)s: not downloaded in full within %(timeout)g seconds."),
    "unreachable": _("%(origin)s cannot be reached: %(cause)s."),
    "tls_error": _("%(origin)s: the secure connection failed (certificate or TLS error)."),
    "truncated": _(
        "%(origin)s: the page arrived incomplete (cut short or badly framed); nothing was imported."
    ),
    "bad_response": _("%(origin)s: the server did not answer in valid HTTP."),
    "no_main_text": _("%(origin)s: no main text was found in this page."),
}


def import_allowed_hosts() -> AllowList:
    """The internal hosts and networks this deployment lets imports fetch from
    (``DJANGO_IMPORT_ALLOWED_HOSTS``); every other non-public address is refused."""
    return AllowList.parse(settings.IMPORT_ALLOWED_HOSTS)


class DocumentImportError(Exception):
    """The import cannot be done; the message says why, for a curator."""


def source_error_message(error: SourceError) -> str:
    template = SOURCE_ERROR_MESSAGES.get(error.code)
    if template is None:
        return error.reason
    try:
        return str(template) % error.params
    except (KeyError, TypeError, ValueError):
        return error.reason


@dataclass
class ImportResult:
    document: SourceDocument
    version: DocumentVersion | None = None
    duplicate_of: DocumentVersion | None = None
    created_document: bool = False
    #: a discarded version of the same text, pending again
    restored: bool = False
    #: status → number of citations publishing would carry over from earlier versions
    outcomes: Counter = field(default_factory=Counter)
    suggestions: int = 0
    #: with ``publish=True``: what publishing did (``documents/publishing.py``)
    published: publishing.PublishResult | None = None

    @property
    def needs_review(self) -> int:
        """Citations publishing leaves (or would leave) to a curator."""
        outcomes = self.published.outcomes if self.published else self.outcomes
        return sum(outcomes[status] for status in Citation.REVIEW_STATUSES)

    @property
    def suggested_facts(self) -> int:
        """Facts the new text suggests; read when the version is published."""
        return self.published.suggested_facts if self.published else 0

    def summary(self) -> str:
        if self.duplicate_of is not None:
            return str(
                _("Identical to %(version)s (%(status)s): nothing was stored.")
                % {
                    "version": self.duplicate_of,
                    "status": self.duplicate_of.get_status_display().lower(),
                }
            )
        if self.published is not None:
            return self.published.summary()
        if self.created_document:
            return str(
                _(
                    "New document “%(document)s” (%(slug)s), version %(number)d, waiting for a "
                    "reviewer: the public does not see it until it is published."
                )
                % {"document": self.document, "slug": self.document.slug, "number": 1}
            )
        if self.restored:
            lead = _(
                "Version %(number)d of “%(document)s”, discarded before, waits again for a "
                "reviewer."
            )
        else:
            lead = _("Version %(number)d of “%(document)s” is stored and waits for a reviewer.")
        return str(
            _(
                "%(lead)s The public still sees the current version and every citation stays "
                "as it is. Publishing it would re-check citations: %(counts)s; %(suggestions)d "
                "near match(es) suggested."
            )
            % {
                "lead": lead % {"number": self.version.number, "document": self.document},
                "counts": publishing.count_statuses(self.outcomes) or _("none"),
                "suggestions": self.suggestions,
            }
        )


def _unique_slug(title: str) -> str:
    base = slugify(title)[:90] or "document"
    slug, number = base, 2
    while SourceDocument.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _new_document(extracted: ExtractedText, *, slug, publisher, language, title, kind, url):
    language = language or extracted.language
    if publisher is None:
        raise DocumentImportError(_("A new document needs its publisher."))
    if language not in SourceDocument.Language.values:
        raise DocumentImportError(
            _("A new document needs its language (fr or en): the source does not say.")
        )
    title = (title or extracted.title or "").strip()[:500]
    if not title:
        raise DocumentImportError(_("A new document needs a title."))
    document = SourceDocument(
        slug=slug or _unique_slug(title),
        publisher=publisher,
        language=language,
        kind=kind or SourceDocument.Kind.WEB_PAGE,
        url=url,
    )
    setattr(document, f"title_{language}", title)
    try:
        document.full_clean()
    except ValidationError as error:
        raise DocumentImportError(" ".join(error.messages)) from error
    document.save()
    return document


def import_document(
    source: RawSource,
    *,
    document: SourceDocument | None = None,
    slug: str = "",
    publisher=None,
    language: str = "",
    title: str = "",
    kind: str = "",
    imported_by=None,
    publish: bool = False,
) -> ImportResult:
    """Store ``source`` as a new, pending version of ``document`` — or of the document
    whose canonical URL it was fetched from, or of a new document (then ``publisher`` is
    required, and ``slug``, ``language``, ``title`` and ``kind`` are used).

    ``imported_by`` is recorded on the version (the four-eyes rule keeps them from
    publishing it). ``publish`` publishes it at once (``publishing.publish_version``), by
    ``imported_by`` when given — so only where self-review is allowed — else by no one
    (the command line); a refusal leaves nothing stored."""
    try:
        extracted = extract(source)
    except SourceError as error:
        raise DocumentImportError(source_error_message(error)) from error
    text = normalise(extracted.text)
    if not text:
        raise DocumentImportError(_("%(origin)s has no text.") % {"origin": source.origin})
    sha256 = DocumentVersion.hash_text(text)

    with transaction.atomic():
        if document is None and slug:
            document = SourceDocument.objects.filter(slug=slug).first()
        if document is None and source.url:
            document = SourceDocument.objects.filter(url=source.url).first()
        if document is not None:
            # One import at a time per document: version numbers and "current" stay exact.
            document = SourceDocument.objects.select_for_update().get(pk=document.pk)
        duplicate = None
        if document is not None:
            duplicate = document.versions.filter(sha256=sha256).first()
        if duplicate is None:
            duplicate = (
                DocumentVersion.objects.filter(sha256=sha256)
                .select_related("document")
                .order_by("pk")
                .first()
            )
        if duplicate is not None and not (
            duplicate.document_id == getattr(document, "pk", None)
            and duplicate.status == DocumentVersion.Status.DISCARDED
        ):
            return ImportResult(document=duplicate.document, duplicate_of=duplicate)

        created = document is None
        if created:
            document = _new_document(
                extracted,
                slug=slug,
                publisher=publisher,
                language=language,
                title=title,
                kind=kind,
                url=source.url,
            )
        if duplicate is not None:
            version = _restore_discarded(duplicate, imported_by, fetched=bool(source.url))
        else:
            number = (document.versions.aggregate(last=Max("number"))["last"] or 0) + 1
            stated = extracted.stated_update
            version = DocumentVersion(
                document=document,
                number=number,
                text=text,
                raw=source.content,
                # An HTML page's main text comes a block a line; a plain text is as it was.
                published_text=(
                    one_block_a_line(extracted.text) if source.is_html else extracted.text
                ),
                # A download is retrieved now; a file's retrieval date is not known.
                retrieved_at=timezone.now() if source.url else None,
                stated_update=stated.date if stated else None,
                stated_update_text=stated.text[:255] if stated else "",
                status=DocumentVersion.Status.PENDING,
                imported_by=imported_by,
            )
            if imported_by is not None:
                version._history_user = imported_by
            version.save()
        result = ImportResult(
            document=document,
            version=version,
            created_document=created,
            restored=duplicate is not None,
        )
        plan = publishing.plan_reanchoring(version)
        result.outcomes, result.suggestions = plan.counts, plan.suggestions
        if publish:
            try:
                result.published = publishing.publish_version(version, imported_by)
                result.version = result.published.version
            except (ValidationError, PermissionDenied) as error:
                raise DocumentImportError(" ".join(_messages(error))) from error
        return result


def _restore_discarded(version: DocumentVersion, imported_by, fetched: bool) -> DocumentVersion:
    """The text of a discarded version, imported again: it waits for a reviewer again."""
    version.status = DocumentVersion.Status.PENDING
    version.discarded_at = version.discarded_by = None
    version.imported_by = imported_by
    version.imported_at = timezone.now()
    version.retrieved_at = version.imported_at if fetched else None
    if imported_by is not None:
        version._history_user = imported_by
    version.save()
    return version


def _messages(error) -> list[str]:
    return getattr(error, "messages", None) or [str(error)]
