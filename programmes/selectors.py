"""Reads of programmes and participations, shared by the public pages and the API."""

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404

from documents.selectors import (
    number_footnotes,
    only_supported,
    public_claims,
)
from programmes.models import Participation, Programme


def public_participations(preview: bool = False) -> QuerySet:
    return public_claims(
        Participation.objects.select_related("partner", "programme__run_by"), preview=preview
    ).order_by("start_date", "programme__name", "pk")


def public_programmes() -> QuerySet:
    return public_claims(Programme.objects.select_related("run_by", "parent"))


def programme_list() -> QuerySet:
    supported = supported_participations().values("pk")
    # Lists show no footnotes: supported programmes, without their sources.
    return (
        only_supported(Programme.objects.select_related("run_by", "parent"))
        .annotate(
            participant_count=Count(
                "participations__partner",
                filter=Q(participations__pk__in=supported),
                distinct=True,
            )
        )
        .order_by("name")
    )


@dataclass
class ProgrammePage:
    programme: Programme
    children: list[Programme]
    participations: list[Participation]
    footnotes: list


def programme_page(slug: str) -> ProgrammePage:
    programme = get_object_or_404(public_programmes(), slug=slug)
    children = list(public_programmes().filter(parent=programme).order_by("name"))
    participations = list(
        public_participations().filter(programme=programme).order_by("start_date", "partner__name")
    )
    return ProgrammePage(
        programme=programme,
        children=children,
        participations=participations,
        footnotes=number_footnotes([programme, *participations]),
    )


# Read API ----------------------------------------------------------------------------


def api_programmes() -> QuerySet:
    return public_programmes().order_by("name", "pk")


def api_participations() -> QuerySet:
    return public_participations().order_by(
        F("start_date").asc(nulls_last=True), "programme__name", "partner__name", "pk"
    )


def supported_participations() -> QuerySet:
    """Participations the public may see, for filtering partners and programmes by them."""
    return only_supported(Participation.objects.all())
