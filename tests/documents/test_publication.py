"""A newly imported version is not public until a reviewer publishes it: the public pages,
API, search and sitemap go on showing the current version, its citations stay where they
are, and a document whose only version waits for a reviewer is nowhere."""

import pytest
from django.urls import reverse
from django.utils import translation

from documents.importing import import_document
from documents.models import Citation, DocumentVersion, SourceDocument
from documents.publishing import discard_version, publish_version
from documents.sources import RawSource
from search.selectors import search_page
from tests.apiclient import fresh_throttle  # noqa: F401  (autouse fixture)
from tests.editorial.conftest import member_of
from tests.factories import CitationFactory, DocumentVersionFactory, PartnerFactory

pytestmark = pytest.mark.django_db

QUOTE = "établi en décembre 2006"
NEW_SENTENCE = "\nUne phrase nouvelle, ajoutée depuis."


def passages_found(words):
    page = search_page(words, "fr")
    return [result for group in page.groups if group.kind == "passage" for result in group.results]


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def cited(db):
    """A published document whose current version supports a claim."""
    version = DocumentVersionFactory()
    citation = CitationFactory(version=version, quote=QUOTE)
    return version, citation


def import_new(version, text=None):
    text = text if text is not None else version.text + NEW_SENTENCE
    return import_document(RawSource(text, False, "v2.txt"), document=version.document)


def test_a_new_version_is_stored_pending_and_nothing_public_changes(client, cited):
    version, citation = cited
    page_before = client.get(url("documents:document_detail", version.document.slug)).content
    api_before = client.get(f"/api/v1/documents/{version.document.slug}/").json()
    citations_before = list(Citation.objects.values())

    result = import_new(version)

    new = result.version
    assert new.status == DocumentVersion.Status.PENDING and not new.is_current
    version.refresh_from_db()
    assert version.is_current and version.document.current_version == version
    assert list(Citation.objects.values()) == citations_before  # untouched
    page = client.get(url("documents:document_detail", version.document.slug))
    assert page.context["page"].version == version
    assert page.content.replace(b"\n", b"") == page_before.replace(b"\n", b"")
    assert NEW_SENTENCE.strip().encode() not in page.content
    api = client.get(f"/api/v1/documents/{version.document.slug}/").json()
    assert api["current_version"] == api_before["current_version"]


def test_the_import_result_says_how_publishing_would_reanchor(cited):
    version, _citation = cited
    moved = CitationFactory(version=version, quote="Relations avec la Serbie")
    text = version.text.replace("Relations avec la Serbie\n", "Relations avec la Serbie !\n")
    result = import_new(version, text.replace(QUOTE, "créé fin 2006"))
    assert dict(result.outcomes) == {Citation.Status.ORPHANED: 1, Citation.Status.MOVED: 1}
    assert "would re-check citations: Moved: 1, Orphaned: 1" in result.summary()
    moved.refresh_from_db()
    assert moved.version == version and moved.status == Citation.Status.VERIFIED


def test_a_pending_version_is_neither_a_page_nor_in_the_api(client, cited):
    version, _citation = cited
    new = import_new(version).version
    pending_url = url("documents:version_detail", version.document.slug, new.number)
    assert client.get(pending_url).status_code == 404
    assert client.get(f"/api/v1/versions/{new.pk}/").status_code == 404
    listed = client.get("/api/v1/versions/", {"document": version.document.slug}).json()
    assert [item["number"] for item in listed["results"]] == [version.number]
    page = client.get(url("documents:document_detail", version.document.slug))
    assert [v.number for v in page.context["page"].versions] == [version.number]


def test_a_pending_version_is_not_searched(cited):
    version, _citation = cited
    new = import_new(version, version.text + "\nUn mot introuvable: zygomorphe.").version
    assert passages_found("zygomorphe") == []
    publish_version(new)
    assert len(passages_found("zygomorphe")) == 1


