"""Dates known to a precision: "en 2006", "en décembre 2006", "le 7 juin 2019".

A precise date is stored as two columns: a ``DateField`` holding the first day of the
period, and a precision (year, month or day). It renders at that precision in the active
language and, as a period, covers every day from its first to its last.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PreciseDate:
    date: datetime.date
    precision: str

    @classmethod
    def parse(cls, value) -> "PreciseDate":
        """From "2006", "2006-12", "2019-06-07", an int year or a ``date``."""
        if isinstance(value, datetime.date):
            return cls(value, DatePrecision.DAY)
        if isinstance(value, int):
            value = str(value)
        match = _ISO_PARTIAL.match(str(value).strip())
        if not match:
            raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.")
        year, month, day = match.groups()
        if day:
            return cls(datetime.date(int(year), int(month), int(day)), DatePrecision.DAY)
        if month:
            return cls(datetime.date(int(year), int(month), 1), DatePrecision.MONTH)
        return cls(datetime.date(int(year), 1, 1), DatePrecision.YEAR)

    @classmethod
    def from_fields(cls, date, precision):
        """The value of a pair of columns, or None when the date is unknown."""
        if date is None:
            return None
        return cls(date, precision or DatePrecision.DAY)

    @property
    def first_day(self) -> datetime.date:
        return truncate(self.date, self.precision)

    @property
    def last_day(self) -> datetime.date:
        first = self.first_day
        if self.precision == DatePrecision.YEAR:
            return first.replace(month=12, day=31)
        if self.precision == DatePrecision.MONTH:
            return first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return first

    def isoformat(self) -> str:
        """ "2006", "2006-12" or "2019-06-07": the date at its precision."""
        if self.precision == DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision == DatePrecision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    def __str__(self) -> str:
        """Rendered in the active language: "2006", "décembre 2006", "7 juin 2019"."""
        if self.precision == DatePrecision.YEAR:
            return str(self.date.year)
        if self.precision == DatePrecision.MONTH:
            return formats.date_format(self.date, "YEAR_MONTH_FORMAT")
        return formats.date_format(self.date, "DATE_FORMAT")


def truncate(date: datetime.date, precision: str) -> datetime.date:
    """The first day of the period ``date`` falls in, at ``precision``."""
    if precision == DatePrecision.YEAR:
        return date.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return date.replace(day=1)
    return date
