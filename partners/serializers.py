"""Partners, relationships and events in the read API, each with the passages behind it.

The small "reference" serializers (a partner or a programme named inside another record) and
dates with precision live here because programmes' serializers build on them too.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import PageUrlField, SharedPerAnswer
from documents.serializers import SourceSerializer
from partners.models import Event, Partner, PartnerAlias, Relationship
from periods.dates import DatePrecision
from programmes.models import Programme


class PreciseDateSerializer(serializers.Serializer):
    """A date known to a year, a month or a day, with the period it stands for."""

    value = serializers.CharField(
        source="isoformat", help_text=_('At its precision: "2006", "2006-12" or "2019-06-07".')
    )
    precision = serializers.ChoiceField(choices=DatePrecision.choices)
    first_day = serializers.DateField(help_text=_("First day of the period."))
    last_day = serializers.DateField(help_text=_("Last day of the period."))


def precise_date(help_text) -> PreciseDateSerializer:
    """A date-with-precision property of the model (``start``, ``end``, ``date``), or null."""
    return PreciseDateSerializer(read_only=True, allow_null=True, help_text=help_text)


class PartnerRefSerializer(SharedPerAnswer, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:partner-detail", lookup_field="slug")

    class Meta:
        model = Partner
        fields = ["slug", "url", "name", "acronym"]


class ProgrammeRefSerializer(SharedPerAnswer, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:programme-detail", lookup_field="slug"
    )

    class Meta:
        model = Programme
        fields = ["slug", "url", "name", "acronym"]


class RelationshipRefSerializer(SharedPerAnswer, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:relationship-detail", lookup_field="slug"
    )

    class Meta:
        model = Relationship
        fields = ["slug", "url", "title"]


class AliasSerializer(serializers.ModelSerializer):
    class Meta:
        model = PartnerAlias
        fields = ["name", "language"]


class PartnerSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:partner-detail", lookup_field="slug")
    page_url = PageUrlField()
    aliases = AliasSerializer(many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)

    class Meta:
        model = Partner
        fields = [
            "slug",
            "url",
            "page_url",
            "kind",
            "name",
            "short_name",
            "acronym",
            "iso_code",
            "description",
            "status",
            "aliases",
            "sources",
        ]


class RelationshipSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:relationship-detail", lookup_field="slug"
    )
    page_url = PageUrlField()
    subject = PartnerRefSerializer(read_only=True)
    counterpart = PartnerRefSerializer(read_only=True)
    start = precise_date(_("When the relationship began."))
    end = precise_date(_("When it ended; null while it lasts."))
    sources = SourceSerializer(many=True, read_only=True)

    class Meta:
        model = Relationship
        fields = [
            "slug",
            "url",
            "page_url",
            "subject",
            "counterpart",
            "title",
            "summary",
            "status",
            "start",
            "end",
            "sources",
        ]


class FigureSerializer(serializers.Serializer):
    quantity = serializers.DecimalField(
        source="figure_quantity", max_digits=14, decimal_places=2, coerce_to_string=False
    )
    unit = serializers.CharField(source="figure_unit")


class EventSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:event-detail", lookup_field="slug")
    page_url = PageUrlField()
    relationship = RelationshipRefSerializer(read_only=True)
    date = precise_date(_("When it happened, at the precision the source gives."))
    end = precise_date(_("When it ended, for an event that lasted."))
    partners = PartnerRefSerializer(many=True, read_only=True)
    programme = ProgrammeRefSerializer(read_only=True, allow_null=True)
    figure = serializers.SerializerMethodField(
        help_text=_('A figure the source gives: "1.4 million anti-personnel mines destroyed".')
    )
    sources = SourceSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "slug",
            "url",
            "page_url",
            "relationship",
            "kind",
            "title",
            "description",
            "date",
            "end",
            "place",
            "partners",
            "programme",
            "figure",
            "sources",
        ]

    @extend_schema_field(FigureSerializer(allow_null=True))
    def get_figure(self, event):
        if event.figure_quantity is None:
            return None
        return FigureSerializer(event).data
