"""Publishing an imported document version, or discarding it: a reviewer's decision.

An import stores a new version as *pending* (``documents/importing.py``): the public goes on
reading the current version, and every citation stays where it is. ``plan_reanchoring``
says, writing nothing, what publishing would do to each citation (the rules are in
``documents/reanchoring.py``). ``publish_version`` makes the version current and re-anchors
the citations of the previous one, then reads the facts the new text suggests, in one
transaction; ``discard_version`` sets it aside for good.

Both need ``documents.publish_documentversion`` (reviewers). Publishing also follows the
four-eyes rule (``editorial/four_eyes.py``): whoever imported the version, or changed it
since, does not publish it, unless ``DJANGO_ALLOW_SELF_REVIEW=1``. Discarding one's own
import is allowed: it makes nothing public. A call without a user is the command line or
the seed loader, which answer to no reviewer.
"""

from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents import reanchoring
from documents.claims import claims_prefetch
from documents.models import Citation, DocumentVersion, SourceDocument
from editorial.four_eyes import authors_since, check_not_own_change, save_as_workflow
from editorial.locking import StaleRecord
from suggestions.reading import suggest_facts

PERMISSION = "documents.publish_documentversion"


def may_decide(user) -> bool:
    return user.has_perm(PERMISSION)


def version_authors(version: DocumentVersion) -> set[int]:
    """Who brought this version in or changed it (its stated update): not its reviewer."""
    authors = authors_since(version)
    if version.imported_by_id is not None:
        authors.add(version.imported_by_id)
    return authors


def check_may_publish(version: DocumentVersion, user):
    if not may_decide(user):
        raise PermissionDenied(_("You may not publish or discard document versions."))
    check_not_own_change(
        version,
        user,
        authors=version_authors(version),
        message=_(
            "You imported or changed this version: another reviewer must publish it "
            "(four-eyes rule)."
        ),
    )


# What publishing would do, and does, to the citations -----------------------------------


@dataclass
class Outcome:
    """One citation re-anchored on the new version: ``citation`` as it is (or would be)
    after, with where it stood before."""

    citation: Citation
    status_before: str
    version_before: DocumentVersion
    start_before: int
    end_before: int
    public_before: bool

    @property
    def status(self) -> str:
        return self.citation.status

    @property
    def status_label(self) -> str:
        return Citation.Status(self.citation.status).label

    @property
    def status_before_label(self) -> str:
        return Citation.Status(self.status_before).label

    @property
    def stays_public(self) -> bool:
        """Still evidence the public sees: supporting, with its review kept."""
        return self.citation.is_supporting and self.citation.is_reviewed

    @property
    def leaves_the_public(self) -> bool:
        return self.public_before and not self.stays_public


def citations_to_reanchor(previous: DocumentVersion, version: DocumentVersion):
    """Every citation of ``previous``, and every citation of an older version of the
    document still waiting for a curator (``changed`` or ``orphaned``); retired ones are
    left alone."""
    return (
        Citation.objects.filter(version__document_id=version.document_id)
        .exclude(version=version)
        .filter(
            Q(version=previous) | Q(status__in=(Citation.Status.CHANGED, Citation.Status.ORPHANED))
        )
        .exclude(status=Citation.Status.RETIRED)
        .select_related("version")
        .order_by("version_id", "start", "pk")
    )


