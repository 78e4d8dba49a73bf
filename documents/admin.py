from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from documents.models import Citation, DocumentVersion, SourceDocument


class CitationInline(GenericTabularInline):
    """The quotes that back a claim, editable on the claim's own page."""

    model = Citation
    extra = 0
    fields = ["version", "quote", "field", "prefix", "suffix", "status", "note"]
    readonly_fields = ["status"]
    autocomplete_fields = ["version"]
    verbose_name = _("citation (source passage)")
    verbose_name_plural = _("citations (source passages)")


class DocumentVersionInline(admin.TabularInline):
    model = DocumentVersion
    extra = 0
    fields = ["number", "is_current", "stated_update", "retrieved_at", "sha256"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SourceDocument)
class SourceDocumentAdmin(TranslationAdmin):
    list_display = ["title", "publisher", "language", "kind", "version_count"]
    list_filter = ["language", "kind", "publisher"]
    search_fields = ["title_fr", "title_en", "slug", "url"]
    autocomplete_fields = ["publisher", "translations"]
    prepopulated_fields = {"slug": ["title_fr"]}
    inlines = [DocumentVersionInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("publisher")
            .annotate(number_of_versions=Count("versions"))
        )

    @admin.display(description=_("versions"), ordering="number_of_versions")
    def version_count(self, obj):
        return obj.number_of_versions


@admin.register(DocumentVersion)
class DocumentVersionAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "is_current",
        "stated_update",
        "retrieved_at",
        "short_sha256",
        "citation_count",
    ]
    list_filter = ["is_current", "document"]
    search_fields = ["document__title_fr", "document__title_en", "document__slug", "sha256"]
    autocomplete_fields = ["document"]
    readonly_fields = ["sha256", "text_display"]
    date_hierarchy = "retrieved_at"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("document")
            .annotate(number_of_citations=Count("citations"))
        )

    def get_fields(self, request, obj=None):
        common = ["document", "number", "is_current", "stated_update", "stated_update_text"]
        if obj is None:
            return [*common, "retrieved_at", "text", "raw"]
        # A stored text is never edited: a changed text is a new version.
        return [*common, "retrieved_at", "sha256", "text_display"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["document", "number", "sha256", "text_display"]

    @admin.display(description=_("SHA-256"))
    def short_sha256(self, obj):
        return obj.sha256[:12]

    @admin.display(description=_("citations"), ordering="number_of_citations")
    def citation_count(self, obj):
        return obj.number_of_citations

    @admin.display(description=_("text"))
    def text_display(self, obj):
        return format_html(
            '<pre style="white-space: pre-wrap; max-width: 60em; font-size: 0.95em">{}</pre>',
            obj.text,
        )


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "claim_display", "version", "status", "checked_at"]
    list_filter = ["status", "content_type", "version__document"]
    search_fields = ["quote", "note"]
    autocomplete_fields = ["version"]
    readonly_fields = ["passage", "start", "end", "status", "checked_at"]
    fields = [
        "content_type",
        "object_id",
        "field",
        "version",
        "quote",
        "prefix",
        "suffix",
        "passage",
        "start",
        "end",
        "status",
        "checked_at",
        "note",
    ]
    list_select_related = ["version__document", "content_type"]

    @admin.display(description=_("claim"))
    def claim_display(self, obj):
        return f"{obj.content_type.name}: {obj.claim}"

    @admin.display(description=_("passage in its context"))
    def passage(self, obj):
        if obj.pk is None:
            return "—"
        return format_html("…{}<mark>{}</mark>{}…", obj.prefix, obj.quote, obj.suffix)
