"""Search indexes what the public selectors return: a draft is not found."""

import pytest

from editorial.models import PublicationState
from tests.factories import EventFactory, PartnerFactory, ProgrammeFactory, RelationshipFactory

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


def test_the_events_of_an_unpublished_relationship_leave_search(client, cite, reviewer):
    relationship = RelationshipFactory()
    cite(relationship).review(reviewer)
    event = EventFactory(relationship=relationship, title_en="Zanzibar summit")
    cite(event, reviewed=True)
    assert "Zanzibar summit" in client.get("/en/search/", {"q": "Zanzibar"}).content.decode()

    relationship.transition("unpublish", reviewer)

    assert "Zanzibar summit" not in client.get("/en/search/", {"q": "Zanzibar"}).content.decode()


def test_a_programme_leaves_search_with_the_partner_that_runs_it(client, cite, reviewer):
    runner = PartnerFactory()
    cite(runner).review(reviewer)
    programme = ProgrammeFactory(run_by=runner, name_en="Zanzibar fund")
    cite(programme, reviewed=True)
    assert "Zanzibar fund" in client.get("/en/search/", {"q": "Zanzibar"}).content.decode()

    runner.transition("unpublish", reviewer)

    assert "Zanzibar fund" not in client.get("/en/search/", {"q": "Zanzibar"}).content.decode()
