"""Import a document, or a new version of one, and re-anchor its citations.

``import_document`` reads nothing and writes everything in one transaction: the document
(when new), the new version — which becomes current — and every citation carried over by
``reanchor_citations`` (rules in ``documents/reanchoring.py``), and the facts the new text
suggests (``suggestions/reading.py``). Any failure leaves the database as it was. A text
identical to a stored version (same SHA-256 of the normalised text, in any document) is
reported and not stored again.
"""

from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from documents import reanchoring
from documents.addresses import AllowList
from documents.anchoring import normalise
from documents.models import Citation, DocumentVersion, SourceDocument
from documents.sources import ExtractedText, RawSource, SourceError, extract
from documents.typesetting import one_block_a_line
from suggestions.reading import suggest_facts

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
    #: status → number of citations carried over from earlier versions
    outcomes: Counter = field(default_factory=Counter)
    suggestions: int = 0
    #: facts the new text suggests (``suggestions/reading.py``), waiting for a curator
    suggested_facts: int = 0

    @property
    def needs_review(self) -> int:
        return sum(self.outcomes[status] for status in Citation.REVIEW_STATUSES)

    def summary(self) -> str:
        if self.duplicate_of is not None:
            return str(
                _("Identical to %(version)s: nothing was stored.") % {"version": self.duplicate_of}
            )
        if self.created_document:
            return str(
                _("New document “%(document)s” (%(slug)s), version %(number)d.")
                % {"document": self.document, "slug": self.document.slug, "number": 1}
            )
        counts = ", ".join(
            f"{Citation.Status(status).label}: {self.outcomes[status]}"
            for status in Citation.Status.values
            if self.outcomes[status]
        )
        return str(
            _(
                "Version %(number)d of “%(document)s” is now current. Citations re-checked: "
                "%(counts)s; %(suggestions)d near match(es) suggested."
            )
            % {
                "number": self.version.number,
                "document": self.document,
                "counts": counts or _("none"),
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
) -> ImportResult:
    """Store ``source`` as a new version of ``document`` — or of the document whose
    canonical URL it was fetched from, or of a new document (then ``publisher`` is
    required, and ``slug``, ``language``, ``title`` and ``kind`` are used)."""
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
        if duplicate is not None:
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
        previous = document.versions.filter(is_current=True).first()
        number = (document.versions.aggregate(last=Max("number"))["last"] or 0) + 1
        document.versions.filter(is_current=True).update(is_current=False)
        stated = extracted.stated_update
        version = DocumentVersion.objects.create(
            document=document,
            number=number,
            text=text,
            raw=source.content,
            # An HTML page's main text comes a block a line; a plain text is as it was.
            published_text=one_block_a_line(extracted.text) if source.is_html else extracted.text,
            # A download is retrieved now; a file's retrieval date is not known.
            retrieved_at=timezone.now() if source.url else None,
            stated_update=stated.date if stated else None,
            stated_update_text=stated.text[:255] if stated else "",
            is_current=True,
        )
        result = ImportResult(document=document, version=version, created_document=created)
        if previous is not None:
            result.outcomes, result.suggestions = reanchor_citations(previous, version)
        result.suggested_facts = suggest_facts(version).total
        return result


def reanchor_citations(previous: DocumentVersion, version: DocumentVersion):
    """Re-check against ``version`` every citation of ``previous`` and every citation of
    an older version of the document still waiting for a curator (``changed`` or
    ``orphaned``). Retired citations are left alone. Returns the number of citations per
    resulting status, and how many near matches were suggested."""
    citations = list(
        Citation.objects.filter(version__document_id=version.document_id)
        .exclude(version=version)
        .filter(
            Q(version=previous) | Q(status__in=(Citation.Status.CHANGED, Citation.Status.ORPHANED))
        )
        .exclude(status=Citation.Status.RETIRED)
        .select_related("version")
        .order_by("version_id", "start", "pk")
    )
    taken = set(
        Citation.objects.filter(version=version).values_list(
            "content_type_id", "object_id", "field", "start", "end"
        )
    )
    outcomes, suggestions = Counter(), 0
    for old_version, group in groupby(citations, key=lambda citation: citation.version):
        group = list(group)
        passages = [
            reanchoring.CitedPassage(c.quote, c.start, c.end, c.prefix, c.suffix) for c in group
        ]
        results = reanchoring.reanchor_all(old_version.text, version.text, passages)
        for citation, result in zip(group, results, strict=True):
            record_outcome(citation, result, version, taken)
            outcomes[citation.status] += 1
            suggestions += citation.has_suggestion
    return outcomes, suggestions


def record_outcome(citation: Citation, result, version: DocumentVersion, taken: set):
    """Apply one re-anchoring result to ``citation`` and save it."""
    citation.checked_at = timezone.now()
    anchor = result.anchor
    key = anchor and (citation.content_type_id, citation.object_id, citation.field)
    if anchor is not None and (*key, anchor.start, anchor.end) in taken:
        # Another citation of the same claim already landed on this passage: a curator
        # decides (usually: retire this one).
        result = reanchoring.Reanchored(
            reanchoring.CHANGED,
            suggestion=reanchoring.NearMatch(
                anchor.quote, anchor.start, anchor.end, anchor.prefix, anchor.suffix, 1.0
            ),
        )
        anchor = None
    if anchor is not None:
        taken.add((*key, anchor.start, anchor.end))
        # A move stays a move until a curator confirms it, even if nothing changed since.
        moved = reanchoring.MOVED in (result.status, citation.status)
        if moved and citation.status != Citation.Status.MOVED:
            citation.previous_version = citation.version
            citation.previous_prefix, citation.previous_suffix = citation.prefix, citation.suffix
        elif not moved:
            citation.forget_previous_place()
        if citation.is_reviewed and not moved:
            # The same words in the same context: what the reviewer confirmed still holds.
            citation.reviewed_version = version
            citation.reviewed_start, citation.reviewed_end = anchor.start, anchor.end
        citation.version = version
        citation.start, citation.end = anchor.start, anchor.end
        citation.prefix, citation.suffix = anchor.prefix, anchor.suffix
        citation.status = Citation.Status.MOVED if moved else Citation.Status.VERIFIED
        citation.clear_suggestion()
    else:
        citation.status = result.status
        citation.forget_previous_place()
        citation.clear_suggestion()
        suggestion = result.suggestion
        if suggestion is not None:
            citation.suggested_version = version
            citation.suggested_quote = suggestion.quote
            citation.suggested_start, citation.suggested_end = suggestion.start, suggestion.end
            citation.suggested_prefix = suggestion.prefix
            citation.suggested_suffix = suggestion.suffix
            citation.suggestion_score = suggestion.score
    citation.save()
