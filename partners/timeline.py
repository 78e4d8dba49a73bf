"""Lay out a relationship's events on a time axis, for the SVG timeline of its page.

Plain geometry, for a given width (the page draws a wide layout and a narrow one for phones;
the stylesheet shows one). An event with an end date is a bar from its start to its end; an
event of one date is a point, the middle of what its date covers (a year, a month or a day),
with a thin line across that period when it is wider than the point, so that a year-precise
date does not read as a year-long duration. Each mark carries the event's number in the list
below the chart and is placed on the first lane where it does not touch the previous mark of
that lane, so marks never overlap however close the dates are.
"""

import datetime
from dataclasses import dataclass

WIDTH = 900  # drawn at its own size on a wide screen: one unit is one CSS pixel
NARROW_WIDTH = 340  # the layout for phones: a little over one pixel per unit at 390 px
MARGIN = 24
MARK_HEIGHT = 24  # marks are links: at least 24 × 24 px, the size a finger can hit
LANE_HEIGHT = 30
AXIS_HEIGHT = 28
MIN_MARK_WIDTH = 24
GAP = 4


@dataclass(frozen=True)
class Span:
    key: object
    first_day: datetime.date
    last_day: datetime.date
    ranged: bool = False  # from a start to an end date, not one date at its precision


@dataclass(frozen=True)
class Mark:
    key: object
    x: float  # the extent the mark takes on its lane: at least a finger wide
    width: float
    lane: int
    number: int = 0  # the event's number in the list the chart was given
    point: bool = True
    period_x: float = 0.0  # what the date covers (a point's thin line)
    period_width: float = 0.0

    @property
    def y(self) -> int:
        return lane_top(self.lane)

    @property
    def centre_x(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def centre_y(self) -> int:
        return self.y + MARK_HEIGHT // 2

    @property
    def label_x(self) -> float:
        """Where the number is written: a point's centre, a bar's first finger-width."""
        return self.centre_x if self.point else round(self.x + MIN_MARK_WIDTH / 2, 1)

    @property
    def radius(self) -> int:
        return MARK_HEIGHT // 2

    @property
    def period_end_x(self) -> float:
        return round(self.period_x + self.period_width, 1)

    @property
    def shows_period(self) -> bool:
        return self.point and self.period_width > MIN_MARK_WIDTH


@dataclass(frozen=True)
class Tick:
    year: int
    x: float


@dataclass(frozen=True)
class Layout:
    marks: list[Mark]
    ticks: list[Tick]
    width: int
    height: int
    axis_y: int
    mark_height: int = MARK_HEIGHT


def lane_top(lane: int) -> int:
    return 8 + lane * LANE_HEIGHT


def lay_out(spans: list[Span], max_ticks: int = 12, width: int = WIDTH) -> Layout | None:
    """Marks and year ticks for ``spans`` over ``width`` units (``None`` when there is
    nothing to draw)."""
    if not spans:
        return None
    start_year = min(span.first_day for span in spans).year
    end_year = max(span.last_day for span in spans).year + 1
    origin = datetime.date(start_year, 1, 1).toordinal()
    days = datetime.date(end_year, 1, 1).toordinal() - origin
    scale = (width - 2 * MARGIN) / days

    def x_of(day: datetime.date) -> float:
        return MARGIN + (day.toordinal() - origin) * scale

    lane_ends: list[float] = []
    marks = []
    numbered = sorted(enumerate(spans, 1), key=lambda pair: (pair[1].first_day, pair[1].last_day))
    for number, span in numbered:
        period_x = x_of(span.first_day)
        period_width = x_of(span.last_day + datetime.timedelta(days=1)) - period_x
        if span.ranged:
            x, extent = period_x, max(MIN_MARK_WIDTH, period_width)
        else:
            extent = max(MIN_MARK_WIDTH, period_width)
            half = extent / 2
            centre = min(max(period_x + period_width / 2, MARGIN + half), width - MARGIN - half)
            x = centre - half
        lane = next((i for i, end in enumerate(lane_ends) if end + GAP <= x), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(x + extent)
        else:
            lane_ends[lane] = x + extent
        marks.append(
            Mark(
                key=span.key,
                x=round(x, 1),
                width=round(extent, 1),
                lane=lane,
                number=number,
                point=not span.ranged,
                period_x=round(period_x, 1),
                period_width=round(period_width, 1),
            )
        )

    years = end_year - start_year
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 10_000) if years / s <= max_ticks)
    first_tick = start_year + (-start_year) % step
    ticks = [
        Tick(year=year, x=round(x_of(datetime.date(year, 1, 1)), 1))
        for year in range(first_tick, end_year + 1, step)
    ]
    axis_y = lane_top(len(lane_ends)) + 4
    return Layout(marks=marks, ticks=ticks, width=width, height=axis_y + AXIS_HEIGHT, axis_y=axis_y)
