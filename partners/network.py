"""Who takes part in what, as a table a reader can scan: a row per partner (the most
involved first), a column per kind of programme, in each cell how many programmes of that
kind the partner takes part in, shaded by that number."""

from collections import Counter
from dataclasses import dataclass

from programmes.models import ProgrammeKind

#: A cell's shade, from its count: 1, 2–3, 4–7, 8 and more.
LEVELS = (1, 2, 4, 8)


@dataclass(frozen=True)
class Cell:
    count: int

    @property
    def level(self) -> int:
        return sum(self.count >= threshold for threshold in LEVELS)


@dataclass(frozen=True)
class Row:
    partner: object
    cells: list[Cell]
    total: int


@dataclass(frozen=True)
class Matrix:
    kinds: list[tuple[str, str]]  # (value, label) of the kinds some participation has
    rows: list[Row]


def tabulate(participations) -> Matrix | None:
    """The matrix of ``participations`` (each with ``partner`` and ``programme`` loaded);
    a partner counts a programme once, whatever its number of roles in it."""
    pairs = {(p.partner.pk, p.programme.pk): p for p in participations}
    if not pairs:
        return None
    partners = {p.partner.pk: p.partner for p in pairs.values()}
    counts = Counter((p.partner.pk, p.programme.kind) for p in pairs.values())
    present = {kind for _, kind in counts}
    kinds = [(value, label) for value, label in ProgrammeKind.choices if value in present]
    rows = [
        Row(
            partner=partner,
            cells=[Cell(counts[(pk, kind)]) for kind, _ in kinds],
            total=sum(counts[(pk, kind)] for kind, _ in kinds),
        )
        for pk, partner in partners.items()
    ]
    rows.sort(key=lambda row: (-row.total, row.partner.name))
    return Matrix(kinds=kinds, rows=rows)
