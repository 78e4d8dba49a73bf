"""Model fields for dates known to a precision, and ``Period``: a start and an end.

A precise date is two columns, a ``DateField`` holding the first day of the period and a
``precision_field``; ``precise_date_property`` reads and writes the pair as one
``PreciseDate`` (``periods/dates.py``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from periods.dates import DatePrecision, PreciseDate


def precision_field(verbose_name):
    return models.CharField(
        verbose_name, max_length=5, choices=DatePrecision.choices, blank=True, default=""
    )


def date_pair_constraints(model_name: str, date_field: str, precision_field_name: str):
    """A date has a precision exactly when it is known."""
    return [
        models.CheckConstraint(
            condition=(
                models.Q(**{f"{date_field}__isnull": True, precision_field_name: ""})
                | (
                    models.Q(**{f"{date_field}__isnull": False})
                    & models.Q(**{f"{precision_field_name}__in": DatePrecision.values})
                )
            ),
            name=f"{model_name}_{date_field}_has_precision",
        )
    ]


def end_after_start_constraint(model_name: str, start: str, end: str):
    return models.CheckConstraint(
        condition=(
            models.Q(**{f"{start}__isnull": True})
            | models.Q(**{f"{end}__isnull": True})
            | models.Q(**{f"{end}__gte": models.F(start)})
        ),
        name=f"{model_name}_{end}_not_before_{start}",
    )


def precise_date_property(date_field: str, precision_field: str) -> property:
    """Reads and writes a (date, precision) column pair as one ``PreciseDate``.

    ``event.date = "2006-12"`` stores 2006-12-01 with month precision; reading gives a
    ``PreciseDate`` (or None) that renders at its precision. A ``property``, so that
    models also accept it as a keyword argument: ``Event(date="2006-12")``.
    """

    def read(instance):
        return PreciseDate.from_fields(
            getattr(instance, date_field), getattr(instance, precision_field)
        )

    def write(instance, value):
        if value in (None, ""):
            setattr(instance, date_field, None)
            setattr(instance, precision_field, "")
            return
        if not isinstance(value, PreciseDate):
            value = PreciseDate.parse(value)
        setattr(instance, date_field, value.first_day)
        setattr(instance, precision_field, value.precision)

    return property(read, write)


class Period(models.Model):
    """A start and an end, each a date known to a precision (``start``, ``end``); either
    may be unknown, and the end never comes before the start.

    A model lists ``*Period.Meta.constraints`` among its own constraints: they are named
    after it (``programme_end_date_not_before_start_date``)."""

    start_date = models.DateField(_("start date"), null=True, blank=True)
    start_precision = precision_field(_("start precision"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_precision = precision_field(_("end precision"))

    start = precise_date_property("start_date", "start_precision")
    end = precise_date_property("end_date", "end_precision")

    class Meta:
        abstract = True
        constraints = [
            *date_pair_constraints("%(class)s", "start_date", "start_precision"),
            *date_pair_constraints("%(class)s", "end_date", "end_precision"),
            end_after_start_constraint("%(class)s", "start_date", "end_date"),
        ]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end comes before the start.")})
