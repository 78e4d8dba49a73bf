"""Revert a claim to an earlier state of its history, with its citations as they were.

The claim's own fields come back as they were at that moment; its workflow fields
(publication state, who submitted and reviewed it) do not — a revert is an edit like any
other, and a published record stays published (and shows as changed since its review).
Its citations follow the same moment: those that existed then get their fields back
(re-created if deleted since), and those added since are retired, not deleted, so the
record of what was once cited stays.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _

from documents.models import Citation


def citation_fields():
    return [f.attname for f in Citation._meta.concrete_fields if not f.primary_key]


@transaction.atomic
def revert_citations(claim, moment, user) -> dict:
    """Put the citations of ``claim`` back as they were at ``moment``; say how many were
    restored and retired."""
    content_type = ContentType.objects.get_for_model(claim)
    then = {
        citation.pk: citation
        for citation in Citation.history.as_of(moment).filter(
            content_type=content_type, object_id=claim.pk
        )
    }
    now = {citation.pk: citation for citation in Citation.objects.for_claim(claim)}
    restored = retired = 0
    for pk, old in then.items():
        citation = now.get(pk) or Citation(pk=pk)
        changes = {
            f: getattr(old, f) for f in citation_fields() if getattr(citation, f) != getattr(old, f)
        }
        if citation.pk in now and not changes:
            continue
        for name, value in changes.items():
            setattr(citation, name, value)
        citation._history_user = user
        citation.save()
        restored += 1
    reason = _("Added after %(moment)s, to which its claim was reverted.") % {
        "moment": moment.strftime("%Y-%m-%d %H:%M")
    }
    for pk, citation in now.items():
        if pk not in then and citation.status != Citation.Status.RETIRED:
            citation._history_user = user
            citation.retire(reason)
            retired += 1
    return {"restored": restored, "retired": retired}
