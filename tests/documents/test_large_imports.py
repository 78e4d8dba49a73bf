"""Large texts through the real import path (``documents.importing``, as the admin's
import page and the ``import_document`` command run it): a megabyte of the same few
sentences, a megabyte of varied prose, and a file over the size limit. The work is bounded
when these tests finish in seconds; no time is asserted."""

import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from documents.anchoring import context_at, matching_slice, normalise
from documents.importing import import_document
from documents.models import DocumentVersion, SourceDocument
from documents.sources import MAX_BYTES, from_bytes
from partners.models import Partner
from suggestions.models import Suggestion
from synthetic.prose import Writer
from tests.factories import PartnerFactory, ProgrammeFactory

MEGABYTE = 1_000_000
SENTENCES = (
    "La Serbie a adhéré au Partenariat pour la paix (PPP) en 2006. "
    "L'OTAN et la Serbie coopèrent depuis décembre 2006 dans le cadre du PPP.\n"
    "Le Bureau de liaison militaire de l'OTAN à Belgrade a été établi en 2006.\n"
)
OPENING = "Relations avec la Serbie\nLa Serbie participe au PPP depuis 2007.\n"
CLOSING = "Le Bélarus a rejoint le Partenariat pour la paix en 1995."
IMPORT_URL = "/admin/documents/sourcedocument/import/"


@pytest.fixture
def nato(db):
    """The partners and the programme the texts name: what suggestions are read with."""
    nato = PartnerFactory(slug="nato", name_fr="OTAN", acronym_fr="OTAN", acronym_en="NATO")
    for slug, name in [("serbia", "Serbie"), ("belarus", "Bélarus")]:
        PartnerFactory(slug=slug, kind=Partner.Kind.STATE, name_fr=name)
    ProgrammeFactory(
        slug="pfp",
        name_fr="Partenariat pour la paix",
        name_en="Partnership for Peace",
        acronym_fr="PPP",
        acronym_en="PfP",
        run_by=nato,
    )
    return nato


def imported(text: str, publisher, name: str):
    """``text`` uploaded as the file ``name``, imported as a new document."""
    source = from_bytes(text.encode(), name, "text/plain")
    return import_document(source, publisher=publisher, language="fr", publish=True)


def assert_stored(result, text: str):
    version = result.version
    assert version.is_current and version.number == 1
    assert version.text == normalise(text)
    assert DocumentVersion.objects.filter(document=result.document).get() == version


def assert_anchored(suggestions, version):
    """Every suggestion stands at its offsets, with the context found there."""
    for suggestion in suggestions:
        assert matching_slice(version.text, suggestion.start, suggestion.end) == suggestion.quote
        assert (suggestion.prefix, suggestion.suffix) == context_at(
            version.text, suggestion.start, suggestion.end
        )


def test_a_megabyte_of_the_same_few_sentences_is_imported_with_a_few_suggestions(nato):
    text = OPENING + SENTENCES * (MEGABYTE // len(SENTENCES)) + CLOSING
    result = imported(text, nato, "repeated.txt")
    assert_stored(result, text)
    suggestions = list(Suggestion.objects.filter(version=result.version))
    assert result.suggested_facts == len(suggestions)
    # The repeated sentences stand in the same context thousands of times: none points to
    # one passage. What is said once, at the start and the end, is suggested once.
    assert 2 <= len(suggestions) <= 10
    assert {s.quote for s in suggestions} <= {
        "La Serbie participe au PPP depuis 2007.",
        CLOSING,
        *(sentence.strip() for sentence in SENTENCES.replace(". ", ".\n").splitlines()),
    }
    assert {"La Serbie participe au PPP depuis 2007.", CLOSING} <= {s.quote for s in suggestions}
    assert_anchored(suggestions, result.version)


def test_a_megabyte_of_varied_prose_is_imported_with_its_suggestions_anchored(nato):
    text = Writer("fr", random.Random(24)).text(MEGABYTE)
    result = imported(text, nato, "varied.txt")
    assert_stored(result, text)
    suggestions = list(Suggestion.objects.filter(version=result.version))
    assert result.suggested_facts == len(suggestions)
    # At most a few per sentence, each fact once.
    assert 100 < len(suggestions) < text.count(". ") * 2
    assert len({s.fingerprint for s in suggestions}) == len(suggestions)
    assert_anchored(suggestions, result.version)


@pytest.fixture
def too_large(tmp_path):
    path = tmp_path / "too-large.txt"
    sentences = SENTENCES.encode()
    path.write_bytes(sentences * (MAX_BYTES // len(sentences) + 1))
    assert path.stat().st_size > MAX_BYTES
    return path


def test_a_file_over_the_size_limit_is_refused_by_the_command_and_nothing_is_stored(
    nato, too_large
):
    with pytest.raises(CommandError) as error:
        call_command("import_document", str(too_large), "--publisher", "nato", "--language", "fr")
    assert str(error.value) == (
        f"Not imported: {too_large} is larger than {MAX_BYTES} bytes; it was not imported."
    )
    assert not SourceDocument.objects.exists()
    assert not Suggestion.objects.exists()


def test_an_upload_over_the_size_limit_is_refused_in_the_admin_and_nothing_is_stored(
    admin_client, nato, too_large
):
    upload = SimpleUploadedFile("too-large.txt", too_large.read_bytes(), "text/plain")
    response = admin_client.post(
        IMPORT_URL, {"upload": upload, "publisher": nato.pk, "language": "fr", "kind": "web_page"}
    )
    assert response.status_code == 200
    assert (
        f"too-large.txt is larger than {MAX_BYTES} bytes; it was not imported."
        in response.content.decode()
    )
    assert not SourceDocument.objects.exists()
    assert not Suggestion.objects.exists()
