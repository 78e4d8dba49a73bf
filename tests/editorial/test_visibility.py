"""A record that is not published never reaches the public: pages, lists, sitemap, API."""

import pytest
from django.core.cache import cache

from editorial.models import PublicationState
from tests.factories import (
    EventFactory,
    ParticipationFactory,
    PartnerFactory,
    ProgrammeFactory,
    RelationshipFactory,
)
from tests.sitemaps import all_sitemaps

pytestmark = pytest.mark.django_db
DRAFT = PublicationState.DRAFT


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cite(cite):
    """Reviewed citations: what is tested here is the records' own state."""

    def reviewed(claim, **kwargs):
        return cite(claim, reviewed=True, **kwargs)

    return reviewed


@pytest.fixture
def draft(cite):
    relationship = RelationshipFactory(slug="secret-pair", publication_state=DRAFT)
    cite(relationship)
    return relationship


def api(client, path):
    response = client.get(f"/api/v1/{path}")
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_draft_relationship_page_is_a_404(client, draft):
    assert client.get("/en/relationships/secret-pair/").status_code == 404


def test_a_draft_relationship_is_not_listed(client, draft):
    assert "secret-pair" not in client.get("/en/relationships/").content.decode()


def test_a_draft_relationship_is_not_in_the_sitemap(client, draft):
    assert "secret-pair" not in all_sitemaps(client)


def test_a_draft_relationship_is_not_in_the_api(client, draft):
    assert [r["slug"] for r in api(client, "relationships/")] == []
    assert client.get("/api/v1/relationships/secret-pair/").status_code == 404


def test_a_published_relationship_is_shown(client, draft):
    draft.publication_state = PublicationState.PUBLISHED
    draft.save()
    assert client.get("/en/relationships/secret-pair/").status_code == 200


def test_a_relationship_in_review_is_not_shown_either(client, draft):
    draft.publication_state = PublicationState.IN_REVIEW
    draft.save()
    assert client.get("/en/relationships/secret-pair/").status_code == 404


def test_a_relationship_of_a_draft_partner_is_hidden(client, cite):
    relationship = RelationshipFactory(counterpart=PartnerFactory(publication_state=DRAFT))
    cite(relationship)
    assert client.get(relationship.get_absolute_url()).status_code == 404


def test_the_relationship_page_leaves_out_draft_events(client, cite):
    relationship = RelationshipFactory()
    cite(relationship)
    cite(EventFactory(relationship=relationship, title_en="Shown event"))
    cite(EventFactory(relationship=relationship, title_en="Draft event", publication_state=DRAFT))
    html = client.get(relationship.get_absolute_url()).content.decode()
    assert "Shown event" in html
    assert "Draft event" not in html


def test_the_events_of_a_draft_relationship_are_not_in_the_api(client, draft, cite):
    cite(EventFactory(relationship=draft))
    assert api(client, "events/") == []


def test_a_published_participation_in_a_draft_programme_does_not_leak(client, cite):
    participation = ParticipationFactory(programme=ProgrammeFactory(publication_state=DRAFT))
    cite(participation)
    cite(participation.partner)
    assert api(client, "participations/") == []
    page = client.get(participation.partner.get_absolute_url()).content.decode()
    assert participation.programme.name_en not in page


def test_a_published_participation_of_a_draft_partner_does_not_leak(client, cite):
    participation = ParticipationFactory(partner=PartnerFactory(publication_state=DRAFT))
    cite(participation)
    cite(participation.programme)
    assert api(client, "participations/") == []
    page = client.get(participation.programme.get_absolute_url()).content.decode()
    assert participation.partner.name_en not in page


def test_the_quotes_of_a_draft_are_not_on_the_document_page(client, draft, version):
    page = client.get(version.get_absolute_url()).content.decode()
    assert f'id="cite-{draft.citations.get().pk}"' not in page


def test_the_document_page_shows_the_quotes_of_published_claims_only(client, cite, version):
    shown = cite(PartnerFactory())
    of_draft_partner = cite(PartnerFactory(publication_state=DRAFT))
    # Published itself, but of a draft relationship: not public either.
    of_event_of_draft = cite(
        EventFactory(relationship=RelationshipFactory(publication_state=DRAFT))
    )
    page = client.get(version.get_absolute_url()).content.decode()
    assert f'id="cite-{shown.pk}"' in page
    assert f'id="cite-{of_draft_partner.pk}"' not in page
    assert f'id="cite-{of_event_of_draft.pk}"' not in page


def test_the_citations_of_a_draft_are_not_in_the_api(client, draft):
    assert api(client, "citations/") == []


def test_the_citations_of_a_published_claim_are_in_the_api(client, cite):
    citation = cite(RelationshipFactory())
    assert [c["id"] for c in api(client, "citations/")] == [citation.pk]
