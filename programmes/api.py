"""Read API: programmes and participations (registered in ``config/api.py``)."""

from config.api_base import SLUG_PATTERN, ReadOnlyApiViewSet, slug_example
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