def test_a_new_document_is_invisible_until_its_first_version_is_published(client, db):
    nato = PartnerFactory(slug="nato")
    text = "Relations avec le Bélarus.\nL'OTAN et le Bélarus ont noué des relations en 1995."
    result = import_document(
        RawSource(text, False, "belarus.txt"), publisher=nato, language="fr", slug="belarus"
    )
    assert result.created_document and result.version.is_pending
    assert "the public does not see it" in result.summary()

    def visible():
        listing = client.get(url("documents:document_list"))
        return {
            "page": client.get(url("documents:document_detail", "belarus")).status_code,
            "list": [d.slug for d in listing.context["documents"]],
            "api": client.get("/api/v1/documents/belarus/").status_code,
            "api list": [d["slug"] for d in client.get("/api/v1/documents/").json()["results"]],
            "sitemap": "/documents/belarus/" in client.get("/sitemap-documents.xml").text,
            "search": bool(passages_found("noué")),
        }

    hidden = {"page": 404, "list": [], "api": 404, "api list": [], "sitemap": False}
    assert visible() == {**hidden, "search": False}
    assert client.get("/api/v1/versions/", {"document": "belarus"}).status_code == 400

    publish_version(result.version)
    shown = {"page": 200, "list": ["belarus"], "api": 200, "api list": ["belarus"]}
    assert visible() == {**shown, "sitemap": True, "search": True}


def test_publishing_makes_the_version_current_and_reanchors_its_citations(client, cited):
    version, citation = cited
    new = import_new(version).version
    reviewer = member_of("Reviewer", "reviewer")
    result = publish_version(new, reviewer)

    new.refresh_from_db(), version.refresh_from_db(), citation.refresh_from_db()
    assert new.is_current and new.status == DocumentVersion.Status.PUBLISHED
    assert (new.published_by, new.published_at is not None) == (reviewer, True)
    assert not version.is_current and version.is_published  # still readable, as earlier
    assert (citation.version, citation.status) == (new, Citation.Status.VERIFIED)
    assert citation.is_reviewed  # same words, same context: the review holds
    assert result.outcomes == {Citation.Status.VERIFIED: 1}
    page = client.get(url("documents:document_detail", version.document.slug))
    assert page.context["page"].version == new
    assert NEW_SENTENCE.strip() in page.content.decode()
    earlier = url("documents:version_detail", version.document.slug, version.number)
    assert client.get(earlier).status_code == 200


def test_discarding_keeps_everything_as_it_was(client, cited):
    version, citation = cited
    new = import_new(version).version
    reviewer = member_of("Reviewer", "reviewer")
    discard_version(new, reviewer)
    new.refresh_from_db(), citation.refresh_from_db()
    assert new.status == DocumentVersion.Status.DISCARDED and not new.is_current
    assert (new.discarded_by, new.discarded_at is not None) == (reviewer, True)
    assert citation.version == version
    assert version.document.current_version == version
    pending_url = url("documents:version_detail", version.document.slug, new.number)
    assert client.get(pending_url).status_code == 404


def test_a_decided_version_cannot_be_decided_again(cited):
    from django.core.exceptions import ValidationError

    version, _citation = cited
    new = import_new(version).version
    discard_version(new)
    with pytest.raises(ValidationError, match="only a pending version"):
        publish_version(new)


def test_the_text_of_a_discarded_version_imported_again_waits_again(cited):
    version, _citation = cited
    new = import_new(version).version
    discard_version(new)
    again = import_new(version)
    assert again.restored and again.version.pk == new.pk
    assert again.version.is_pending and again.version.discarded_at is None
    assert "discarded before, waits again" in again.summary()


def test_an_older_pending_version_is_not_published_over_a_newer_one(cited):
    from django.core.exceptions import ValidationError

    version, _citation = cited
    older = import_new(version).version
    newer = import_new(version, version.text + "\nEncore une autre phrase, plus tard.").version
    publish_version(newer)
    with pytest.raises(ValidationError, match="newer than this one"):
        publish_version(older)


