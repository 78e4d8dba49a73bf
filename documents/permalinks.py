"""Permanent passage links: one address per citation (``/fr/passages/42/``) that always
answers, and what became of a passage since a version showed it.

A citation the public sees now is at its place on its version's page: the address leads
there. Any other citation the public once saw (a reviewer confirmed it in some version,
``CitationAnchor.reviewed_at``) has a page of its own: the passage as it was last shown,
and what became of it — moved and awaiting review, no longer found in a newer version
(orphaned, or several places and none to decide), retired, or replaced by another
citation. A citation the public never saw, or whose claim it may not see (a draft, a
record taken down), is a 404 like an address that names nothing.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from documents.claims import CLAIM_KINDS, claims_prefetch
from documents.models import Citation, CitationAnchor, DocumentVersion

NO_TEXT = DocumentVersion.TEXTS
NOT_PUBLIC = _("No public passage has this number.")


class Fate:
    """What became of a passage since a version showed it."""

    CURRENT = "current"  # shown now, in ``Whereabouts.version``
    AWAITING_REVIEW = "awaiting_review"  # moved or re-quoted; a reviewer has to confirm it
    ORPHANED = "orphaned"  # the quote is not in ``Whereabouts.version`` any more
    CHANGED = "changed"  # in several places of ``Whereabouts.version``, none to decide
    RETIRED = "retired"  # no longer support (``Whereabouts.date``)
    REPLACED = "replaced"  # retired for ``Whereabouts.replacement``


@dataclass(frozen=True)
class Whereabouts:
    fate: str
    #: where the citation stands now (current, awaiting review), or the first version
    #: that no longer held it (orphaned, changed); None when none says
    version: DocumentVersion | None = None
    replacement: Citation | None = None
    date: datetime | None = None

    @property
    def replacement_url(self) -> str:
        return self.replacement.get_permanent_url() if self.replacement else ""


def is_public(citation: Citation) -> bool:
    """Supporting and reviewed where it stands (``Citation.objects.public()``); its
    claim is checked apart."""
    return citation.is_supporting and citation.is_reviewed


def whereabouts(citation: Citation, versions) -> Whereabouts:
    """What became of ``citation``, told by its status and the ``versions`` of its
    document (without their text; no query)."""
    here = next((v for v in versions if v.pk == citation.version_id), None)
    if here is None:  # re-pointed to another document's version by a curator
        here = citation.version
    if citation.is_supporting:
        return Whereabouts(Fate.CURRENT if is_public(citation) else Fate.AWAITING_REVIEW, here)
    if citation.status == Citation.Status.RETIRED:
        replacement = citation.replaced_by
        if replacement is not None and is_public(replacement):
            return Whereabouts(Fate.REPLACED, here, replacement, citation.checked_at)
        return Whereabouts(Fate.RETIRED, here, date=citation.checked_at)
    # Orphaned or changed: the quote stays where it was last found; the next version of
    # those the public has (none past the current one) is the one that lost it.
    last = next((v.number for v in versions if v.is_current), None)
    later = sorted(
        (v for v in versions if here.number < v.number and (last is None or v.number <= last)),
        key=lambda v: v.number,
    )
    fate = Fate.ORPHANED if citation.status == Citation.Status.ORPHANED else Fate.CHANGED
    return Whereabouts(fate, later[0] if later else None)


# The permanent address -----------------------------------------------------------------


@dataclass
class PassageLink:
    """What the permanent address of a citation the public no longer sees shows."""

    citation: Citation
    claim: object  # published; ``claim.is_supported`` says whether its page is public
    shown: CitationAnchor  # the last place the public saw it
    whereabouts: Whereabouts
    current_version: DocumentVersion | None

    @property
    def document(self):
        return self.shown.version.document


def visible_claim(citation: Citation):
    """The claim of ``citation`` if the public may see it (published, with what it
    depends on), with ``is_supported``: whether any public citation backs it, so that its
    page exists; else None. One query."""
    model = citation.content_type.model_class()
    kind = next((kind for kind in CLAIM_KINDS if kind.model is model), None)
    if kind is None:
        return None
    claims = model.objects.published().filter(pk=citation.object_id)
    if kind.shown_with:
        claims = claims.select_related(*kind.shown_with)
    support = Citation.objects.public().filter(
        content_type_id=citation.content_type_id, object_id=OuterRef("pk")
    )
    return claims.annotate(is_supported=Exists(support)).first()


def passage_link(pk: int) -> str | PassageLink:
    """The address of the passage where the public sees it now, or what the permanent
    page of a passage it once saw shows. Raises Http404 for a citation the public never
    saw. At most four queries, whatever the size of the record."""
    citation = (
        Citation.objects.select_related("content_type", "version__document", "replaced_by")
        .defer(*(f"version__{name}" for name in NO_TEXT))
        .filter(pk=pk)
        .first()
    )
    claim = citation and visible_claim(citation)
    if claim is None:
        raise Http404(NOT_PUBLIC)
    if is_public(citation):
        return citation.get_absolute_url()
    shown = (
        citation.anchors.reviewed()
        .select_related("version__document__publisher")
        .defer(*(f"version__{name}" for name in NO_TEXT))
        .order_by("-version__number", "-pk")
        .first()
    )
    if shown is None:
        raise Http404(NOT_PUBLIC)
    versions = list(citation.version.document.versions.defer(*NO_TEXT).order_by("number"))
    return PassageLink(
        citation=citation,
        claim=claim,
        shown=shown,
        whereabouts=whereabouts(citation, versions),
        current_version=next((v for v in versions if v.is_current), None),
    )


# Earlier versions' pages -----------------------------------------------------------------


@dataclass
class FormerCitation:
    """A passage a version showed, whose citation stands elsewhere now or was settled: as
    it was anchored in that version (``documents.selectors.split_into_passages`` reads
    ``start`` and ``end``), with what became of it."""

    citation: Citation
    anchor: CitationAnchor
    whereabouts: Whereabouts

    is_former = True

    @property
    def start(self):
        return self.anchor.start

    @property
    def end(self):
        return self.anchor.end

    @property
    def quote(self):
        return self.anchor.quote

    @property
    def anchor_id(self):
        return self.citation.anchor_id

    @property
    def claim(self):
        return self.citation.claim


def former_citations_in(version, versions, standing) -> list[FormerCitation]:
    """The passages the public saw in ``version`` whose citation is not among
    ``standing`` (those shown there now), their claim still public: one query, then one
    per kind of claim."""
    anchors = list(
        CitationAnchor.objects.reviewed()
        .filter(version=version)
        .exclude(citation__in=[citation.pk for citation in standing])
        .select_related("citation__content_type", "citation__replaced_by")
        .prefetch_related(claims_prefetch(published=True, lookup="citation__claim"))
        .order_by("start", "end", "pk")
    )
    return [
        FormerCitation(anchor.citation, anchor, whereabouts(anchor.citation, versions))
        for anchor in anchors
        if anchor.citation.claim is not None
    ]
