"""Filters of the read API for documents, versions and citations."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from api.filters import FilterSet, IsoDateFilter, StableOrderingFilter, text_search
from documents.claims import CLAIMS_BY_NAME
from documents.models import Citation, DocumentVersion, SourceDocument
from partners.filters import partner_filter
from search.filters import api_query, full_text_filter
from search.selectors import matching_documents

YES_OR_NO = [("true", _("yes")), ("false", _("no"))]


def document_filter(help_text, **kwargs):
    return django_filters.ModelChoiceFilter(
        queryset=SourceDocument.objects.public(),
        to_field_name="slug",
        help_text=help_text,
        **kwargs,
    )


class DocumentFilter(FilterSet):
    publisher = partner_filter(_("Slug of the publishing partner."))
    language = django_filters.ChoiceFilter(choices=SourceDocument.Language.choices)
    kind = django_filters.ChoiceFilter(choices=SourceDocument.Kind.choices)
    q = full_text_filter(
        _(
            "Words of the current text, in French or English, whatever the accents and case; "
            "or of the title, as written."
        )
    )
    ordering = StableOrderingFilter(fields=["title", "slug", "language"])

    class Meta:
        model = SourceDocument
        fields = []

    def filter_q(self, queryset, name, value: str):
        # The words of the current text as the search finds them, or the title as written.
        found = matching_documents(SourceDocument.objects.all(), api_query(value))
        return queryset.filter(
            Q(pk__in=found.values("pk"))
            | text_search(value, fields=["slug"], translated_fields=["title"])
        )


class VersionFilter(FilterSet):
    document = document_filter(_("Slug of the document."))
    is_current = django_filters.ChoiceFilter(
        choices=YES_OR_NO, method="filter_is_current", help_text=_("Only the current versions.")
    )
    stated_update_after = IsoDateFilter(
        field_name="stated_update", lookup_expr="gte", help_text=_("YYYY-MM-DD.")
    )
    stated_update_before = IsoDateFilter(
        field_name="stated_update", lookup_expr="lte", help_text=_("YYYY-MM-DD.")
    )
    ordering = StableOrderingFilter(
        fields=["number", "retrieved_at", "imported_at", "stated_update"],
        nulls_last=["retrieved_at", "stated_update"],
    )

    class Meta:
        model = DocumentVersion
        fields = []

    def filter_is_current(self, queryset, name, value: str):
        return queryset.filter(is_current=value == "true")


class CitationFilter(FilterSet):
    document = document_filter(_("Slug of the document quoted."), field_name="version__document")
    version = django_filters.ModelChoiceFilter(
        queryset=DocumentVersion.objects.published(),
        help_text=_("Id of the document version quoted."),
    )
    status = django_filters.ChoiceFilter(
        choices=[(status, status.label) for status in Citation.SUPPORTING_STATUSES]
    )
    claim_type = django_filters.ChoiceFilter(
        choices=[(name, name) for name in CLAIMS_BY_NAME],
        method="filter_claim_type",
        help_text=_("The kind of record the passage supports."),
    )
    field = django_filters.CharFilter(
        help_text=_("The field of the record the passage supports (e.g. start).")
    )
    q = django_filters.CharFilter(
        method="filter_q", help_text=_("Words to look for in the quote, case-insensitive.")
    )
    ordering = StableOrderingFilter(fields=["id", "checked_at", "status"])

    class Meta:
        model = Citation
        fields = []

    def filter_claim_type(self, queryset, name, value: str):
        kind = CLAIMS_BY_NAME[value]
        return queryset.filter(
            content_type__app_label=kind.app_label, content_type__model=kind.name
        )

    def filter_q(self, queryset, name, value: str):
        return queryset.filter(text_search(value, fields=["quote"]))
