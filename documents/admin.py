from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from documents.claims import claims_prefetch
from documents.diffing import html_diff
from documents.forms import CitationRequoteForm, DocumentImportForm
from documents.importing import DocumentImportError, import_document
from documents.models import Citation, CitationForReview, DocumentVersion, SourceDocument


class CitationInline(GenericTabularInline):
    """The quotes that back a claim, editable on the claim's own page."""

    model = Citation
    extra = 0
    fields = ["version", "quote", "field", "prefix", "suffix", "status", "review", "note"]
    readonly_fields = ["status", "review"]
    autocomplete_fields = ["version"]
    verbose_name = _("citation (source passage)")
    verbose_name_plural = _("citations (source passages)")

    @admin.display(description=_("review"))
    def review(self, obj):
        return review_display(obj)


def review_display(citation):
    if citation.pk is None or citation.reviewed_at is None:
        return _("Not reviewed")
    if citation.review_is_stale:
        return _("Review stale: the passage changed since %(date)s") % {
            "date": citation.reviewed_at.date().isoformat()
        }
    return _("Reviewed by %(user)s on %(date)s") % {
        "user": citation.reviewed_by or _("the seed corpus"),
        "date": citation.reviewed_at.date().isoformat(),
    }


class CitationReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("reviewed", _("Reviewed")),
            ("not_reviewed", _("Not reviewed, or stale")),
            ("stale", _("Review stale")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "reviewed":
            return queryset.reviewed()
        if self.value() == "not_reviewed":
            return queryset.not_reviewed()
        if self.value() == "stale":
            return queryset.not_reviewed().filter(reviewed_at__isnull=False)
        return queryset


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
class SourceDocumentAdmin(SimpleHistoryAdmin, TranslationAdmin):
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
class DocumentVersionAdmin(SimpleHistoryAdmin):
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
        return format_html(
            '<pre style="white-space: pre-wrap; max-width: 60em; font-size: 0.95em">{}</pre>',
            obj.text,
        )


VERSION_DIFF_STYLE = (
    ".version-diff{max-width:60em}.version-diff p{white-space:pre-line;margin:0.3em 0}"
    ".version-diff p.unchanged{color:var(--body-quiet-color)}"
    ".version-diff del{background:#f5c0c0;color:#000}"
    ".version-diff ins{background:#c8f0c8;color:#000;text-decoration:none}"
    ".version-diff h4{margin:0.8em 0 0.2em}"
)


def version_diff(old: DocumentVersion, new: DocumentVersion):
    """Removed and added words between two versions, paragraph by paragraph
    (``documents.diffing`` escapes the texts)."""
    changes = html_diff(old.text, new.text)
    if not changes:
        return _("Same text as version %(number)d.") % {"number": old.number}
    return format_html(
        '<style>{}</style><div class="version-diff"><p>{}</p>{}</div>',
        VERSION_DIFF_STYLE,
        _("Compared with version %(number)d.") % {"number": old.number},
        mark_safe(changes),
    )


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "claim_display", "version", "status", "review", "checked_at"]
    list_filter = ["status", CitationReviewFilter, "content_type", "version__document"]
    search_fields = ["quote", "note"]
    autocomplete_fields = ["version"]
    readonly_fields = ["passage", "start", "end", "status", "checked_at", "review"]
    actions = ["review_citations"]
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
        "review",
        "note",
    ]
    list_select_related = ["version__document", "content_type", "reviewed_by"]

    def has_review_permission(self, request, obj=None):
        return request.user.has_perm("documents.review_citation")

    @admin.display(description=_("review"))
    def review(self, obj):
        return review_display(obj)

    @admin.action(
        permissions=["review"],
        description=_("Confirm that each quote supports its claim (reviewed by me, now)"),
    )
    def review_citations(self, request, queryset):
        done, refused = 0, []
        for citation in queryset:
            try:
                citation.review(request.user)
            except ValidationError as error:
                refused.append(f"{citation}: {' '.join(error.messages)}")
            else:
                done += 1
        if done:
            message = _("%(count)d citation(s) reviewed.") % {"count": done}
            self.message_user(request, message, messages.SUCCESS)
        for problem in refused:
            self.message_user(request, problem, messages.ERROR)

    @admin.display(description=_("claim"))
    def claim_display(self, obj):
        return f"{obj.content_type.name}: {obj.claim}"

    @admin.display(description=_("passage in its context"))
    def passage(self, obj):
        if obj.pk is None:
            return "—"
        return format_html("…{}<mark>{}</mark>{}…", obj.prefix, obj.quote, obj.suffix)


