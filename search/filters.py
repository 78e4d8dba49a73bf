"""``?q=`` of the read API: the search of the search page (accents, case, stemming, acronyms
and aliases), used by the list filters of ``partners``, ``programmes`` and ``documents``."""

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError

from search.query import MAX_LENGTH, Query, QueryTooLong
from search.selectors import parse_query


def full_text_filter(help_text=None):
    return django_filters.CharFilter(
        method="filter_q",
        max_length=MAX_LENGTH,
        label=_("Text search"),
        help_text=help_text
        or _(
            "Words to look for, in French or English, whatever the accents and case; "
            "acronyms and other names count (PPP finds the Partnership for Peace)."
        ),
    )


def api_query(value: str) -> Query:
    """The query for ``value``, or a 400 naming ``q``."""
    try:
        return parse_query(value)
    except QueryTooLong as error:
        message = _("Ensure this value has at most %(max)d characters.") % {"max": MAX_LENGTH}
        raise ValidationError({"q": [message]}) from error
