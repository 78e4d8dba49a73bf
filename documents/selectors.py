"""Reads of provenance, shared by the public pages and the API.

A claim is shown to the public only when it is published, with the records it depends on
(``Publishable`` in ``editorial/models.py``), and at least one of its citations supports
it (``verified`` or ``moved``); its sources are those citations, fetched in one query per
list with the document and publisher they need. Staff previews see drafts too.
"""

from dataclasses import dataclass, field
from string import ascii_lowercase

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from documents.claims import claim_models, claims_prefetch
from documents.models import Citation, DocumentVersion, SourceDocument
from documents.permalinks import former_citations_in
from documents.typesetting import TypesetBlock, typeset

SOURCES = "sources"
# A source shows its quote, offsets and document, never the document's whole text: lists
# of claims leave the versions' texts in the database.
PASSAGE_ONLY = tuple(f"version__{name}" for name in DocumentVersion.TEXTS)


def supporting_citations(preview: bool = False) -> QuerySet:
    """Public citations (with ``preview``, every supporting one, reviewed or not), with
    their version, document and publisher but no full text."""
    citations = Citation.objects.supporting() if preview else Citation.objects.public()
    return (
        citations.select_related("version__document__publisher")
        .defer(*PASSAGE_ONLY)
        .order_by("version__document__title", "start")
    )


def with_sources(queryset: QuerySet, lookup: str = "citations", preview: bool = False):
    """Prefetch the public citations of each claim into ``claim.sources`` (with
    ``preview``, the supporting ones)."""
    return queryset.prefetch_related(
        Prefetch(lookup, queryset=supporting_citations(preview), to_attr=SOURCES)
    )


def only_supported(queryset: QuerySet, preview: bool = False) -> QuerySet:
    """Keep the published claims that at least one supporting citation backs (with
    ``preview``, the claims not taken down, whatever their state)."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    queryset = queryset.previewable() if preview else queryset.published()
    citations = Citation.objects.supporting() if preview else Citation.objects.public()
    return queryset.filter(
        Exists(citations.filter(content_type=content_type, object_id=OuterRef("pk")))
    )


def public_claims(queryset: QuerySet, preview: bool = False) -> QuerySet:
    """What the public sees of a set of claims: the published and supported ones, with
    their sources."""
    return with_sources(only_supported(queryset, preview=preview), preview=preview)


def of_public_claims(citations: QuerySet) -> QuerySet:
    """Keep the citations whose claim the public may see: a draft's passages stay hidden
    on document pages and in the API too."""
    public = Q()
    for model in claim_models():
        public |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=model.objects.published().values("pk"),
        )
    return citations.filter(public)


@dataclass
class Footnote:
    """One passage of a document, as a page's note: every claim it supports refers to it."""

    number: int
    citation: Citation  # the first of the page's citations of this passage
    references: list[str] = field(default_factory=list)  # the ids of the claims' references
    same_document: bool = False  # as the note before: no need to say its publisher again

    @property
    def back_links(self) -> list[tuple[str, str]]:
        """(reference id, letter) for each claim's reference; letters only when several."""
        if len(self.references) == 1:
            return [(self.references[0], "")]
        return [(ref, ascii_lowercase[i % 26]) for i, ref in enumerate(self.references)]


def number_footnotes(claims) -> list[Footnote]:
    """Number the passages the sources of ``claims`` quote, in the order they are first
    cited: one note per passage, whatever the number of claims it supports. Each citation
    gets its note's number (``citation.footnote``) and the id of its reference in the text
    (``citation.reference``)."""
    notes: dict[tuple, Footnote] = {}
    for claim in claims:
        for citation in getattr(claim, SOURCES, []):
            key = (citation.version_id, citation.start, citation.end)
            note = notes.get(key)
            if note is None:
                note = notes[key] = Footnote(number=len(notes) + 1, citation=citation)
            citation.footnote = note.number
            citation.reference = f"ref-{note.number}" + (
                f"-{len(note.references) + 1}" if note.references else ""
            )
            note.references.append(citation.reference)
    footnotes = list(notes.values())
    for previous, note in zip(footnotes, footnotes[1:], strict=False):
        note.same_document = previous.citation.version_id == note.citation.version_id
    return footnotes


# Documents ---------------------------------------------------------------------------


def document_list() -> QuerySet:
    """The documents the public may see (those with a published version), each with its
    current version."""
    return (
        SourceDocument.objects.public()
        .select_related("publisher")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=DocumentVersion.objects.filter(is_current=True).defer(
                    *DocumentVersion.TEXTS
                ),
                to_attr="current_versions",
            )
        )
    )


