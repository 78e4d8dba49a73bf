"""Source documents in the admin, and the import page (the versions themselves, their
review and what changed between them: ``documents/admin/versions.py``)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from documents.forms import DocumentImportForm
from documents.importing import DocumentImportError, import_document
from documents.models import DocumentVersion, SourceDocument
from editorial.history_admin import HistoryAdmin
from editorial.locking_admin import LockingAdmin


class DocumentVersionInline(admin.TabularInline):
    model = DocumentVersion
    extra = 0
    fields = [
        "number",
        "status",
        "is_current",
        "stated_update",
        "retrieved_at",
        "imported_at",
        "sha256",
    ]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SourceDocument)
class SourceDocumentAdmin(LockingAdmin, HistoryAdmin, TranslationAdmin):
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

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="documents_sourcedocument_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload a file, or give an address, to import a document or a new version."""
        if not request.user.has_perm("documents.add_documentversion"):
            raise PermissionDenied
        initial = {"document": request.GET.get("document")} if "document" in request.GET else {}
        form = DocumentImportForm(request.POST or None, request.FILES or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                result = import_document(
                    data["source"],
                    document=data["document"],
                    publisher=data["publisher"],
                    language=data["language"],
                    title=data["title"],
                    kind=data["kind"],
                    imported_by=request.user,
                )
            except DocumentImportError as error:
                form.add_error(None, str(error))
            else:
                return self._imported(request, result)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "form": form,
            "title": _("Import a document or a new version"),
        }
        return TemplateResponse(request, "admin/documents/import_document.html", context)

    def _imported(self, request, result):
        if result.duplicate_of is not None:
            self.message_user(request, result.summary(), messages.WARNING)
            version = result.duplicate_of
        else:
            self.message_user(request, result.summary(), messages.SUCCESS)
            version = result.version
        # The version's page shows what publishing it would do, and a reviewer's buttons.
        return HttpResponseRedirect(
            reverse("admin:documents_documentversion_change", args=[version.pk])
        )
