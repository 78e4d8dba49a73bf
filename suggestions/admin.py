"""The suggested facts in the admin: a list to filter by kind, status and document;
accept (a pre-filled form for the record, editable; saving creates the record and its
verified citation together) or reject (remembered: never proposed again)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from documents.models import DocumentVersion
from editorial.locking_admin import LockingAdmin
from partners.models import Event, Partner
from periods.forms import PreciseDateField, PreciseDateModelForm
from programmes.models import Participation, Programme
from suggestions.deciding import accept, citation_for, initial_record, reject
from suggestions.models import Suggestion

# Accept forms ------------------------------------------------------------------------


class AcceptSuggestionForm(PreciseDateModelForm):
    """The record a suggestion becomes, and the quote its citation will carry."""

    quote = forms.CharField(
        label=_("quote"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text=_(
            "Saved as the record's verified citation: the sentence, or the part of it that "
            "supports the record, word for word."
        ),
    )
    #: translated fields of which one language at least must be given
    needs_one_of: tuple[str, ...] = ()

    def __init__(self, *args, suggestion: Suggestion, **kwargs):
        super().__init__(*args, **kwargs)
        self.suggestion = suggestion
        self.citation = None

    def clean_quote(self):
        citation = citation_for(self.suggestion, self.cleaned_data["quote"])
        try:
            citation.anchor()
        except ValidationError as error:
            raise ValidationError(error.message_dict["quote"]) from error
        self.citation = citation
        return citation.quote

    def clean(self):
        cleaned = super().clean()
        for name in self.needs_one_of:
            if not any(cleaned.get(f"{name}_{language}") for language in ("fr", "en")):
                self.add_error(
                    f"{name}_{self.suggestion.version.document.language}",
                    _("Give it in at least one language."),
                )
        return cleaned


class AcceptParticipationForm(AcceptSuggestionForm):
    start = PreciseDateField(label=_("start"))
    end = PreciseDateField(label=_("end"))

    class Meta:
        model = Participation
        fields = ["partner", "programme", "role", "start", "end", "status", "note_fr", "note_en"]


class AcceptEventForm(AcceptSuggestionForm):
    date = PreciseDateField(label=_("date"), required=True)
    end = PreciseDateField(label=_("end"))
    needs_one_of = ("title",)

    class Meta:
        model = Event
        fields = [
            "relationship",
            "kind",
            "title_fr",
            "title_en",
            "slug",
            "date",
            "end",
            "place_fr",
            "place_en",
            "partners",
            "programme",
        ]


class AcceptProgrammeForm(AcceptSuggestionForm):
    start = PreciseDateField(label=_("start"))
    needs_one_of = ("name",)

    class Meta:
        model = Programme
        fields = [
            "name_fr",
            "name_en",
            "acronym_fr",
            "acronym_en",
            "slug",
            "kind",
            "run_by",
            "parent",
            "start",
        ]


class AcceptPartnerForm(AcceptSuggestionForm):
    needs_one_of = ("name",)

    class Meta:
        model = Partner
        fields = ["name_fr", "name_en", "acronym_fr", "acronym_en", "slug", "kind", "status"]


ACCEPT_FORMS = {
    Suggestion.Kind.PARTICIPATION: AcceptParticipationForm,
    Suggestion.Kind.EVENT: AcceptEventForm,
    Suggestion.Kind.NEW_PROGRAMME: AcceptProgrammeForm,
    Suggestion.Kind.NEW_PARTNER: AcceptPartnerForm,
}


# Admin -------------------------------------------------------------------------------


@admin.register(Suggestion)
class SuggestionAdmin(LockingAdmin, admin.ModelAdmin):
    list_display = [
        "sentence",
        "kind",
        "proposal",
        "confidence_display",
        "status",
        "document",
        "decide",
    ]
    list_filter = [
        "kind",
        "status",
        ("version__document", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["quote", "name", "acronym", "partner__name_fr", "programme__name_fr"]
    ordering = ["version__document", "start", "kind"]
    actions = ["reject_suggestions"]
    fields = [
        "version",
        "kind",
        "status",
        "passage",
        "proposal",
        "confidence",
        "role",
        "event_kind",
        "fingerprint",
        "created_at",
        "decided_at",
        "decide",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("version__document", "partner", "programme", "record_type")
            .defer(*(f"version__{name}" for name in DocumentVersion.TEXTS))
            .prefetch_related("partners")
        )

    def has_add_permission(self, request):
        return False  # suggestions come from reading texts

    def get_urls(self):
        return [
            path(
                "<path:object_id>/accept/",
                self.admin_site.admin_view(self.accept_view),
                name="suggestions_suggestion_accept",
            ),
            *super().get_urls(),
        ]

    # Columns ---------------------------------------------------------------------------

    @admin.display(description=_("sentence"))
    def sentence(self, obj):
        quote = obj.quote if len(obj.quote) <= 160 else obj.quote[:159] + "…"
        return quote

    @admin.display(description=_("passage in its context"))
    def passage(self, obj):
        return format_html("…{}<mark>{}</mark>{}…", obj.prefix, obj.quote, obj.suffix)

    @admin.display(description=_("suggested"))
    def proposal(self, obj):
        if obj.kind == Suggestion.Kind.PARTICIPATION:
            dates = " – ".join(str(d) for d in (obj.date, obj.date_end) if d)
            return format_html(
                "{} — {} ({}{})",
                obj.partner or "?",
                obj.programme or "?",
                obj.get_role_display() or "?",
                f", {dates}" if dates else "",
            )
        if obj.kind == Suggestion.Kind.EVENT:
            partners = ", ".join(str(p) for p in obj.partners.all())
            return format_html(
                "{} — {} · {}{}",
                obj.date,
                obj.get_event_kind_display() or "?",
                partners or "—",
                f" · {obj.programme}" if obj.programme else "",
            )
        return format_html("{} ({})", obj.name, obj.acronym)

    @admin.display(description=_("confidence"), ordering="confidence")
    def confidence_display(self, obj):
        return f"{obj.confidence:.0%}"

    @admin.display(description=_("document"), ordering="version__document")
    def document(self, obj):
        return obj.version.document

    @admin.display(description=_("decision"))
    def decide(self, obj):
        if obj.is_pending:
            url = reverse("admin:suggestions_suggestion_accept", args=[obj.pk])
            return format_html('<a href="{}">{}</a>', url, _("Accept or reject…"))
        if obj.status == Suggestion.Status.ACCEPTED and obj.record_type_id:
            url = reverse(
                f"admin:{obj.record_type.app_label}_{obj.record_type.model}_change",
                args=[obj.record_id],
            )
            return format_html('<a href="{}">{}</a>', url, _("Record created"))
        return obj.get_status_display()

    # Deciding --------------------------------------------------------------------------

    @admin.action(description=_("Reject: never propose these again"))
    def reject_suggestions(self, request, queryset):
        done = 0
        for suggestion in queryset.pending():
            try:
                reject(suggestion)
            except ValidationError as error:
                self.message_user(
                    request, f"{suggestion}: {' '.join(error.messages)}", messages.ERROR
                )
            else:
                done += 1
        self.message_user(
            request,
            _("%(count)d suggestion(s) rejected; they will not be proposed again.")
            % {"count": done},
            messages.SUCCESS,
        )

    def accept_view(self, request, object_id):
        suggestion = get_object_or_404(
            Suggestion.objects.select_related("version__document", "partner", "programme"),
            pk=object_id,
        )
        form_class = ACCEPT_FORMS[suggestion.kind]
        model_opts = form_class._meta.model._meta
        if not (
            self.has_change_permission(request, suggestion)
            and request.user.has_perm(f"{model_opts.app_label}.add_{model_opts.model_name}")
        ):
            raise PermissionDenied
        changelist = reverse("admin:suggestions_suggestion_changelist")
        if not suggestion.is_pending:
            self.message_user(
                request,
                _("This suggestion was already %(status)s.")
                % {"status": suggestion.get_status_display().lower()},
                messages.WARNING,
            )
            return HttpResponseRedirect(changelist)
        if request.method == "POST" and "_reject" in request.POST:
            try:
                reject(suggestion)
            except ValidationError as error:  # decided by someone else meanwhile
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                message = _("Rejected; it will not be proposed again.")
                self.message_user(request, message, messages.SUCCESS)
            return HttpResponseRedirect(changelist)
        if request.method == "POST":
            form = form_class(request.POST, suggestion=suggestion)
        else:
            initial = {**initial_record(suggestion), "quote": suggestion.quote}
            form = form_class(initial=initial, suggestion=suggestion)
        if request.method == "POST" and form.is_valid():
            try:
                record = accept(suggestion, form, form.citation)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                url = reverse(
                    f"admin:{model_opts.app_label}_{model_opts.model_name}_change",
                    args=[record.pk],
                )
                self.message_user(
                    request,
                    format_html(
                        '{} <a href="{}">{}</a>',
                        _("Accepted: created with its verified citation:"),
                        url,
                        record,
                    ),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(changelist)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "suggestion": suggestion,
            "record_opts": model_opts,
            "form": form,
            "media": self.media + form.media,
            "title": _("Accept a suggested fact"),
        }
        return TemplateResponse(request, "admin/suggestions/suggestion/accept.html", context)
