import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from documents.models import Citation
from tests.factories import SAMPLE_TEXT, DocumentVersionFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_a_review_records_who_and_when(cite, reviewer):
    citation = cite(PartnerFactory())
    citation.review(reviewer)
    citation.refresh_from_db()
    assert citation.reviewed_by == reviewer
    assert citation.reviewed_at is not None
    assert citation.is_reviewed
    assert list(Citation.objects.reviewed()) == [citation]


def test_a_curator_cannot_review_a_citation(cite, curator):
    citation = cite(PartnerFactory())
    with pytest.raises(PermissionDenied):
        citation.review(curator)


def test_an_orphaned_citation_cannot_be_reviewed(cite, reviewer):
    citation = cite(PartnerFactory())
    citation.status = Citation.Status.ORPHANED
    with pytest.raises(ValidationError):
        citation.review(reviewer)


def test_a_review_goes_stale_when_the_citation_is_requoted(cite, reviewer):
    citation = cite(PartnerFactory())
    citation.review(reviewer)
    citation.quote, citation.prefix, citation.suffix = "établi en décembre 2006", "", ""
    citation.anchor()
    citation.save()
    assert citation.review_is_stale
    assert list(Citation.objects.not_reviewed()) == [citation]


def test_a_review_goes_stale_when_the_citation_is_reanchored_on_a_new_version(cite, reviewer):
    citation = cite(PartnerFactory())
    citation.review(reviewer)
    citation.version = DocumentVersionFactory(
        document=citation.version.document, text=f"Mise à jour.\n{SAMPLE_TEXT}", is_current=False
    )
    citation.prefix = citation.suffix = ""
    citation.anchor()
    citation.save()
    assert not citation.is_reviewed
    assert Citation.objects.not_reviewed().filter(pk=citation.pk).exists()
