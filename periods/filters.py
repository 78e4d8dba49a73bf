"""Date filters of the read API for records with a start and an end.

Dates known to a precision stand for their whole period ("2006" is every day of 2006): see
``periods.queries.in_force_on``. ``PeriodFilterSet`` gives every record with a start and
an end the same ``as_of`` and date-range filters.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from api.filters import FilterSet, IsoDateFilter
from periods.queries import in_force_on, period_begins_by, period_ends_by_or_after


def period_bound_filter(prefix: str, bound: str, help_text) -> IsoDateFilter:
    method = "filter_period_after" if bound == "after" else "filter_period_before"
    return IsoDateFilter(field_name=prefix, method=method, help_text=help_text)


class PeriodFilterSet(FilterSet):
    """``as_of`` and date ranges over ``start_date``/``end_date`` known to a precision."""

    as_of = IsoDateFilter(
        method="filter_as_of",
        help_text=_(
            "YYYY-MM-DD: only what was in force on that day. A date known to a year or a month "
            "stands for the whole period: a start of 2006 counts from 2006-01-01, an end of "
            "2007-06 through 2007-06-30. No end: still in force. No known start: never matches."
        ),
    )
    start_after = period_bound_filter(
        "start", "after", _("YYYY-MM-DD: the start may fall on or after this day.")
    )
    start_before = period_bound_filter(
        "start", "before", _("YYYY-MM-DD: the start may fall on or before this day.")
    )
    end_after = period_bound_filter(
        "end", "after", _("YYYY-MM-DD: the end may fall on or after this day.")
    )
    end_before = period_bound_filter(
        "end", "before", _("YYYY-MM-DD: the end may fall on or before this day.")
    )

    def filter_as_of(self, queryset, name, value: datetime.date):
        return in_force_on(queryset, value)

    def filter_period_after(self, queryset, name, value: datetime.date):
        return queryset.filter(period_ends_by_or_after(name, value))

    def filter_period_before(self, queryset, name, value: datetime.date):
        return queryset.filter(period_begins_by(name, value))
