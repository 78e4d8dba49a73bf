"""Citations in the admin: the inline on every claim, the citations list and its review,
and the citation health queue."""

from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from documents.claims import claim_models, claims_prefetch
from documents.forms import CitationForm, CitationRequoteForm
from documents.models import Citation, CitationForReview, DocumentVersion
from editorial.history_admin import HistoryAdmin
from editorial.locking_admin import LockingAdmin, LockingInline


class CitationInline(LockingInline, GenericTabularInline):
    """The quotes that back a claim, editable on the claim's own page."""

    model = Citation
    form = CitationForm
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


@admin.register(Citation)
class CitationAdmin(LockingAdmin, HistoryAdmin):
    form = CitationForm
    list_display = ["__str__", "claim_display", "version", "status", "review", "checked_at"]
    list_filter = ["status", CitationReviewFilter, "content_type", "version__document"]
    search_fields = ["quote", "note"]
    autocomplete_fields = ["version"]
    readonly_fields = ["passage", "start", "end", "status", "replaced_by", "checked_at", "review"]
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
        "replaced_by",
        "checked_at",
        "review",
        "note",
    ]
    list_select_related = ["version__document", "content_type", "reviewed_by"]

    def has_review_permission(self, request, obj=None):
        return request.user.has_perm("documents.review_citation")

    def get_readonly_fields(self, request, obj=None):
        # A citation keeps its claim: retire it and cite again elsewhere (``check_claim``).
        claim = ["content_type", "object_id"] if obj is not None else []
        return [*claim, *super().get_readonly_fields(request, obj)]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "content_type":
            models = claim_models()
            kinds = ContentType.objects.get_for_models(*models).values()
            kwargs["queryset"] = ContentType.objects.filter(pk__in=[kind.pk for kind in kinds])
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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
class CitationHealthQueueAdmin(LockingAdmin, admin.ModelAdmin):
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

    def get_actions(self, request):
        # A citation in the queue is settled or retired, never deleted: its history is
        # the record of what the document said.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_queryset(self, request):
        versions = ["version", "previous_version", "suggested_version"]
        return (
            super()
            .get_queryset(request)
            .for_review()
            .select_related("content_type", *(f"{version}__document" for version in versions))
            .defer(
                *(f"{version}__{name}" for version in versions for name in DocumentVersion.TEXTS)
            )
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
