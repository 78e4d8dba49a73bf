"""Through the admin's own views: a curator adds a participation with its quote and submits
it; a reviewer reviews the quote and publishes; the public page shows it, footnoted."""

import pytest
from django.urls import reverse

from documents.models import Citation
from editorial.models import PublicationState
from programmes.models import Participation
from tests.admin_forms import add_inline_row, admin_form_data, form_errors, inline_prefix
from tests.factories import PartnerFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db
QUOTE = "la Serbie a adhéré au Partenariat pour la paix"


def test_a_participation_goes_from_curator_to_reviewer_to_the_public(
    client, curator, reviewer, cite, version
):
    from tests.editorial.conftest import staff_client

    partner = PartnerFactory(name_en="Serbia")
    programme = ProgrammeFactory(name_en="Partnership for Peace")
    cite(partner, reviewed=True)
    cite(programme, reviewed=True)

    # The curator adds it with its quote, and submits it for review.
    staff_client(client, curator)
    add_url = reverse("admin:programmes_participation_add")
    form_page = client.get(add_url)
    data = admin_form_data(form_page)
    data.update(partner=partner.pk, programme=programme.pk, role="participant", start="2006")
    data.update(status="active", _transition="submit")
    add_inline_row(
        data, inline_prefix(form_page, Citation), {"version": version.pk, "quote": QUOTE}
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, form_errors(response)
    participation = Participation.objects.get(partner=partner, programme=programme)
    assert participation.publication_state == PublicationState.IN_REVIEW
    assert participation.submitted_by == curator
    assert client.get(programme.get_absolute_url()).content.decode().count("Serbia") == 0

    # The reviewer confirms the quote, then publishes.
    staff_client(client, reviewer)
    citation = participation.citations.get()
    client.post(
        reverse("admin:documents_citation_changelist"),
        {"action": "review_citations", "_selected_action": [citation.pk]},
    )
    client.post(
        reverse("admin:programmes_participation_changelist"),
        {"action": "publish_records", "_selected_action": [participation.pk]},
    )
    participation.refresh_from_db()
    assert participation.publication_state == PublicationState.PUBLISHED
    assert participation.reviewed_by == reviewer

    # The public sees it, with its footnote.
    client.logout()
    html = client.get(f"/en{programme.get_absolute_url()[3:]}").content.decode()
    assert "Serbia" in html
    # Its note opens the passage (the note of a passage other statements cite too).
    same_passage = Citation.objects.filter(
        version=citation.version, start=citation.start, end=citation.end
    )
    assert any(f"#cite-{other.pk}" in html for other in same_passage)
