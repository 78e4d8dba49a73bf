"""Filters of the read API for partners, relationships and events."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from api.filters import FilterSet, StableOrderingFilter
from partners.models import Event, EventKind, Partner, Relationship
from periods.filters import PeriodFilterSet, period_bound_filter
from programmes.models import Programme
from programmes.selectors import supported_participations
from search.filters import api_query, full_text_filter
from search.models import Entry
from search.selectors import matching_records


def partner_filter(help_text, **kwargs):
    return django_filters.ModelChoiceFilter(
        queryset=Partner.objects.all(), to_field_name="slug", help_text=help_text, **kwargs
    )


def programme_filter(help_text, **kwargs):
    return django_filters.ModelChoiceFilter(
        queryset=Programme.objects.all(), to_field_name="slug", help_text=help_text, **kwargs
    )


class PartnerFilter(FilterSet):
    kind = django_filters.ChoiceFilter(choices=Partner.Kind.choices)
    status = django_filters.ChoiceFilter(choices=Partner.Status.choices)
    iso_code = django_filters.CharFilter(
        lookup_expr="iexact", help_text=_("ISO 3166 alpha-2 code of a state, e.g. RS.")
    )
    programme = programme_filter(
        _("Slug of a programme: partners that take part in it."), method="filter_programme"
    )
    q = full_text_filter()
    ordering = StableOrderingFilter(fields=["name", "slug", "kind"])

    class Meta:
        model = Partner
        fields = []

    def filter_programme(self, queryset, name, value: Programme):
        return queryset.filter(
            Exists(supported_participations().filter(partner=OuterRef("pk"), programme=value))
        )

    def filter_q(self, queryset, name, value: str):
        return matching_records(queryset, Entry.Kind.PARTNER, api_query(value))


class RelationshipFilter(PeriodFilterSet):
    partner = partner_filter(
        _("Slug of a partner, on either side of the relationship."), method="filter_partner"
    )
    subject = partner_filter(_("Slug of the subject partner (NATO, France…)."))
    counterpart = partner_filter(_("Slug of the counterpart partner (Serbia, the OSCE…)."))
    status = django_filters.ChoiceFilter(choices=Relationship.Status.choices)
    q = full_text_filter()
    ordering = StableOrderingFilter(
        fields=["title", "slug", ("start_date", "start"), ("end_date", "end")],
        nulls_last=["start_date", "end_date"],
    )

    class Meta:
        model = Relationship
        fields = []

    def filter_partner(self, queryset, name, value: Partner):
        return queryset.involving(value)

    def filter_q(self, queryset, name, value: str):
        return matching_records(queryset, Entry.Kind.RELATIONSHIP, api_query(value))


class EventFilter(FilterSet):
    relationship = django_filters.ModelChoiceFilter(
        queryset=Relationship.objects.all(), to_field_name="slug", help_text=_("Relationship slug.")
    )
    partner = partner_filter(
        _("Slug of a partner: on either side of the event's relationship, or involved in it."),
        method="filter_partner",
    )
    subject = partner_filter(
        _("Slug of the subject of the event's relationship."), field_name="relationship__subject"
    )
    counterpart = partner_filter(
        _("Slug of the counterpart of the event's relationship."),
        field_name="relationship__counterpart",
    )
    programme = programme_filter(_("Slug of the programme the event belongs to."))
    kind = django_filters.ChoiceFilter(choices=EventKind.choices)
    date_after = period_bound_filter(
        "start", "after", _("YYYY-MM-DD: the event may fall on or after this day.")
    )
    date_before = period_bound_filter(
        "start", "before", _("YYYY-MM-DD: the event may fall on or before this day.")
    )
    q = full_text_filter()
    ordering = StableOrderingFilter(fields=[("start_date", "date"), "title", "slug"])

    class Meta:
        model = Event
        fields = []

    filter_period_after = PeriodFilterSet.filter_period_after
    filter_period_before = PeriodFilterSet.filter_period_before

    def filter_partner(self, queryset, name, value: Partner):
        involved = Event.partners.through.objects.filter(partner=value).values("event_id")
        return queryset.filter(
            Q(relationship__subject=value) | Q(relationship__counterpart=value) | Q(pk__in=involved)
        )

    def filter_q(self, queryset, name, value: str):
        return matching_records(queryset, Entry.Kind.EVENT, api_query(value))
