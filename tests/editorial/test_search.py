"""Search indexes what the public selectors return: a draft is not found."""

import pytest

from editorial.models import PublicationState
from tests.factories import RelationshipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(cite, reviewer):
    relationship = RelationshipFactory(
        title_en="Zanzibar cooperation", publication_state=PublicationState.IN_REVIEW
    )
    cite(relationship).review(reviewer)
    return relationship


def found(client):
    return "Zanzibar cooperation" in client.get("/en/search/", {"q": "Zanzibar"}).content.decode()


def test_a_record_in_review_is_not_found_by_search(client, draft):
    assert not found(client)


def test_a_record_is_found_once_published(client, draft, reviewer):
    draft.transition("publish", reviewer)
    assert found(client)
