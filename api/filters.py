"""The filters the apps' ``filters.py`` build on: ISO dates, a stable ordering, and a text
search across both languages."""

import django_filters
from django.conf import settings
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES

ISO_DATE_FORMATS = ["%Y-%m-%d"]


class IsoDateFilter(django_filters.DateFilter):
    """A date written YYYY-MM-DD, whatever the language (no ambiguous 01/02/2006)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", ISO_DATE_FORMATS)
        super().__init__(*args, **kwargs)


class StableOrderingFilter(django_filters.OrderingFilter):
    """``?ordering=a,-b``, then the primary key, so that pages never overlap; empty dates
    sort last in either direction, on every database."""

    def __init__(self, *args, nulls_last=(), **kwargs):
        self.nulls_last = set(nulls_last)
        kwargs.setdefault(
            "help_text",
            _("Comma-separated fields to sort by; a leading '-' sorts in descending order."),
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        ordering = []
        for param in value:
            if not param:
                continue  # "?ordering=a,,b": django-filter lets empty items through
            field = self.get_ordering_value(param)
            name = field.lstrip("-")
            if name in self.nulls_last:
                expression = F(name)
                descending = field.startswith("-")
                field = (
                    expression.desc(nulls_last=True)
                    if descending
                    else expression.asc(nulls_last=True)
                )
            ordering.append(field)
        return qs.order_by(*ordering, "pk")


def text_search(term: str, fields=(), translated_fields=()) -> Q:
    """Match ``term`` (case-insensitively, anywhere) in any of ``fields``, and in every
    language column of ``translated_fields``."""
    names = [*fields]
    for field in translated_fields:
        names.extend(f"{field}_{code}" for code in settings.MODELTRANSLATION_LANGUAGES)
    query = Q()
    for name in names:
        query |= Q(**{f"{name}__icontains": term})
    return query
