"""How a citation names what it supports, in the reader's language."""

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

register = template.Library()


@register.filter
def claim_kind(citation):
    """The kind of record the citation supports: "Event", "Participation"…"""
    return capfirst(citation.content_type.model_class()._meta.verbose_name)


@register.filter
def claim_field(citation):
    """The name of the field the citation supports, as the record's forms name it. A value
    kept in several columns (a date and its precision, a figure and its unit) is named by
    its first column: ``start`` by ``start_date``, ``figure`` by ``figure_quantity``."""
    options = citation.content_type.model_class()._meta
    try:
        return options.get_field(citation.field).verbose_name
    except FieldDoesNotExist:
        parts = (f for f in options.concrete_fields if f.name.startswith(f"{citation.field}_"))
        first = next(parts, None)
        return first.verbose_name if first else citation.field
