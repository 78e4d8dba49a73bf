"""Filters of the read API for programmes and participations."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from config.api_base import StableOrderingFilter, search_filter, text_search
from partners.filters import PeriodFilterSet, partner_filter, programme_filter
from partners.models import Partner
from programmes.models import Participation, Programme
from programmes.selectors import supported_participations


class ProgrammeFilter(PeriodFilterSet):
    kind = django_filters.ChoiceFilter(choices=Programme.Kind.choices)
    run_by = partner_filter(_("Slug of the partner that runs the programme."))
    parent = programme_filter(_("Slug of the programme this one is part of."))
    partner = partner_filter(
        _("Slug of a partner: programmes it takes part in."), method="filter_partner"
    )
    q = search_filter()
    ordering = StableOrderingFilter(
        fields=["name", "slug", "kind", ("start_date", "start"), ("end_date", "end")],
        nulls_last=["start_date", "end_date"],
    )

    class Meta:
        model = Programme
        fields = []

    def filter_partner(self, queryset, name, value: Partner):
        return queryset.filter(
            Exists(supported_participations().filter(programme=OuterRef("pk"), partner=value))
        )

    def filter_q(self, queryset, name, value: str):
        return queryset.filter(text_search(value, translated_fields=["name", "acronym"]))


class ParticipationFilter(PeriodFilterSet):
    partner = partner_filter(_("Slug of the partner taking part (e.g. serbia)."))
    programme = programme_filter(_("Slug of the programme (e.g. pfp)."))
    role = django_filters.ChoiceFilter(choices=Participation.Role.choices)
    status = django_filters.ChoiceFilter(choices=Participation.Status.choices)
    q = search_filter()
    ordering = StableOrderingFilter(
        fields=[
            ("start_date", "start"),
            ("end_date", "end"),
            ("partner__name", "partner"),
            ("programme__name", "programme"),
            "role",
        ],
        nulls_last=["start_date", "end_date"],
    )

    class Meta:
        model = Participation
        fields = []

    def filter_q(self, queryset, name, value: str):
        return queryset.filter(
            text_search(
                value,
                translated_fields=[
                    "note",
                    "partner__name",
                    "partner__acronym",
                    "programme__name",
                    "programme__acronym",
                ],
            )
        )
