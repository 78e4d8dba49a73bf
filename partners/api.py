"""Read API: partners, relationships and events (registered in ``api/urls.py``)."""

from api.schema import SLUG_PATTERN, slug_example
from api.viewsets import ReadOnlyApiViewSet
from partners import selectors
from partners.filters import EventFilter, PartnerFilter, RelationshipFilter
from partners.serializers import EventSerializer, PartnerSerializer, RelationshipSerializer


@slug_example("serbia")
class PartnerViewSet(ReadOnlyApiViewSet):
    """States, organisations and agencies, each with the passages that back it.
    Only partners that at least one verified or moved citation supports are listed."""

    serializer_class = PartnerSerializer
    filterset_class = PartnerFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN

    def get_queryset(self):
        return selectors.api_partners()


@slug_example("nato-serbia")
class RelationshipViewSet(ReadOnlyApiViewSet):
    """Ordered pairs of partners (NATO and Serbia…), with status, dates and sources."""

    serializer_class = RelationshipSerializer
    filterset_class = RelationshipFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN

    def get_queryset(self):
        return selectors.api_relationships()


@slug_example("nato-serbia-2006-pfp-accession")
class EventViewSet(ReadOnlyApiViewSet):
    """Dated milestones of relationships, at the precision the sources give."""

    serializer_class = EventSerializer
    filterset_class = EventFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN

    def get_queryset(self):
        return selectors.api_events()
