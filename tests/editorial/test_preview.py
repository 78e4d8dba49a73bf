import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from editorial.models import PublicationState
from tests.factories import RelationshipFactory

pytestmark = pytest.mark.django_db
PREVIEW = "/en/preview/relationships/secret-pair/"


@pytest.fixture
def draft(cite):
    relationship = RelationshipFactory(
        slug="secret-pair", title_en="Secret pair", publication_state=PublicationState.DRAFT
    )
    cite(relationship)
    return relationship


def test_staff_see_a_draft_as_it_would_look_marked_as_a_preview(curator_client, draft):
    response = curator_client.get(PREVIEW)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Secret pair" in html
    assert 'class="preview-banner"' in html


def test_the_preview_is_neither_indexed_nor_cached(curator_client, draft):
    response = curator_client.get(PREVIEW)
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_anonymous_visitors_get_a_404_for_the_preview(client, draft):
    assert client.get(PREVIEW).status_code == 404


def test_a_logged_in_visitor_who_is_not_staff_gets_a_404(client, draft):
    client.force_login(User.objects.create_user("visitor"))
    assert client.get(PREVIEW).status_code == 404


def test_the_public_page_shows_no_preview_banner(client, cite):
    relationship = RelationshipFactory()
    cite(relationship)
    html = client.get(relationship.get_absolute_url()).content.decode()
    assert "preview-banner" not in html


def test_view_on_site_of_a_draft_leads_to_its_preview(curator_client, draft):
    url = reverse("admin:partners_relationship_change", args=[draft.pk])
    html = curator_client.get(url).content.decode()
    assert reverse("editorial:relationship_preview", args=["secret-pair"]) in html
