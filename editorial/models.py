"""Publication state of claim records: draft → in review → published → unpublished.

Every claim model (partner, relationship, event, programme, participation) inherits
``Publishable``; its QuerySet's ``published()`` says what the public may see, taking into
account the records it depends on (an event of a draft relationship is not published).
The allowed transitions and the permission each needs are in ``TRANSITIONS``, applied by
``Publishable.transition()`` only.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.four_eyes import check_not_own_change, save_as_workflow
from editorial.locking import Versioned


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


@dataclass(frozen=True)
class Transition:
    name: str
    source: tuple
    target: str
    # "change": any curator (change_<model>); "publish": a reviewer (publish_<model>).
    permission: str
    label: str


S = PublicationState
TRANSITIONS = {
    t.name: t
    for t in (
        Transition("submit", (S.DRAFT,), S.IN_REVIEW, "change", _("Submit for review")),
        Transition("withdraw", (S.IN_REVIEW,), S.DRAFT, "change", _("Back to draft")),
        Transition("publish", (S.IN_REVIEW, S.UNPUBLISHED), S.PUBLISHED, "publish", _("Publish")),
        # A published record edited since: the reviewer checks the change and confirms it.
        Transition("approve", (S.PUBLISHED,), S.PUBLISHED, "publish", _("Approve the changes")),
        Transition("unpublish", (S.PUBLISHED,), S.UNPUBLISHED, "publish", _("Unpublish")),
        Transition("redraft", (S.UNPUBLISHED,), S.DRAFT, "change", _("Back to draft")),
    )
}


def permission_name(model, kind: str) -> str:
    """``partners.publish_relationship`` or ``partners.change_relationship``."""
    return f"{model._meta.app_label}.{kind}_{model._meta.model_name}"


class PublishableQuerySet(models.QuerySet):
    # The other records a record's publication depends on, as lookups to their state
    # (``relationship__subject``); a model's QuerySet names them.
    depends_on: tuple = ()
    # The same, for a foreign key that may be empty (``programme`` of an event).
    depends_on_optional: tuple = ()

    def published(self):
        state = PublicationState.PUBLISHED
        conditions = models.Q(publication_state=state)
        for lookup in self.depends_on:
            conditions &= models.Q(**{f"{lookup}__publication_state": state})
        for lookup in self.depends_on_optional:
            conditions &= models.Q(**{f"{lookup}__isnull": True}) | models.Q(
                **{f"{lookup}__publication_state": state}
            )
        return self.filter(conditions)

    def previewable(self):
        """What staff may preview: everything not taken down."""
        return self.exclude(publication_state=PublicationState.UNPUBLISHED)

    def waiting_for_review(self):
        return self.filter(publication_state=PublicationState.IN_REVIEW)

    def changed_since_review(self):
        """Edited after its last publication by a reviewer (or never reviewed)."""
        return self.filter(
            models.Q(reviewed_at__isnull=True) | models.Q(changed_at__gt=models.F("reviewed_at"))
        )


def acting_user(verbose_name):
    """Who took a step of the workflow (submitted, reviewed, imported, published…): set by
    the workflow only, never by a form, and kept empty if the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=verbose_name,
    )


class Publishable(Versioned):
    State = PublicationState

    publication_state = models.CharField(
        _("publication state"),
        max_length=16,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
        db_index=True,
        editable=False,  # changed by ``transition()`` only, never by a form
    )
    changed_at = models.DateTimeField(_("last changed at"), default=timezone.now, editable=False)
    submitted_at = models.DateTimeField(
        _("submitted for review at"), null=True, blank=True, editable=False
    )
    submitted_by = acting_user(_("submitted by"))
    # The last publication by a reviewer: the public "last reviewed" date.
    reviewed_at = models.DateTimeField(_("last reviewed at"), null=True, blank=True, editable=False)
    reviewed_by = acting_user(_("last reviewed by"))

    # Fields the workflow alone writes: not edited in forms, not restored by a revert.
    WORKFLOW_FIELDS = (
        "publication_state",
        "submitted_at",
        "submitted_by",
        "reviewed_at",
        "reviewed_by",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Any save but a state change alone counts as a change of content.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or not set(update_fields) <= set(self.WORKFLOW_FIELDS):
            self.changed_at = timezone.now()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "changed_at"}
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return self.publication_state == PublicationState.PUBLISHED

    def allowed_transitions(self, user) -> list[Transition]:
        return [
            t
            for t in TRANSITIONS.values()
            if self.publication_state in t.source
            and user.has_perm(permission_name(type(self), t.permission))
        ]

    def unreviewed_citations(self):
        """Supporting citations no reviewer has confirmed since they last changed."""
        return [c for c in self.citations.supporting() if not c.is_reviewed]

    def transition(self, name: str, user):
        """Move to another state, if ``user`` may and the state allows it; save.

        Publishing needs every supporting citation reviewed (``Citation.review``), and at
        least one: the public never sees a claim no reviewer checked against its source."""
        try:
            transition = TRANSITIONS[name]
        except KeyError:
            raise ValidationError(_("Unknown transition.")) from None
        if not user.has_perm(permission_name(type(self), transition.permission)):
            raise PermissionDenied(_("You may not do this."))
        if self.publication_state not in transition.source:
            raise ValidationError(
                _("A record in state “%(state)s” cannot go to “%(target)s”.")
                % {
                    "state": self.get_publication_state_display(),
                    "target": PublicationState(transition.target).label,
                }
            )
        now = timezone.now()
        if transition.target == PublicationState.PUBLISHED:
            check_not_own_change(self, user, since=self.reviewed_at)
            if not self.citations.supporting().exists():
                raise ValidationError(_("No verified or moved citation supports this record."))
            if self.unreviewed_citations():
                raise ValidationError(_("Every citation must be reviewed before publication."))
            self.reviewed_at, self.reviewed_by = now, user
        if transition.target == PublicationState.IN_REVIEW:
            self.submitted_at, self.submitted_by = now, user
        self.publication_state = transition.target
        save_as_workflow(self, user, update_fields=list(self.WORKFLOW_FIELDS))
