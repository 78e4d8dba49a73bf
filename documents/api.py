"""Read API: source documents, their versions, and citations (registered in ``api/urls.py``)."""

from api.schema import SLUG_PATTERN, slug_example
from api.viewsets import ReadOnlyApiViewSet
from documents import selectors
from documents.filters import CitationFilter, DocumentFilter, VersionFilter
from documents.serializers import (
    CitationSerializer,
    DocumentSerializer,
    VersionDetailSerializer,
    VersionSerializer,
)


@slug_example("nato-relations-serbia")
class DocumentViewSet(ReadOnlyApiViewSet):
    """The public texts the claims are quoted from, with their publisher and current version."""

    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN

    def get_queryset(self):
        return selectors.api_documents()


class VersionViewSet(ReadOnlyApiViewSet):
    """Retrieved texts of the documents. The detail includes the normalised text that the
    citations' offsets refer to."""

    filterset_class = VersionFilter

    def get_queryset(self):
        return selectors.api_versions(with_text=self.action == "retrieve")

    def get_serializer_class(self):
        return VersionDetailSerializer if self.action == "retrieve" else VersionSerializer


class CitationViewSet(ReadOnlyApiViewSet):
    """Passages that support claims (verified or moved citations only), each with the claim
    it supports."""

    serializer_class = CitationSerializer
    filterset_class = CitationFilter

    def get_queryset(self):
        return selectors.api_citations()
