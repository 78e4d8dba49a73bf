import datetime

import pytest

from periods.dates import DatePrecision, PreciseDate
from tests.factories import EventFactory


@pytest.mark.parametrize(
    ("value", "date", "precision"),
    [
        ("2006", datetime.date(2006, 1, 1), DatePrecision.YEAR),
        ("2006-12", datetime.date(2006, 12, 1), DatePrecision.MONTH),
        ("2019-06-07", datetime.date(2019, 6, 7), DatePrecision.DAY),
        (2006, datetime.date(2006, 1, 1), DatePrecision.YEAR),
        (datetime.date(2019, 6, 7), datetime.date(2019, 6, 7), DatePrecision.DAY),
    ],
)
def test_parse_reads_the_precision_from_the_form(value, date, precision):
    assert PreciseDate.parse(value) == PreciseDate(date, precision)


@pytest.mark.parametrize("value", ["06/2006", "2006-13", "2006-02-30", "", "deux mille six"])
def test_parse_refuses_what_is_not_a_date(value):
    with pytest.raises(ValueError):
        PreciseDate.parse(value)


@pytest.mark.parametrize(
    ("value", "french", "english"),
    [
        ("2006", "2006", "2006"),
        ("2006-12", "décembre 2006", "December 2006"),
        ("2019-06-07", "7 juin 2019", "June 7, 2019"),
    ],
)
def test_a_date_renders_at_its_precision_in_french_and_english(value, french, english):
    from django.utils import translation

    date = PreciseDate.parse(value)
    with translation.override("fr"):
        assert str(date) == french
    with translation.override("en"):
        assert str(date) == english


def test_a_period_covers_every_day_of_its_precision():
    assert PreciseDate.parse("2006").last_day == datetime.date(2006, 12, 31)
    assert PreciseDate.parse("2008-02").last_day == datetime.date(2008, 2, 29)
    assert PreciseDate.parse("2019-06-07").last_day == datetime.date(2019, 6, 7)


def test_isoformat_gives_back_the_date_at_its_precision():
    for value in ["2006", "2006-12", "2019-06-07"]:
        assert PreciseDate.parse(value).isoformat() == value


@pytest.mark.django_db
def test_a_stored_date_keeps_its_precision(french):
    event = EventFactory(date="2006-12")
    event.refresh_from_db()
    assert (event.start_date, event.start_precision) == (datetime.date(2006, 12, 1), "month")
    assert str(event.date) == "décembre 2006"
