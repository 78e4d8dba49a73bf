import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from editorial.models import PublicationState
from tests.factories import RelationshipFactory

pytestmark = pytest.mark.django_db


def draft_relationship(cite):
    relationship = RelationshipFactory(publication_state=PublicationState.DRAFT)
    cite(relationship)
    return relationship


def test_a_new_record_is_a_draft():
    from partners.models import Partner

    assert Partner(slug="x", name="X").publication_state == PublicationState.DRAFT


def test_a_curator_submits_a_draft_for_review_and_is_recorded(cite, curator):
    relationship = draft_relationship(cite)
    relationship.transition("submit", curator)
    relationship.refresh_from_db()
    assert relationship.publication_state == PublicationState.IN_REVIEW
    assert relationship.submitted_by == curator
    assert relationship.submitted_at is not None


def test_a_curator_cannot_publish(cite, curator):
    relationship = draft_relationship(cite)
    relationship.transition("submit", curator)
    with pytest.raises(PermissionDenied):
        relationship.transition("publish", curator)
    relationship.refresh_from_db()
    assert relationship.publication_state == PublicationState.IN_REVIEW


def test_publishing_needs_every_citation_reviewed(cite, curator, reviewer):
    relationship = draft_relationship(cite)
    relationship.transition("submit", curator)
    with pytest.raises(ValidationError, match="reviewed"):
        relationship.transition("publish", reviewer)


def test_a_reviewer_publishes_a_reviewed_record_and_is_recorded(cite, curator, reviewer):
    relationship = draft_relationship(cite)
    relationship.transition("submit", curator)
    relationship.citations.get().review(reviewer)
    relationship.transition("publish", reviewer)
    relationship.refresh_from_db()
    assert relationship.publication_state == PublicationState.PUBLISHED
    assert relationship.reviewed_by == reviewer
    assert relationship.reviewed_at >= relationship.submitted_at


def test_a_record_without_supporting_citation_cannot_be_published(curator, reviewer):
    relationship = RelationshipFactory(publication_state=PublicationState.IN_REVIEW)
    with pytest.raises(ValidationError, match="No verified or moved citation"):
        relationship.transition("publish", reviewer)


def test_a_draft_cannot_skip_review(cite, reviewer):
    relationship = draft_relationship(cite)
    relationship.citations.get().review(reviewer)
    with pytest.raises(ValidationError, match="cannot go to"):
        relationship.transition("publish", reviewer)


def test_a_reviewer_unpublishes_and_republishes(cite, reviewer):
    relationship = RelationshipFactory()
    cite(relationship).review(reviewer)
    relationship.transition("unpublish", reviewer)
    assert relationship.publication_state == PublicationState.UNPUBLISHED
    relationship.transition("publish", reviewer)
    assert relationship.publication_state == PublicationState.PUBLISHED


def test_the_curator_sees_only_the_transitions_allowed_to_them(cite, curator, reviewer):
    relationship = draft_relationship(cite)
    relationship.transition("submit", curator)
    assert [t.name for t in relationship.allowed_transitions(curator)] == ["withdraw"]
    assert [t.name for t in relationship.allowed_transitions(reviewer)] == [
        "withdraw",
        "publish",
    ]


def test_editing_after_publication_counts_as_changed_since_review(cite, reviewer):
    from partners.models import Relationship

    relationship = RelationshipFactory(publication_state=PublicationState.IN_REVIEW)
    cite(relationship).review(reviewer)
    relationship.transition("publish", reviewer)
    assert not Relationship.objects.changed_since_review().filter(pk=relationship.pk).exists()
    relationship.title_en = "Edited"
    relationship.save()
    assert Relationship.objects.changed_since_review().filter(pk=relationship.pk).exists()


def test_a_reviewer_approves_the_changes_to_a_published_record(cite, curator, reviewer):
    from partners.models import Relationship

    relationship = RelationshipFactory()
    cite(relationship).review(reviewer)
    relationship.title_en = "Edited while published"
    relationship.save()
    with pytest.raises(PermissionDenied):
        relationship.transition("approve", curator)

    relationship.transition("approve", reviewer)

    assert relationship.publication_state == PublicationState.PUBLISHED
    assert relationship.reviewed_by == reviewer
    assert not Relationship.objects.changed_since_review().filter(pk=relationship.pk).exists()


def test_records_in_review_are_waiting_for_review(cite, curator):
    from partners.models import Relationship

    relationship = draft_relationship(cite)
    assert not Relationship.objects.waiting_for_review().exists()
    relationship.transition("submit", curator)
    assert list(Relationship.objects.waiting_for_review()) == [relationship]
