"""The documents app's models: ``sources`` (documents and their versions) and
``citations`` (the passages that back each claim)."""

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
    "CitationForReview",
    "CitationQuerySet",
    "CitationStatus",
    "DocumentVersion",
    "SourceDocument",
    "VersionStatus",
]
