import datetime
import re

import pytest

from partners.timeline import MARGIN, WIDTH, Span, lay_out


def span(key, first, last=None):
    first = datetime.date.fromisoformat(first)
    return Span(key=key, first_day=first, last_day=datetime.date.fromisoformat(last or str(first)))


def test_nothing_to_draw_without_events():
    assert lay_out([]) is None


def test_marks_are_placed_in_time_order_from_left_to_right():
    layout = lay_out([span("b", "2015-06-01"), span("a", "1994-01-10"), span("c", "2022-05-23")])
    assert [mark.key for mark in layout.marks] == ["a", "b", "c"]
    assert MARGIN <= layout.marks[0].x < layout.marks[1].x < layout.marks[2].x <= WIDTH - MARGIN


def test_a_year_is_drawn_wider_than_a_day_of_that_year():
    layout = lay_out([span("year", "2006-01-01", "2006-12-31"), span("day", "2010-06-07")])
    year, day = layout.marks
    assert year.width > 5 * day.width


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
    event_links = chart.count('<a href="#event-')
    assert event_links == html.count('<li id="event-')
    assert event_links > 5
    assert 'role="group"' in chart and "<title" in chart
    assert not re.search(r'(x|width)="[\d.]*,', chart), "coordinates must not be localised"
