import pytest
from django.utils import timezone

from documents.models import Citation
from documents.seeding import load_seed
from editorial.models import PublicationState
from partners.models import Event, Partner, Relationship
from programmes.models import Participation, Programme

pytestmark = pytest.mark.django_db


def test_the_seed_loads_as_published(seeded):
    states = set(Relationship.objects.values_list("publication_state", flat=True))
    assert states == {PublicationState.PUBLISHED}
    assert not Relationship.objects.filter(reviewed_at__isnull=True).exists()


def test_no_seeded_record_counts_as_changed_since_its_review(seeded):
    for model in (Partner, Relationship, Event, Programme, Participation):
        assert not model.objects.changed_since_review().exists(), model


def test_seeded_citations_are_reviewed(seeded):
    assert not Citation.objects.not_reviewed().exists()


def test_reloading_the_seed_keeps_a_state_a_reviewer_changed(seeded, reviewer):
    relationship = Relationship.objects.get(slug="nato-serbia")
    relationship.transition("unpublish", reviewer)
    load_seed()
    relationship.refresh_from_db()
    assert relationship.publication_state == PublicationState.UNPUBLISHED


def test_the_relationship_page_shows_when_it_was_last_reviewed(client, seeded):
    relationship = Relationship.objects.get(slug="nato-serbia")
    english = client.get("/en/relationships/nato-serbia/").content.decode()
    french = client.get("/fr/relations/nato-serbia/").content.decode()
    day = timezone.localdate(relationship.reviewed_at).isoformat()
    assert f'<time datetime="{day}">' in english and "Last reviewed" in english
    assert f'<time datetime="{day}">' in french