@dataclass
class Passage:
    """A run of a document's text, cited by the ``citations`` that cover all of it."""

    text: str
    citations: list = field(default_factory=list)
    anchors: list = field(default_factory=list)  # citations that start here

    @property
    def is_former(self) -> bool:
        """Only passages the version showed once, whose citations stand elsewhere now."""
        return all(getattr(citation, "is_former", False) for citation in self.citations)


@dataclass
class DocumentPage:
    document: SourceDocument
    version: DocumentVersion
    versions: list
    passages: list[Passage]
    citations: list[Citation]
    #: The text as published, in blocks, when the version keeps it (``published_blocks``).
    blocks: list[TypesetBlock] | None = None
    #: on an earlier version: the passages it showed whose citations have moved on or
    #: been settled since, each with what became of it (``documents.permalinks``)
    former: list = field(default_factory=list)

    @property
    def current_version(self) -> DocumentVersion | None:
        return next((v for v in self.versions if v.is_current), None)


def public_citations() -> QuerySet:
    """Supporting citations whose claim the public may see, each with its ``claim``: one
    query, then one per kind of claim."""
    return (
        of_public_claims(Citation.objects.public())
        .select_related("content_type")
        .prefetch_related(claims_prefetch())
    )


def public_citations_in(versions) -> list[Citation]:
    """The supporting citations in ``versions`` whose claim the public may see, each with
    its ``claim``, in text order: one query, then one per kind of claim cited, each limited
    to the claims cited. Unlike filtering by ``of_public_claims``, which makes the database
    gather every published claim of every kind, the cost follows the versions' citations,
    not the size of the corpus."""
    citations = (
        Citation.objects.public()
        .filter(version__in=versions)
        .select_related("content_type")
        .prefetch_related(claims_prefetch(published=True))
        .order_by("start", "end", "pk")
    )
    return [citation for citation in citations if citation.claim is not None]


def split_into_passages(text: str, citations: list[Citation]) -> list[Passage]:
    """Cut ``text`` at every citation boundary; each piece knows which citations cover it."""
    boundaries = sorted({0, len(text), *(c.start for c in citations), *(c.end for c in citations)})
    passages = []
    for start, end in zip(boundaries, boundaries[1:], strict=False):
        covering = [c for c in citations if c.start <= start and end <= c.end]
        passages.append(
            Passage(
                text=text[start:end],
                citations=covering,
                anchors=[c for c in covering if c.start == start],
            )
        )
    return passages


def published_blocks(version: DocumentVersion, citations: list[Citation]):
    """The version's text as published — typography, paragraphs, lists and headings — with
    the citations placed on it, or ``None`` when only the normalised text is kept (a
    version imported before the published text was kept, or one whose published text does
    not normalise to its stored text)."""
    if not version.published_text:
        return None
    return typeset(version.published_text, version.text, citations)


def document_page(slug: str, number: int | None = None, preview: bool = False) -> DocumentPage:
    """A document's page: its current version, or version ``number``, and the published
    versions. The public never sees a pending or discarded version, nor a document without
    a published one; staff previews (``preview``) see every version."""
    documents = SourceDocument.objects.all() if preview else SourceDocument.objects.public()
    document = get_object_or_404(documents.select_related("publisher"), slug=slug)
    versions = document.versions.all() if preview else document.versions.published()
    versions = list(versions.defer(*DocumentVersion.TEXTS).order_by("-number"))
    if number is None:
        version = next((v for v in versions if v.is_current), versions[0] if versions else None)
    else:
        version = next((v for v in versions if v.number == number), None)
    if version is None:
        raise Http404("No such version of this document.")
    version = DocumentVersion.objects.get(pk=version.pk)
    citations = public_citations_in([version])
    former = [] if version.is_current else former_citations_in(version, versions, citations)
    blocks = published_blocks(version, [*citations, *former])
    return DocumentPage(
        document=document,
        version=version,
        versions=versions,
        passages=[] if blocks else split_into_passages(version.text, [*citations, *former]),
        citations=citations,
        former=former,
        blocks=blocks,
    )


# Read API ----------------------------------------------------------------------------


def api_citations() -> QuerySet:
    """Supporting citations, each with its passage, document, publisher and claim."""
    return (
        public_citations()
        .select_related("version__document__publisher")
        .defer(*PASSAGE_ONLY)
        .order_by("pk")
    )


def api_documents() -> QuerySet:
    translations = Prefetch("translations", queryset=SourceDocument.objects.public())
    return document_list().prefetch_related(translations).order_by("title", "pk")


def api_versions(with_text: bool = False) -> QuerySet:
    versions = (
        DocumentVersion.objects.published()
        .select_related("document")
        .order_by("document__slug", "-number", "pk")
    )
    if with_text:
        return versions.defer("raw", "published_text")
    return versions.defer(*DocumentVersion.TEXTS)