def reanchor_citations(
    previous: DocumentVersion, version: DocumentVersion, *, save: bool = True, author=None
):
    """Re-check against ``version`` the citations ``citations_to_reanchor`` names. Returns
    the number of citations per resulting status, how many near matches were suggested,
    and each ``Outcome``. With ``save=False``, a dry run: nothing is written. ``author``
    is recorded in the citations' history as the author of the change (the importer: the
    new text is what moved them)."""
    citations = citations_to_reanchor(previous, version)
    if not save:
        citations = citations.select_related("content_type").prefetch_related(claims_prefetch())
    citations = list(citations)
    taken = set(
        Citation.objects.filter(version=version).values_list(
            "content_type_id", "object_id", "field", "start", "end"
        )
    )
    outcomes, suggestions, details = Counter(), 0, []
    for old_version, group in groupby(citations, key=lambda citation: citation.version):
        group = list(group)
        passages = [
            reanchoring.CitedPassage(c.quote, c.start, c.end, c.prefix, c.suffix) for c in group
        ]
        results = reanchoring.reanchor_all(old_version.text, version.text, passages)
        for citation, result in zip(group, results, strict=True):
            before = Outcome(
                citation,
                citation.status,
                citation.version,
                citation.start,
                citation.end,
                citation.is_supporting and citation.is_reviewed,
            )
            if save:
                citation._history_user = author
            record_outcome(citation, result, version, taken, save=save)
            outcomes[citation.status] += 1
            suggestions += citation.has_suggestion
            details.append(before)
    return outcomes, suggestions, details


def record_outcome(citation: Citation, result, version: DocumentVersion, taken: set, save=True):
    """Apply one re-anchoring result to ``citation`` and (``save``) save it."""
    citation.checked_at = timezone.now()
    anchor = result.anchor
    key = anchor and (citation.content_type_id, citation.object_id, citation.field)
    if anchor is not None and (*key, anchor.start, anchor.end) in taken:
        # Another citation of the same claim already landed on this passage: a curator
        # decides (usually: retire this one).
        result = reanchoring.Reanchored(
            reanchoring.CHANGED,
            suggestion=reanchoring.NearMatch(
                anchor.quote, anchor.start, anchor.end, anchor.prefix, anchor.suffix, 1.0
            ),
        )
        anchor = None
    if anchor is not None:
        taken.add((*key, anchor.start, anchor.end))
        # A move stays a move until a curator confirms it, even if nothing changed since.
        moved = reanchoring.MOVED in (result.status, citation.status)
        if moved and citation.status != Citation.Status.MOVED:
            citation.previous_version = citation.version
            citation.previous_prefix, citation.previous_suffix = citation.prefix, citation.suffix
        elif not moved:
            citation.forget_previous_place()
        if citation.is_reviewed and not moved:
            # The same words in the same context: what the reviewer confirmed still holds.
            citation.reviewed_version = version
            citation.reviewed_start, citation.reviewed_end = anchor.start, anchor.end
        citation.version = version
        citation.start, citation.end = anchor.start, anchor.end
        citation.prefix, citation.suffix = anchor.prefix, anchor.suffix
        citation.status = Citation.Status.MOVED if moved else Citation.Status.VERIFIED
        citation.clear_suggestion()
    else:
        citation.status = result.status
        citation.forget_previous_place()
        citation.clear_suggestion()
        suggestion = result.suggestion
        if suggestion is not None:
            citation.suggested_version = version
            citation.suggested_quote = suggestion.quote
            citation.suggested_start, citation.suggested_end = suggestion.start, suggestion.end
            citation.suggested_prefix = suggestion.prefix
            citation.suggested_suffix = suggestion.suffix
            citation.suggestion_score = suggestion.score
    if save:
        citation.save()


@dataclass
class ReanchoringPlan:
    """What publishing ``version`` would do to the citations, as of now."""

    version: DocumentVersion
    current: DocumentVersion | None
    outcomes: list[Outcome] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    suggestions: int = 0

    def of_status(self, status) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.status == status]

    @property
    def leaving_the_public(self) -> int:
        return sum(outcome.leaves_the_public for outcome in self.outcomes)


def plan_reanchoring(version: DocumentVersion) -> ReanchoringPlan:
    """A dry run of publishing ``version`` against the document's current version: each
    citation as it would be, nothing written."""
    current = (
        DocumentVersion.objects.filter(document_id=version.document_id, is_current=True)
        .exclude(pk=version.pk)
        .first()
    )
    plan = ReanchoringPlan(version=version, current=current)
    if current is None:
        return plan
    plan.counts, plan.suggestions, plan.outcomes = reanchor_citations(current, version, save=False)
    return plan


