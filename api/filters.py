"""The filters the apps' ``filters.py`` build on: ISO dates, a stable ordering, and a text
search across both languages."""

import django_filters
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, Q
from django.forms.utils import pretty_name
from django.utils.functional import lazy
from django.utils.text import capfirst
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

    def name_choices(self, model):
        """Name the choices after ``model``'s fields, in the request's language (django-filter
        names them once, at import, in the language active then, from the parameters)."""
        self.extra["choices"] = [
            choice
            for param, name in self.param_map.items()
            for choice in self.choices_for(param, self.label_for(model, name, param))
        ]

    @staticmethod
    def label_for(model, name, param):
        try:
            return capfirst(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            return pretty_name(param)

    def choices_for(self, param, label):
        descending = lazy(lambda: self.descending_fmt % label, str)()
        return [(param, label), (f"-{param}", descending)]

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


class FilterSet(django_filters.FilterSet):
    """The project's filter sets: an ordering's choices are named after the model's fields."""

    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        if cls._meta.model is not None:
            for filter_ in filters.values():
                if isinstance(filter_, StableOrderingFilter):
                    filter_.name_choices(cls._meta.model)
        return filters


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
