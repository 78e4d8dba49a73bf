"""Reads of partners, relationships and events, shared by the public pages and the API."""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Count,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from documents.selectors import (
    number_footnotes,
    only_supported,
    public_claims,
)
from partners.models import Event, Partner, Relationship
from periods.queries import in_force_on
from programmes.models import Participation, Programme
from programmes.selectors import (
    public_participations,
    public_programmes,
    supported_participations,
)


def involved_partners(preview: bool = False) -> Prefetch:
    """An event's partners, less those the public may not see."""
    partners = Partner.objects.all()
    partners = partners.previewable() if preview else partners.published()
    return Prefetch("partners", queryset=partners)


def public_events(preview: bool = False) -> QuerySet:
    return public_claims(
        Event.objects.select_related(
            "relationship__subject", "relationship__counterpart", "programme"
        ).prefetch_related(involved_partners(preview)),
        preview=preview,
    ).order_by("start_date", "pk")


def public_relationships(preview: bool = False) -> QuerySet:
    return public_claims(
        Relationship.objects.select_related("subject", "counterpart"), preview=preview
    )


def public_partners() -> QuerySet:
    return public_claims(Partner.objects.prefetch_related("aliases"))


def latest_events(count: int = 8) -> list[Event]:
    events = only_supported(Event.objects.select_related("relationship"))
    return list(events.order_by("-start_date", "-pk")[:count])


@dataclass
class RelationshipPage:
    relationship: Relationship
    events: list[Event]
    participations: list[Participation]
    figures: list[Event]
    footnotes: list


def relationship_page(slug: str, preview: bool = False) -> RelationshipPage:
    """A relationship with its timeline, the counterpart's programmes and numbered footnotes.
    A fixed number of queries, whatever the number of events or citations.

    ``preview``: the page as it would look once published, for staff — drafts and records
    in review are shown as if published (unpublished ones stay out)."""
    relationship = get_object_or_404(public_relationships(preview), slug=slug)
    events = list(public_events(preview).filter(relationship=relationship))
    participations = list(
        public_participations(preview).filter(partner=relationship.counterpart_id)
    )
    footnotes = number_footnotes([relationship, *events, *participations])
    return RelationshipPage(
        relationship=relationship,
        events=events,
        participations=participations,
        figures=[event for event in events if event.figure_quantity is not None],
        footnotes=footnotes,
    )


@dataclass
class PartnerPage:
    partner: Partner
    relationships: list[Relationship]
    participations: list[Participation]
    footnotes: list


def partner_page(slug: str) -> PartnerPage:
    partner = get_object_or_404(public_partners(), slug=slug)
    relationships = list(public_relationships().filter(Q(subject=partner) | Q(counterpart=partner)))
    participations = list(public_participations().filter(partner=partner))
    return PartnerPage(
        partner=partner,
        relationships=relationships,
        participations=participations,
        footnotes=number_footnotes([partner, *participations]),
    )


def partner_list() -> QuerySet:
    """Supported partners, without their sources (lists show no footnotes)."""
    return only_supported(Partner.objects.prefetch_related("aliases")).order_by("name")


def count_of(queryset: QuerySet, **outer) -> Coalesce:
    """How many rows of ``queryset`` match the outer row (``field="pk"``), as a subquery."""
    counted = (
        queryset.filter(**{field: OuterRef(name) for field, name in outer.items()})
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def featured_partners(count: int = 12) -> list[Partner]:
    """The partners with the most public ties — relationships on either side, programme
    participations — first; then by name."""
    relationships = only_supported(Relationship.objects.all())
    participations = supported_participations()
    return list(
        partner_list()
        .annotate(
            ties=count_of(relationships, subject="pk")
            + count_of(relationships, counterpart="pk")
            + count_of(participations, partner="pk")
        )
        .order_by("-ties", "name")[:count]
    )


@dataclass
class Totals:
    """What the public can read, counted, and when the last of it changed."""

    partners: int = 0
    relationships: int = 0
    events: int = 0
    programmes: int = 0
    participations: int = 0
    last_changed: datetime.datetime | None = None


def public_kinds() -> dict:
    """Every kind of record the public reads, by the name the totals give it."""
    return {
        "partners": Partner,
        "relationships": Relationship,
        "events": Event,
        "programmes": Programme,
        "participations": Participation,
    }


def totals() -> Totals:
    """One query: a row per kind of record, with its count and its latest change."""
    kinds = public_kinds()
    rows = [
        only_supported(model.objects.all())
        .order_by()
        .annotate(counted=Value(kind))
        .values("counted")
        .annotate(n=Count("pk"), latest=Max("changed_at"))
        .values_list("counted", "n", "latest")
        for kind, model in kinds.items()
    ]
    result = Totals()
    for kind, number, latest in rows[0].union(*rows[1:], all=True):
        setattr(result, kind, number)
        if latest and (result.last_changed is None or latest > result.last_changed):
            result.last_changed = latest
    return result


def recent_changes(count: int = 50) -> list:
    """The public records changed last, newest first, of every kind (a query a kind)."""
    shown_with = {Event: ["relationship"], Participation: ["partner", "programme"]}
    changed = [
        record
        for model in public_kinds().values()
        for record in only_supported(
            model.objects.select_related(*shown_with.get(model, []))
        ).order_by("-changed_at", "-pk")[:count]
    ]
    return sorted(changed, key=lambda record: record.changed_at, reverse=True)[:count]


def relationship_list() -> QuerySet:
    return only_supported(Relationship.objects.select_related("subject", "counterpart")).order_by(
        "title"
    )


# Read API ----------------------------------------------------------------------------


def api_partners() -> QuerySet:
    return public_partners().order_by("name", "pk")


def api_relationships() -> QuerySet:
    return public_relationships().order_by("title", "pk")


def api_events() -> QuerySet:
    return public_events().order_by("start_date", "title", "pk")


def partner_network(kind: str = "", on: datetime.date | None = None) -> list[Participation]:
    """Who takes part in what: the public participations whose partner and programme are
    public too, optionally only programmes of one kind, or only participations in force
    ``on`` a day. One query."""
    participations = supported_participations().filter(
        partner__in=public_partners().values("pk"),
        programme__in=public_programmes().values("pk"),
    )
    if kind:
        participations = participations.filter(programme__kind=kind)
    if on:
        participations = in_force_on(participations, on)
    return list(
        participations.select_related("partner", "programme").order_by(
            "programme__name", "partner__name", "pk"
        )
    )