def test_a_citation_cannot_quote_a_pending_version(cited):
    from django.core.exceptions import ValidationError

    version, _citation = cited
    new = import_new(version).version
    with pytest.raises(ValidationError, match="not published"):
        CitationFactory(version=new, quote=QUOTE)


def test_publishing_at_once_in_the_import_still_honours_the_four_eyes_rule(cited, settings):
    from documents.importing import DocumentImportError

    version, _citation = cited
    reviewer = member_of("Reviewer", "reviewer")
    text = version.text + NEW_SENTENCE
    with pytest.raises(DocumentImportError, match="four-eyes"):
        import_document(
            RawSource(text, False, "v2.txt"),
            document=version.document,
            imported_by=reviewer,
            publish=True,
        )
    assert version.document.versions.count() == 1  # nothing stored
    settings.ALLOW_SELF_REVIEW = True
    result = import_document(
        RawSource(text, False, "v2.txt"),
        document=version.document,
        imported_by=reviewer,
        publish=True,
    )
    assert result.version.is_current and result.version.published_by == reviewer


def test_the_command_publishes_as_its_user_only_where_self_review_is_allowed(
    cited, tmp_path, settings
):
    from django.core.management import CommandError, call_command

    version, _citation = cited
    member_of("Reviewer", "reviewer")
    path = tmp_path / "v2.txt"
    path.write_text(version.text + NEW_SENTENCE, encoding="utf-8")
    arguments = [str(path), "--document", version.document.slug, "--user", "reviewer"]
    with pytest.raises(CommandError, match="four-eyes"):
        call_command("import_document", *arguments, "--publish")
    call_command("import_document", *arguments)
    pending = version.document.versions.get(number=version.number + 1)
    assert pending.is_pending and pending.imported_by.username == "reviewer"


def test_the_seed_loads_published_versions(seeded):
    assert set(DocumentVersion.objects.values_list("status", flat=True)) == {"published"}
    assert SourceDocument.objects.public().count() == 5


def test_a_translation_without_a_published_version_is_not_named(client, cited):
    from tests.factories import SourceDocumentFactory

    version, _citation = cited
    version.document.translations.add(SourceDocumentFactory(slug="english-soon", language="en"))
    api = client.get(f"/api/v1/documents/{version.document.slug}/").json()
    assert api["translations"] == []


def test_the_seed_publishes_its_own_text_found_waiting_for_a_reviewer(db):
    from documents.seeding import SEED_DIR, load_seed
    from documents.sources import read_file

    nato = PartnerFactory(slug="nato")
    pending = import_document(
        read_file(SEED_DIR / "texts" / "nato-relations-osce.txt"),
        slug="nato-relations-osce",
        publisher=nato,
        language="fr",
    ).version
    assert pending.is_pending
    load_seed()
    pending.refresh_from_db()
    assert pending.is_current and pending.status == DocumentVersion.Status.PUBLISHED
    assert Citation.objects.filter(version=pending).exists()


def test_a_pending_version_adds_no_query_to_the_document_pages(
    client, cited, django_assert_num_queries
):
    version, _citation = cited
    # As in a process that has served a page before: its content types are known.
    client.get(url("documents:document_detail", DocumentVersionFactory().document.slug))
    import_new(version)
    import_document(  # and a new document waiting for its first version
        RawSource("Un texte tout neuf, pas encore relu.", False, "new.txt"),
        publisher=version.document.publisher,
        language="fr",
    )
    # as without a pending version: the document page's pin (tests/documents/test_views.py)
    with django_assert_num_queries(7):
        page = client.get(url("documents:document_detail", version.document.slug))
    assert page.context["page"].version == version
    with django_assert_num_queries(3):  # generation, documents, their current versions
        listing = client.get(url("documents:document_list"))
    assert len(listing.context["documents"]) == 2
