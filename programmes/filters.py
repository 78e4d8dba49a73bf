"""Filters of the read API for programmes and participations."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from api.filters import StableOrderingFilter, text_search
from partners.filters import partner_filter, programme_filter
from partners.models import Partner
from periods.filters import PeriodFilterSet
from programmes.models import Participation, Programme
from programmes.selectors import supported_participations
from search.filters import api_query, full_text_filter
from search.models import Entry
from search.selectors import matching_records


class ProgrammeFilter(PeriodFilterSet):
    kind = django_filters.ChoiceFilter(choices=Programme.Kind.choices)
    run_by = partner_filter(_("Slug of the partner that runs the programme."))
    parent = programme_filter(_("Slug of the programme this one is part of."))
    partner = partner_filter(
        _("Slug of a partner: programmes it takes part in."), method="filter_partner"
    )
    q = full_text_filter()
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
        return matching_records(queryset, Entry.Kind.PROGRAMME, api_query(value))


class ParticipationFilter(PeriodFilterSet):
    partner = partner_filter(_("Slug of the partner taking part (e.g. serbia)."))
    programme = programme_filter(_("Slug of the programme (e.g. pfp)."))
    role = django_filters.ChoiceFilter(choices=Participation.Role.choices)
    status = django_filters.ChoiceFilter(choices=Participation.Status.choices)
    q = full_text_filter(
        _(
            "Names of the partner or of the programme (as the search finds them, or as "
            "written), or words of the note."
        )
    )
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
        # The names of its partner or programme as the search finds them (accents,
        # acronyms, aliases), or the words of its note and names as written.
        query = api_query(value)
        partners = matching_records(Partner.objects.all(), Entry.Kind.PARTNER, query)
        programmes = matching_records(Programme.objects.all(), Entry.Kind.PROGRAMME, query)
        written = [
            "note",
            "partner__name",
            "partner__acronym",
            "programme__name",
            "programme__acronym",
        ]
        return queryset.filter(
            Q(partner__in=partners)
            | Q(programme__in=programmes)
            | text_search(value, translated_fields=written)
        )
