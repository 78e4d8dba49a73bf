"""The four-eyes rule: a reviewer never approves a change of their own.

Who changed a record is read from its history (django-simple-history records the author of
every save). Saves that only move a record through the workflow — a transition, a review —
are written with ``WORKFLOW`` as their change reason and are not changes of content, so
submitting someone else's draft does not make a reviewer its author.

A one-person team turns the rule off with ``DJANGO_ALLOW_SELF_REVIEW=1`` (off by default).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: The change reason of a history row written by the workflow, not by a change of content.
WORKFLOW = "workflow"


def authors_since(record, since=None) -> set[int]:
    """The ids of the users who changed ``record``'s content after ``since`` (ever, when
    ``None``). Changes made by no one in particular (the seed loader, an import) count for
    no one."""
    rows = record.history.exclude(history_user=None).exclude(history_change_reason=WORKFLOW)
    if since is not None:
        rows = rows.filter(history_date__gt=since)
    return set(rows.values_list("history_user_id", flat=True).distinct())


def check_not_own_change(record, user, since=None, authors=(), message=None):
    """Refuse ``user``'s approval of ``record`` if they changed it after ``since``, or are
    one of ``authors`` (ids of users the record names as its authors: who imported a
    document version)."""
    if settings.ALLOW_SELF_REVIEW:
        return
    if user.pk in authors or user.pk in authors_since(record, since):
        raise ValidationError(
            message
            or _(
                "You changed this since its last review: another reviewer must approve it "
                "(four-eyes rule)."
            ),
            code="own_change",
        )


def save_as_workflow(instance, user, **kwargs):
    """Save a workflow-only change of ``instance`` by ``user``: not a change of content."""
    instance._history_user = user
    instance._change_reason = WORKFLOW
    try:
        instance.save(**kwargs)
    finally:
        del instance._change_reason