def passage_in_context(prefix, quote, suffix, where):
    return format_html("…{}<mark>{}</mark>{}…<br><small>{}</small>", prefix, quote, suffix, where)


class ReviewStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [(status, Citation.Status(status).label) for status in Citation.REVIEW_STATUSES]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(status=self.value())
        return queryset


@admin.register(CitationForReview)
class CitationHealthQueueAdmin(admin.ModelAdmin):
    """Citations a curator should look at after a new version: ``moved`` (confirm the new
    place), ``changed`` (the quote occurs several times: pick one) and ``orphaned`` (the
    quote is gone). Accept a suggested passage, re-quote by hand on the change form, or
    retire the citation."""

    form = CitationRequoteForm
    list_display = ["claim_display", "status", "before", "after", "score_display", "checked_at"]
    list_filter = [ReviewStatusFilter, ("version__document", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["quote", "suggested_quote", "note"]
    actions = ["accept_suggestions", "confirm_new_places", "retire_citations"]
    fields = ["claim_display", "status", "before", "after", *CitationRequoteForm.Meta.fields]
    readonly_fields = ["claim_display", "status", "before", "after"]
    autocomplete_fields = ["version"]
    ordering = ["version__document", "status", "start"]

    def get_queryset(self, request):
        versions = ["version", "previous_version", "suggested_version"]
        return (
            super()
            .get_queryset(request)
            .for_review()
            .select_related("content_type", *(f"{version}__document" for version in versions))
            .defer(*(f"{version}__{name}" for version in versions for name in ("text", "raw")))
            .prefetch_related(claims_prefetch())
        )

    def has_add_permission(self, request):
        return False

    def render_change_form(self, request, context, *args, **kwargs):
        # Once re-quoted, a citation leaves the queue: back to the list after saving.
        context.update(show_save_and_continue=False, show_save_and_add_another=False)
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.display(description=_("claim"))
    def claim_display(self, obj):
        field = f" ({obj.field})" if obj.field else ""
        return f"{obj.content_type.name}: {obj.claim}{field}"

    @admin.display(description=_("before"))
    def before(self, obj):
        if obj.status == Citation.Status.MOVED and obj.previous_version_id:
            return passage_in_context(
                obj.previous_prefix, obj.quote, obj.previous_suffix, obj.previous_version
            )
        return passage_in_context(obj.prefix, obj.quote, obj.suffix, obj.version)

    @admin.display(description=_("now, or suggested"))
    def after(self, obj):
        if obj.status == Citation.Status.MOVED:
            return passage_in_context(obj.prefix, obj.quote, obj.suffix, obj.version)
        if obj.has_suggestion:
            where = _("suggested in %(version)s") % {"version": obj.suggested_version}
            return passage_in_context(
                obj.suggested_prefix, obj.suggested_quote, obj.suggested_suffix, where
            )
        return _("No near match in the current version: re-quote by hand, or retire.")

    @admin.display(description=_("similarity"), ordering="suggestion_score")
    def score_display(self, obj):
        if obj.suggestion_score is None:
            return "—"
        return f"{obj.suggestion_score:.0%}"

    def _settle(self, request, queryset, settle, done_message):
        done, refused = 0, []
        for citation in queryset:
            try:
                with transaction.atomic():
                    settle(citation)
            except ValidationError as error:
                refused.append(f"{citation}: {' '.join(error.messages)}")
            else:
                done += 1
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)
        for problem in refused:
            self.message_user(request, problem, messages.ERROR)

    @admin.action(description=_("Accept the suggested passage (re-anchored exactly, verified)"))
    def accept_suggestions(self, request, queryset):
        self._settle(
            request,
            queryset,
            lambda citation: citation.accept_suggestion(),
            _("%(count)d citation(s) re-anchored on the suggested passage."),
        )

    @admin.action(description=_("Confirm the new place of moved citations (verified)"))
    def confirm_new_places(self, request, queryset):
        self._settle(
            request,
            queryset,
            lambda citation: citation.confirm_place(),
            _("%(count)d moved citation(s) confirmed in their new place."),
        )

    @admin.action(description=_("Retire: the passage no longer supports the claim"))
    def retire_citations(self, request, queryset):
        reason = _("By %(user)s, from the citation health queue.") % {
            "user": request.user.get_username()
        }
        self._settle(
            request,
            queryset,
            lambda citation: citation.retire(reason),
            _("%(count)d citation(s) retired."),
        )
