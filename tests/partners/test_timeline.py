import datetime
import re

import pytest

from partners.timeline import MARGIN, NARROW_WIDTH, WIDTH, Span, lay_out


def span(key, first, last=None, ranged=False):
    first = datetime.date.fromisoformat(first)
    last = datetime.date.fromisoformat(last or str(first))
    return Span(key=key, first_day=first, last_day=last, ranged=ranged)


def test_nothing_to_draw_without_events():
    assert lay_out([]) is None


def test_marks_are_placed_in_time_order_from_left_to_right():
    layout = lay_out([span("b", "2015-06-01"), span("a", "1994-01-10"), span("c", "2022-05-23")])
    assert [mark.key for mark in layout.marks] == ["a", "b", "c"]
    assert MARGIN <= layout.marks[0].x < layout.marks[1].x < layout.marks[2].x <= WIDTH - MARGIN


def test_a_year_is_drawn_wider_than_a_day_of_that_year():
    layout = lay_out([span("year", "2006-01-01", "2006-12-31"), span("day", "2010-06-07")])
    year, day = layout.marks
    assert year.period_width > 5 * day.period_width


def test_an_event_of_one_date_is_a_point_and_an_event_with_an_end_a_bar():
    layout = lay_out(
        [
            span("since", "2006-01-01", "2019-12-31", ranged=True),
            span("year", "2010-01-01", "2010-12-31"),
            span("day", "2015-06-07"),
        ]
    )
    since, year, day = layout.marks
    assert not since.point and since.width == since.period_width > 300
    assert year.point and day.point
    # A point sits in the middle of what its date covers, a finger wide whatever its
    # precision; only a period wider than the point is drawn across it.
    assert year.centre_x == round(year.period_x + year.period_width / 2, 1)
    assert abs(day.centre_x - (day.period_x + day.period_width / 2)) < 0.2
    assert day.width == 24 and not day.shows_period
    wide_year = lay_out([span("year", "2010-01-01", "2010-12-31"), span("b", "2012-01-01")])
    assert wide_year.marks[0].shows_period and wide_year.marks[0].width > 24


def test_marks_carry_the_number_of_their_event_in_the_list_given():
    layout = lay_out([span("b", "2015-06-01"), span("a", "1994-01-10"), span("c", "2022-05-23")])
    assert [(mark.key, mark.number) for mark in layout.marks] == [("a", 2), ("b", 1), ("c", 3)]


def test_close_events_go_on_separate_lanes_instead_of_overlapping():
    layout = lay_out([span("a", "2006-12-01"), span("b", "2006-12-14"), span("c", "2019-01-01")])
    lanes = {mark.key: mark.lane for mark in layout.marks}
    assert lanes["a"] != lanes["b"]
    assert lanes["c"] == 0
    assert layout.height > lay_out([span("c", "2019-01-01")]).height


def test_year_ticks_stay_few_over_a_long_period():
    layout = lay_out([span("a", "1949-04-04"), span("b", "2024-01-01")])
    years = [tick.year for tick in layout.ticks]
    assert len(years) <= 12
    assert years == sorted(years) and years[0] >= 1949 and years[-1] <= 2025


@pytest.mark.django_db
def test_the_relationship_page_draws_its_events_on_a_linked_svg_timeline(client, seeded):
    html = client.get("/fr/relations/nato-serbia/").content.decode()
    chart = html[html.index('<figure class="timeline-chart">') : html.index("</figure>")]
    wide, narrow = chart.split("</svg>")[:2]
    assert f'viewBox="0 0 {WIDTH} ' in wide and f'viewBox="0 0 {NARROW_WIDTH} ' in narrow
    for svg in (wide, narrow):
        event_links = svg.count('<a href="#event-')
        assert event_links == html.count('<li id="event-')
        assert event_links > 5
        numbers = re.findall(r'<text class="mark-number"[^>]*>(\d+)</text>', svg)
        assert sorted(map(int, numbers)) == list(range(1, event_links + 1))
        assert "<circle" in svg
        assert 'role="group"' in svg and "<title" in svg
    assert not re.search(r'(x|width|viewBox)="[\d. ]*,', chart), "coordinates must not be localised"
    ids = re.findall(r'id="(timeline-chart-title[^"]*)"', chart)
    assert len(ids) == len(set(ids)) == 2
    assert '<figcaption class="timeline-legend">' in chart


def test_marks_are_big_enough_to_tap_on_the_narrow_layout_too():
    spans = [span(str(day), f"2006-12-{day:02d}") for day in range(1, 29, 3)]
    spans.append(span("decades", "1990-01-01", "2024-12-31"))
    for layout in (lay_out(spans), lay_out(spans, max_ticks=5, width=NARROW_WIDTH)):
        assert layout.mark_height >= 24
        assert all(mark.width >= 24 for mark in layout.marks)
        assert all(
            MARGIN <= mark.x and mark.x + mark.width <= layout.width for mark in layout.marks[:-1]
        )
        assert layout.width in (WIDTH, NARROW_WIDTH)
        lanes = {}
        for mark in layout.marks:
            lanes.setdefault(mark.lane, []).append(mark)
        for marks in lanes.values():
            assert all(a.x + a.width <= b.x for a, b in zip(marks, marks[1:], strict=False))
    narrow = lay_out(spans, max_ticks=5, width=NARROW_WIDTH)
    assert len(narrow.ticks) <= 6
