"""Source documents and versions in the admin: the import page, the versions and what
changed between them."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from documents.diffing import html_diff
from documents.forms import DocumentImportForm
from documents.importing import DocumentImportError, import_document
from documents.models import DocumentVersion, SourceDocument
from editorial.history_admin import HistoryAdmin
from editorial.locking_admin import LockingAdmin


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
        if result.needs_review:
            queue = reverse("admin:documents_citationforreview_changelist")
            query = urlencode({"version__document__id__exact": result.document.pk})
            self.message_user(
                request,
                format_html(
                    '<a href="{}?{}">{}</a>',
                    queue,
                    query,
                    _("%(count)d citation(s) to review in the citation health queue.")
                    % {"count": result.needs_review},
                ),
                messages.WARNING,
            )
        if result.suggested_facts:
            suggestions = reverse("admin:suggestions_suggestion_changelist")
            query = urlencode({"version__document__id__exact": result.document.pk})
            self.message_user(
                request,
                format_html(
                    '<a href="{}?{}">{}</a>',
                    suggestions,
                    query,
                    _("%(count)d fact(s) suggested by the new text.")
                    % {"count": result.suggested_facts},
                ),
                messages.INFO,
            )
        return HttpResponseRedirect(
            reverse("admin:documents_documentversion_change", args=[version.pk])
        )


@admin.register(DocumentVersion)
class DocumentVersionAdmin(LockingAdmin, HistoryAdmin):
    class Media:
        # The diff's and the text's styles: the Content-Security-Policy allows no inline style.
        css = {"all": ["css/admin.css"]}

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
    date_hierarchy = "retrieved_at"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("document")
            .annotate(number_of_citations=Count("citations"))
            # Grouping drops the default ordering, which the autocomplete's pages need.
            .order_by("document", "-number")
        )

    fields = [
        "document",
        "number",
        "is_current",
        "stated_update",
        "stated_update_text",
        "retrieved_at",
        "sha256",
        "diff_with_previous",
        "text_display",
    ]
    # A stored text is never edited, and which version is current changes only on import,
    # which re-anchors the citations; only the stated update date can be corrected here.
    readonly_fields = [f for f in fields if f not in ("stated_update", "stated_update_text")]

    def has_add_permission(self, request):
        # New versions come in through the import page, which re-anchors every citation.
        return False

    @admin.display(description=_("changes since the previous version"))
    def diff_with_previous(self, obj):
        previous = (
            DocumentVersion.objects.filter(document=obj.document_id, number__lt=obj.number)
            .order_by("-number")
            .first()
        )
        if previous is None:
            return _("First version: nothing to compare with.")
        return version_diff(previous, obj)

    @admin.display(description=_("SHA-256"))
    def short_sha256(self, obj):
        return obj.sha256[:12]

    @admin.display(description=_("citations"), ordering="number_of_citations")
    def citation_count(self, obj):
        return obj.number_of_citations

    @admin.display(description=_("text"))
    def text_display(self, obj):
        return format_html('<pre class="version-text">{}</pre>', obj.text)


def version_diff(old: DocumentVersion, new: DocumentVersion):
    """Removed and added words between two versions, paragraph by paragraph
    (``documents.diffing`` escapes the texts)."""
    changes = html_diff(old.text, new.text)
    if not changes:
        return _("Same text as version %(number)d.") % {"number": old.number}
    return format_html(
        '<div class="version-diff"><p>{}</p>{}</div>',
        _("Compared with version %(number)d.") % {"number": old.number},
        mark_safe(changes),
    )
