"""Lay out the partner–programme network as two columns joined by curves, for its SVG.

Partners on the left (most connected first), programmes on the right, each programme placed
near the mean position of its partners (one barycentre pass), which keeps most curves short
and few crossings, deterministically.
"""

from collections import defaultdict
from dataclasses import dataclass

WIDTH = 960
ROW = 18
TOP = 16
LEFT_X = 300
RIGHT_X = 660


@dataclass(frozen=True)
class Node:
    record: object
    x: int
    y: int


@dataclass(frozen=True)
class Link:
    participation: object
    source: Node
    target: Node

    @property
    def path(self) -> str:
        middle = (self.source.x + self.target.x) // 2
        return (
            f"M{self.source.x} {self.source.y} "
            f"C{middle} {self.source.y} {middle} {self.target.y} {self.target.x} {self.target.y}"
        )


@dataclass(frozen=True)
class Graph:
    partners: list[Node]
    programmes: list[Node]
    links: list[Link]
    width: int
    height: int


def lay_out(participations) -> Graph | None:
    """The graph of ``participations`` (each with ``partner`` and ``programme`` loaded)."""
    participations = list(participations)
    if not participations:
        return None
    programmes_of = defaultdict(set)
    partners_of = defaultdict(set)
    records = {}
    for participation in participations:
        partner, programme = participation.partner, participation.programme
        records[("partner", partner.pk)] = partner
        records[("programme", programme.pk)] = programme
        programmes_of[partner.pk].add(programme.pk)
        partners_of[programme.pk].add(partner.pk)

    partner_order = sorted(
        programmes_of, key=lambda pk: (-len(programmes_of[pk]), str(records[("partner", pk)]))
    )
    partner_row = {pk: row for row, pk in enumerate(partner_order)}
    scale = max(1.0, (len(partner_order) - 1) / max(1, len(partners_of) - 1))

    def barycentre(programme_pk):
        rows = [partner_row[pk] for pk in partners_of[programme_pk]]
        return sum(rows) / len(rows) / scale

    programme_order = sorted(
        partners_of, key=lambda pk: (barycentre(pk), str(records[("programme", pk)]))
    )

    partners = {
        pk: Node(records[("partner", pk)], LEFT_X, TOP + row * ROW)
        for row, pk in enumerate(partner_order)
    }
    programmes = {
        pk: Node(records[("programme", pk)], RIGHT_X, TOP + row * ROW)
        for row, pk in enumerate(programme_order)
    }
    links = [Link(p, partners[p.partner.pk], programmes[p.programme.pk]) for p in participations]
    rows = max(len(partners), len(programmes))
    return Graph(
        partners=list(partners.values()),
        programmes=list(programmes.values()),
        links=links,
        width=WIDTH,
        height=TOP * 2 + (rows - 1) * ROW,
    )
