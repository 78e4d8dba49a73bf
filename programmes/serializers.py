"""Programmes and participations in the read API, each with the passages behind it."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.fields import PageUrlField
from documents.serializers import SourceSerializer
from partners.serializers import PartnerRefSerializer, ProgrammeRefSerializer, precise_date
from programmes.models import Participation, Programme


class ProgrammeSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:programme-detail", lookup_field="slug"
    )
    page_url = PageUrlField()
    run_by = PartnerRefSerializer(read_only=True, allow_null=True)
    parent = ProgrammeRefSerializer(
        read_only=True, allow_null=True, help_text=_("The programme this one is part of.")
    )
    start = precise_date(_("When the programme began."))
    end = precise_date(_("When it ended; null while it lasts."))
    sources = SourceSerializer(many=True, read_only=True)

    class Meta:
        model = Programme
        fields = [
            "slug",
            "url",
            "page_url",
            "kind",
            "name",
            "acronym",
            "run_by",
            "parent",
            "start",
            "end",
            "description",
            "sources",
        ]


class ParticipationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:participation-detail")
    page_url = PageUrlField()
    partner = PartnerRefSerializer(read_only=True)
    programme = ProgrammeRefSerializer(read_only=True)
    start = precise_date(_("When the partner began to take part."))
    end = precise_date(_("When it stopped; null while it lasts."))
    sources = SourceSerializer(many=True, read_only=True)

    class Meta:
        model = Participation
        fields = [
            "id",
            "url",
            "page_url",
            "partner",
            "programme",
            "role",
            "status",
            "start",
            "end",
            "note",
            "sources",
        ]
