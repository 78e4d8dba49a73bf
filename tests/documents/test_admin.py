import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from documents.models import ANCHOR_ERROR_MESSAGES, Citation
from tests.admin_forms import add_inline_row, admin_form_data, inline_prefix
from tests.factories import CitationFactory, DocumentVersionFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def participation_page(admin_client):
    participation = ParticipationFactory()
    version = DocumentVersionFactory()
    url = reverse("admin:programmes_participation_change", args=[participation.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    return participation, version, url, response


def submit_citation(admin_client, page, quote):
    participation, version, url, response = page
    data = admin_form_data(response)
    prefix = inline_prefix(response, Citation)
    add_inline_row(data, prefix, {"version": version.pk, "quote": quote})
    return admin_client.post(url, data)


def test_a_quote_absent_from_the_version_is_refused_with_the_reason(
    admin_client, participation_page
):
    response = submit_citation(admin_client, participation_page, "la Serbie a rejoint l'OTAN")
    assert response.status_code == 200  # the form comes back with its errors
    assert "does not occur in the chosen document version" in response.content.decode()
    assert not Citation.objects.exists()


def test_an_ambiguous_quote_is_refused_asking_to_lengthen_it(admin_client, participation_page):
    response = submit_citation(admin_client, participation_page, "2006")
    assert "Lengthen it" in response.content.decode()
    assert not Citation.objects.exists()


def test_a_quote_of_the_version_is_saved_anchored(admin_client, participation_page):
    participation = participation_page[0]
    response = submit_citation(
        admin_client, participation_page, "la Serbie a adhéré au Partenariat pour la paix"
    )
    assert response.status_code == 302
    citation = Citation.objects.get()
    assert citation.claim == participation
    assert citation.status == Citation.Status.VERIFIED
    assert citation.version.text[citation.start : citation.end] == citation.quote


def test_the_document_version_page_shows_its_text(admin_client):
    version = DocumentVersionFactory()
    response = admin_client.get(
        reverse("admin:documents_documentversion_change", args=[version.pk])
    )
    assert response.status_code == 200
    assert "Le Bureau de liaison militaire de l&#x27;OTAN à Belgrade" in response.content.decode()


def test_the_citation_page_shows_the_passage_in_its_context(admin_client):
    citation = CitationFactory(quote="établi en décembre 2006")
    response = admin_client.get(reverse("admin:documents_citation_change", args=[citation.pk]))
    assert "<mark>établi en décembre 2006</mark>" in response.content.decode()


def test_the_refusal_is_given_in_french_to_a_french_curator(admin_client, participation_page):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    response = submit_citation(admin_client, participation_page, "la Serbie a rejoint l'OTAN")
    with translation.override("fr"):
        french = str(ANCHOR_ERROR_MESSAGES["absent"])
    with translation.override("en"):
        assert french != str(ANCHOR_ERROR_MESSAGES["absent"])
    assert escape(french) in response.content.decode()