# Decisions ---------------------------------------------------------------------------


@dataclass
class PublishResult:
    version: DocumentVersion
    previous: DocumentVersion | None = None
    #: status → number of citations carried over from earlier versions
    outcomes: Counter = field(default_factory=Counter)
    suggestions: int = 0
    #: facts the new text suggests (``suggestions/reading.py``), waiting for a curator
    suggested_facts: int = 0

    @property
    def needs_review(self) -> int:
        return sum(self.outcomes[status] for status in Citation.REVIEW_STATUSES)

    def summary(self) -> str:
        if self.previous is None:
            return str(
                _("Version %(number)d of “%(document)s” is published: the document is public.")
                % {"number": self.version.number, "document": self.version.document}
            )
        return str(
            _(
                "Version %(number)d of “%(document)s” is now current. Citations re-checked: "
                "%(counts)s; %(suggestions)d near match(es) suggested."
            )
            % {
                "number": self.version.number,
                "document": self.version.document,
                "counts": count_statuses(self.outcomes) or _("none"),
                "suggestions": self.suggestions,
            }
        )


def count_statuses(outcomes: Counter) -> str:
    return ", ".join(
        f"{Citation.Status(status).label}: {outcomes[status]}"
        for status in Citation.Status.values
        if outcomes[status]
    )


def _locked(version: DocumentVersion, seen: int | None) -> DocumentVersion:
    """The version's row, locked with its document's (one decision or import at a time per
    document), checked against the ``lock_version`` the reviewer saw."""
    SourceDocument.objects.select_for_update().filter(pk=version.document_id).first()
    locked = DocumentVersion.objects.select_for_update().select_related("document")
    locked = locked.get(pk=version.pk)
    if seen is not None and locked.lock_version != seen:
        raise StaleRecord(locked, seen)
    if not locked.is_pending:
        raise ValidationError(
            _("This version is “%(status)s”: only a pending version can be decided.")
            % {"status": locked.get_status_display()},
            code="decided",
        )
    return locked


def publish_version(version: DocumentVersion, user=None, *, seen: int | None = None):
    """Make the pending ``version`` its document's current version, re-anchor the
    citations of the previous one on it and read the facts it suggests, all or nothing.
    ``seen``: the ``lock_version`` the reviewer was shown (a version changed since is
    refused). Returns a ``PublishResult``."""
    with transaction.atomic():
        version = _locked(version, seen)
        if user is not None:
            check_may_publish(version, user)
        previous = (
            DocumentVersion.objects.select_for_update()
            .filter(document_id=version.document_id, is_current=True)
            .first()
        )
        if previous is not None and previous.number > version.number:
            raise ValidationError(
                _(
                    "Version %(current)d, newer than this one, is already published: discard "
                    "this version, or import its text again."
                )
                % {"current": previous.number},
                code="older",
            )
        if previous is not None:
            previous.is_current = False
            save_as_workflow(previous, user, update_fields=["is_current"])
        version.status = DocumentVersion.Status.PUBLISHED
        version.is_current = True
        version.published_at, version.published_by = timezone.now(), user
        save_as_workflow(
            version, user, update_fields=["status", "is_current", "published_at", "published_by"]
        )
        result = PublishResult(version=version, previous=previous)
        if previous is not None:
            result.outcomes, result.suggestions, _details = reanchor_citations(
                previous, version, author=version.imported_by
            )
        result.suggested_facts = suggest_facts(version).total
        return result


def discard_version(version: DocumentVersion, user=None, *, seen: int | None = None):
    """Set the pending ``version`` aside: never public, its document's citations left as
    they are. Returns the version."""
    with transaction.atomic():
        version = _locked(version, seen)
        if user is not None and not may_decide(user):
            raise PermissionDenied(_("You may not publish or discard document versions."))
        version.status = DocumentVersion.Status.DISCARDED
        version.discarded_at, version.discarded_by = timezone.now(), user
        save_as_workflow(version, user, update_fields=["status", "discarded_at", "discarded_by"])
        return version
