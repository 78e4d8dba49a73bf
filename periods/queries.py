"""Dates known to a precision, in queries.

A date stands for its whole period: "2006" is every day of 2006, "2007-06" every day of
June 2007. So a start of "2006" is in force from 2006-01-01 and an end of "2007-06" is in
force through 2007-06-30.
"""

import datetime
import operator
from functools import reduce

from django.db.models import Q, QuerySet

from periods.dates import DatePrecision, PreciseDate, truncate


def period_begins_by(prefix: str, day: datetime.date) -> Q:
    """The period of ``<prefix>_date`` begins on or before ``day`` (NULL dates never do)."""
    date, precision = f"{prefix}_date", f"{prefix}_precision"
    return reduce(
        operator.or_,
        (Q(**{precision: p, f"{date}__lte": PreciseDate(day, p).last_day}) for p in DatePrecision),
    )


def period_ends_by_or_after(prefix: str, day: datetime.date) -> Q:
    """The period of ``<prefix>_date`` ends on or after ``day`` (NULL dates never do)."""
    date, precision = f"{prefix}_date", f"{prefix}_precision"
    return reduce(
        operator.or_,
        (Q(**{precision: p, f"{date}__gte": truncate(day, p)}) for p in DatePrecision),
    )


def in_force_on(queryset: QuerySet, day: datetime.date) -> QuerySet:
    """Records (with start/end dates) in force on ``day``: the start is known and its period
    has begun by ``day``; the end is unknown (still in force) or its period lasts until
    ``day`` at least. A record without a known start is never said to be in force."""
    return queryset.filter(
        period_begins_by("start", day),
        Q(end_date__isnull=True) | period_ends_by_or_after("end", day),
    )
