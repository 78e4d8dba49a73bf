"""The documents app's models: ``sources`` (documents and their versions),
``citations`` (the passages that back each claim, curated in ``curation``) and ``anchors``
(where each citation stood in each version)."""

from documents.models.anchors import CitationAnchor
from documents.models.citations import (
    ANCHOR_ERROR_MESSAGES,
    Citation,
    CitationForReview,
    CitationQuerySet,
    CitationStatus,
)
from documents.models.sources import DocumentVersion, SourceDocument, VersionStatus

__all__ = [
    "ANCHOR_ERROR_MESSAGES",
    "Citation",
    "CitationAnchor",
    "CitationForReview",
    "CitationQuerySet",
    "CitationStatus",
    "DocumentVersion",
    "SourceDocument",
    "VersionStatus",
]
