"""Document versions in the admin: their text, what changed since the version before, and
the review of an imported one — what publishing it would do to the citations (a dry run,
``documents/publishing.py``), then *Publish* or *Discard*, for reviewers, as buttons under
the form and as list actions."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from documents import publishing
from documents.diffing import html_diff
from documents.models import Citation, DocumentVersion
from editorial.history_admin import HistoryAdmin
from editorial.locking_admin import LockingAdmin
from editorial.views import version_preview_url

DECISIONS = {
    "publish": (publishing.publish_version, _("Publish this version")),
    "discard": (publishing.discard_version, _("Discard this version")),
}


def compared_version(version: DocumentVersion) -> DocumentVersion | None:
    """What a version's changes are read against: for a published one, the published
    version before it; for one waiting for a reviewer (or set aside), the current one,
    which publishing would replace."""
    versions = DocumentVersion.objects.filter(document=version.document_id).exclude(pk=version.pk)
    if not version.is_published:
        return versions.filter(is_current=True).first()
    return versions.published().filter(number__lt=version.number).order_by("-number").first()


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


def report_publication(model_admin, request, result: publishing.PublishResult):
    """What publishing did, with links to what is left to curators."""
    model_admin.message_user(request, result.summary(), messages.SUCCESS)
    query = urlencode({"version__document__id__exact": result.version.document_id})
    for count, url, message, level in (
        (
            result.needs_review,
            reverse("admin:documents_citationforreview_changelist"),
            _("%(count)d citation(s) to review in the citation health queue."),
            messages.WARNING,
        ),
        (
            result.suggested_facts,
            reverse("admin:suggestions_suggestion_changelist"),
            _("%(count)d fact(s) suggested by the new text."),
            messages.INFO,
        ),
    ):
        if count:
            link = format_html('<a href="{}?{}">{}</a>', url, query, message % {"count": count})
            model_admin.message_user(request, link, level)


def decision_action(name):
    decide, label = DECISIONS[name]

    def action(model_admin, request, queryset):
        for version in queryset.select_related("document"):
            model_admin.decide(request, version, name)

    action.__name__ = f"{name}_versions"
    return admin.action(permissions=["publish"], description=label)(action)


@admin.register(DocumentVersion)
class DocumentVersionAdmin(LockingAdmin, HistoryAdmin):
    class Media:
        # The diff's, the text's and the dry run's styles: the Content-Security-Policy
        # allows no inline style.
        css = {"all": ["css/admin.css"]}

    change_form_template = "admin/documents/documentversion/change_form.html"
    actions = [decision_action(name) for name in DECISIONS]
    list_display = [
        "__str__",
        "status",
        "is_current",
        "imported_by",
        "stated_update",
        "retrieved_at",
        "imported_at",
        "short_sha256",
        "citation_count",
    ]
    list_filter = ["status", "is_current", "document"]
    search_fields = ["document__title_fr", "document__title_en", "document__slug", "sha256"]
    autocomplete_fields = ["document"]
    date_hierarchy = "imported_at"

    fields = [
        "document",
        "number",
        "status",
        "is_current",
        "imported_at",
        "imported_by",
        "published_at",
        "published_by",
        "discarded_at",
        "discarded_by",
        "stated_update",
        "stated_update_text",
        "retrieved_at",
        "sha256",
        "effect_on_citations",
        "diff_with_previous",
        "text_display",
    ]
    # A stored text is never edited, and which version is current changes only when a
    # reviewer publishes one, which re-anchors the citations; only the stated update date
    # can be corrected here.
    readonly_fields = [f for f in fields if f not in ("stated_update", "stated_update_text")]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("document", "imported_by")
            .annotate(number_of_citations=Count("citations"))
            # Grouping drops the default ordering, which the autocomplete's pages need.
            .order_by("document", "-number")
        )

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is None or not obj.is_pending:
            fields = [f for f in fields if f != "effect_on_citations"]
        return fields

    def get_search_results(self, request, queryset, search_term):
        queryset, duplicates = super().get_search_results(request, queryset, search_term)
        if request.GET.get("app_label") == "documents" and request.GET.get("field_name") in (
            "version",
        ):
            queryset = queryset.published()  # a citation quotes a published version only
        return queryset, duplicates

    def has_add_permission(self, request):
        # New versions come in through the import page, which checks the text.
        return False

    def has_publish_permission(self, request, obj=None):
        return publishing.may_decide(request.user)

    def get_view_on_site_url(self, obj=None):
        if obj is not None and not obj.is_published:
            return version_preview_url(obj)  # staff only: the public does not see it
        return super().get_view_on_site_url(obj)

    # Reviewing a pending version ---------------------------------------------------

    def decide(self, request, version, name, seen=None) -> bool:
        decide, _label = DECISIONS[name]
        try:
            result = decide(version, request.user, seen=seen)
        except (ValidationError, PermissionDenied) as error:
            reasons = getattr(error, "messages", None) or [str(error)]
            self.message_user(request, f"{version}: {' '.join(reasons)}", messages.ERROR)
            return False
        if name == "publish":
            report_publication(self, request, result)
        else:
            message = _("%(version)s is discarded: the public never sees it.")
            self.message_user(request, message % {"version": version}, messages.SUCCESS)
        return True

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["decisions"] = []
        if obj is not None and obj.is_pending and publishing.may_decide(request.user):
            context["decisions"] = [(name, label) for name, (_d, label) in DECISIONS.items()]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if change and not form.has_changed():
            # A decision pressed on the unchanged form: nothing of the reviewer's to record
            # as a change (the four-eyes rule reads the history).
            return
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        name = request.POST.get("_transition")
        if not name:
            return super().response_change(request, obj)
        if name not in DECISIONS:
            self.message_user(request, _("Unknown transition."), messages.ERROR)
        else:
            # ``obj`` is the row as this request read it (and, if the form changed, saved):
            # a decision taken on another version of it is refused.
            self.decide(request, obj, name, seen=obj.lock_version)
        return HttpResponseRedirect(request.path)

    # What the page shows -----------------------------------------------------------

    @admin.display(description=_("effect on citations if published"))
    def effect_on_citations(self, obj):
        plan = publishing.plan_reanchoring(obj)
        # What needs a curator first.
        order = (Citation.Status.ORPHANED, Citation.Status.CHANGED, Citation.Status.MOVED)
        groups = [
            (status.label, plan.of_status(status)) for status in (*order, Citation.Status.VERIFIED)
        ]
        return render_to_string(
            "admin/documents/documentversion/reanchoring_plan.html",
            {
                "plan": plan,
                "counts": publishing.count_statuses(plan.counts),
                "groups": [(label, outcomes) for label, outcomes in groups if outcomes],
            },
        )

    @admin.display(description=_("changes since the previous version"))
    def diff_with_previous(self, obj):
        previous = compared_version(obj)
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
