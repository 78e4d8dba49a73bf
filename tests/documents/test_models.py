import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from documents.models import Citation, DocumentVersion
from tests.factories import (
    CitationFactory,
    DocumentVersionFactory,
    PartnerFactory,
    SourceDocumentFactory,
)

pytestmark = pytest.mark.django_db


def test_a_version_stores_its_text_normalised_with_its_hash():
    version = DocumentVersionFactory(text="l’OTAN\u00a0à  Belgrade\n\n\nétabli")
    assert version.text == "l'OTAN à Belgrade\nétabli"
    assert version.sha256 == DocumentVersion.hash_text(version.text)


def test_a_document_has_one_current_version():
    version = DocumentVersionFactory(is_current=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentVersionFactory(document=version.document, text="Autre texte", is_current=True)


def test_the_same_text_is_not_stored_twice_for_a_document():
    version = DocumentVersionFactory(is_current=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentVersionFactory(document=version.document, text=version.text, is_current=False)


def test_a_citation_records_offsets_and_context_of_its_quote():
    citation = CitationFactory(quote="établi en décembre 2006")
    text = citation.version.text
    assert text[citation.start : citation.end] == "établi en décembre 2006"
    assert citation.prefix.endswith("à Belgrade, ")
    assert citation.status == Citation.Status.VERIFIED


def test_a_citation_whose_quote_is_absent_is_refused_with_the_reason(english):
    citation = Citation(
        claim=PartnerFactory(), version=DocumentVersionFactory(), quote="la Serbie a rejoint l'OTAN"
    )
    with pytest.raises(ValidationError) as error:
        citation.full_clean()
    assert "does not occur in the chosen document version" in error.value.message_dict["quote"][0]


def test_a_citation_whose_quote_is_ambiguous_asks_to_lengthen_it(english):
    citation = Citation(claim=PartnerFactory(), version=DocumentVersionFactory(), quote="2006")
    with pytest.raises(ValidationError) as error:
        citation.full_clean()
    message = error.value.message_dict["quote"][0]
    assert "occurs 2 times" in message
    assert "Lengthen it" in message


def test_a_citation_quote_cannot_be_empty_in_the_database():
    citation = CitationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.filter(pk=citation.pk).update(quote="")


def test_a_citation_span_cannot_be_empty_in_the_database():
    citation = CitationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.filter(pk=citation.pk).update(end=citation.start)


def test_only_verified_and_moved_citations_support_a_claim():
    partner = PartnerFactory()
    version = DocumentVersionFactory()
    verified = CitationFactory(claim=partner, version=version)
    moved = CitationFactory(claim=partner, version=version, quote="établi en décembre 2006")
    orphaned = CitationFactory(claim=partner, version=version, quote="Relations avec la Serbie")
    Citation.objects.filter(pk=moved.pk).update(status=Citation.Status.MOVED)
    Citation.objects.filter(pk=orphaned.pk).update(status=Citation.Status.ORPHANED)
    assert set(Citation.objects.supporting()) == {verified, moved}
    assert set(Citation.objects.needing_attention()) == {orphaned}
    assert Citation.objects.for_claim(partner).count() == 3


def test_the_current_version_of_a_document():
    document = SourceDocumentFactory()
    DocumentVersionFactory(document=document, is_current=False, text="Ancien texte")
    current = DocumentVersionFactory(document=document, is_current=True, text="Nouveau texte")
    assert document.current_version == current
