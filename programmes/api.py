"""Read API: programmes and participations (registered in ``api/urls.py``)."""

from api.schema import SLUG_PATTERN, slug_example
from api.viewsets import ReadOnlyApiViewSet
from programmes import selectors
from programmes.filters import ParticipationFilter, ProgrammeFilter
from programmes.serializers import ParticipationSerializer, ProgrammeSerializer


@slug_example("pfp")
class ProgrammeViewSet(ReadOnlyApiViewSet):
    """Frameworks, programmes, trust funds, initiatives, centres and missions."""

    serializer_class = ProgrammeSerializer
    filterset_class = ProgrammeFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN

    def get_queryset(self):
        return selectors.api_programmes()


class ParticipationViewSet(ReadOnlyApiViewSet):
    """Partners' parts in programmes, with role, dates and sources.
    "Which programmes did Serbia take part in on 2010-01-01":
    ``?partner=serbia&as_of=2010-01-01``."""

    serializer_class = ParticipationSerializer
    filterset_class = ParticipationFilter

    def get_queryset(self):
        return selectors.api_participations()
