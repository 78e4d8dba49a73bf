"""Admin pieces shared by every claim model: publication state in lists and forms, the
workflow as actions and buttons (each checked by ``Publishable.transition``), review
filters, history with field diffs, and revert with citations (``editorial/revert.py``)."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.history_admin import HistoryAdmin
from editorial.locking_admin import LockingAdmin
from editorial.models import TRANSITIONS, PublicationState, permission_name
from editorial.revert import revert_citations

WORKFLOW_READONLY = [
    "publication_state",
    "changed_at",
    "submitted_at",
    "submitted_by",
    "reviewed_at",
    "reviewed_by",
]


class ReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("waiting", _("Waiting for review")),
            ("changed", _("Changed since last review")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.waiting_for_review()
        if self.value() == "changed":
            return queryset.changed_since_review()
        return queryset


def transition_action(name):
    transition = TRANSITIONS[name]

    def action(model_admin, request, queryset):
        model_admin.apply_transition(request, queryset, name)

    action.__name__ = f"{name}_records"
    return admin.action(permissions=[transition.permission], description=transition.label)(action)


class PublishableAdmin(LockingAdmin, HistoryAdmin):
    """Mix in before ``TranslationAdmin``/``ModelAdmin`` for a ``Publishable`` model."""

    change_form_template = "admin/editorial/change_form.html"
    actions = [transition_action(name) for name in TRANSITIONS]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "publication_state", "review_status"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), "publication_state", ReviewFilter]

    def get_exclude(self, request, obj=None):
        # modeltranslation forgets the form's own ``Meta.exclude`` once there are
        # read-only fields (ours): say it again.
        exclude = super().get_exclude(request, obj)
        if exclude is None:
            return getattr(getattr(self.form, "_meta", None), "exclude", None)
        return exclude

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *WORKFLOW_READONLY]

    def has_publish_permission(self, request, obj=None):
        return request.user.has_perm(permission_name(self.model, "publish"))

    @admin.display(description=_("review"))
    def review_status(self, obj):
        if obj.publication_state == PublicationState.IN_REVIEW:
            return _("Waiting for review")
        if obj.reviewed_at is None:
            return _("Never reviewed")
        if obj.changed_at > obj.reviewed_at:
            return _("Changed since last review")
        return _("Reviewed")

    # The workflow ------------------------------------------------------------------

    def apply_transition(self, request, records, name):
        done, refused = 0, []
        for record in records:
            try:
                with transaction.atomic():
                    record.transition(name, request.user)
            except ValidationError as error:
                refused.append(f"{record}: {' '.join(error.messages)}")
            else:
                done += 1
        if done:
            message = _("%(action)s: %(count)d record(s).") % {
                "action": TRANSITIONS[name].label,
                "count": done,
            }
            self.message_user(request, message, messages.SUCCESS)
        for problem in refused:
            self.message_user(request, problem, messages.ERROR)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        record = obj or self.model()
        context["transitions"] = record.allowed_transitions(request.user)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _after_save(self, request, obj):
        """A workflow button pressed with the form: saved first, then moved."""
        name = request.POST.get("_transition")
        if not name:
            return None
        if name not in TRANSITIONS:
            self.message_user(request, _("Unknown transition."), messages.ERROR)
        else:
            self.apply_transition(request, [obj], name)
        info = (self.opts.app_label, self.opts.model_name)
        return HttpResponseRedirect(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._after_save(request, obj) or super().response_change(request, obj)

    # History and revert ------------------------------------------------------------

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            request.editorial_revert_to = self.model.history.filter(history_id=version_id).first()
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        record = getattr(request, "editorial_revert_to", None)
        if record is not None:
            # A revert restores content, never the workflow: no publishing by revert.
            current = type(obj).objects.get(pk=obj.pk)
            for name in obj.WORKFLOW_FIELDS:
                attname = obj._meta.get_field(name).attname
                setattr(obj, attname, getattr(current, attname))
        elif change and not form.has_changed():
            # Nothing changed (a workflow button pressed on the form): no new change to
            # review, and the reviewer pressing "approve" is not its author.
            return
        super().save_model(request, obj, form, change)
        if record is not None:
            counts = revert_citations(obj, record.history_date, request.user)
            message = _("Citations as they were then: %(restored)d restored, %(retired)d retired.")
            self.message_user(request, message % counts, messages.INFO)
