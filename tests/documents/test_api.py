import datetime

import pytest

from documents.models import Citation
from tests.apiclient import (
    OTHER_QUOTE,
    assert_refused,
    cite,
    fresh_throttle,  # noqa: F401  (autouse fixture)
    get,
    orphan,
    results,
    slugs,
    warm_content_types,
)
from tests.factories import (
    DocumentVersionFactory,
    EventFactory,
    ParticipationFactory,
    PartnerFactory,
    SourceDocumentFactory,
)

pytestmark = pytest.mark.django_db


# Documents ---------------------------------------------------------------------------------


@pytest.fixture
def nato_page(db):
    nato = PartnerFactory(slug="nato")
    document = SourceDocumentFactory(
        slug="nato-serbia",
        title_fr="Relations avec la Serbie",
        title_en="Relations with Serbia",
        publisher=nato,
        url="https://www.nato.int/cps/fr/natohq/topics_50100.htm",
    )
    DocumentVersionFactory(document=document, number=1, is_current=False)
    DocumentVersionFactory(
        document=document,
        number=2,
        text="Relations avec la Serbie, mise à jour.",
        stated_update=datetime.date(2022, 5, 23),
    )
    return document


def test_a_document_shows_its_publisher_url_and_current_version(client, nato_page):
    body = get(client, "documents/nato-serbia/").json()
    assert body["title"] == "Relations avec la Serbie"
    assert body["publisher"]["slug"] == "nato"
    assert body["canonical_url"] == nato_page.url
    assert body["current_version"]["number"] == 2
    assert body["current_version"]["stated_update"] == "2022-05-23"
    assert body["page_url"] == "http://testserver/fr/documents/nato-serbia/"
    assert get(client, "documents/nato-serbia/", lang="en").json()["title"] == (
        "Relations with Serbia"
    )


def test_a_document_links_its_other_language_versions(client, nato_page):
    english = SourceDocumentFactory(slug="nato-serbia-en", language="en")
    DocumentVersionFactory(document=english)
    nato_page.translations.add(english)
    body = get(client, "documents/nato-serbia/").json()
    assert [(t["slug"], t["language"]) for t in body["translations"]] == [("nato-serbia-en", "en")]


def test_documents_filter_by_publisher_language_and_kind_and_search_titles(client, nato_page):
    report = SourceDocumentFactory(
        slug="report", language="en", kind="report", title_en="Annual report"
    )
    DocumentVersionFactory(document=report)
    SourceDocumentFactory(slug="no-version-yet", language="en", kind="report")  # not public
    assert slugs(client, "documents/", publisher="nato") == ["nato-serbia"]
    assert slugs(client, "documents/", language="en") == ["report"]
    assert slugs(client, "documents/", kind="report") == ["report"]
    assert slugs(client, "documents/", q="annual") == ["report"]
    assert slugs(client, "documents/", ordering="-slug") == ["report", "nato-serbia"]
    assert_refused(get(client, "documents/", language="de"), "language")


# Versions ----------------------------------------------------------------------------------


def test_versions_list_without_their_text_and_detail_with_it(client, nato_page):
    listed = results(client, "versions/", document="nato-serbia")
    assert [v["number"] for v in listed] == [2, 1]
    assert "text" not in listed[0]
    detail = get(client, f"versions/{listed[0]['id']}/").json()
    assert detail["text"] == "Relations avec la Serbie, mise à jour."
    assert detail["document"]["slug"] == "nato-serbia"
    assert detail["page_url"] == "http://testserver/fr/documents/nato-serbia/versions/2/"


def test_versions_filter_by_current_and_stated_update(client, nato_page):
    assert [v["number"] for v in results(client, "versions/", is_current="true")] == [2]
    assert [v["number"] for v in results(client, "versions/", is_current="false")] == [1]
    assert [
        v["number"] for v in results(client, "versions/", stated_update_after="2022-05-23")
    ] == [2]
    assert results(client, "versions/", stated_update_before="2022-05-22") == []
    assert [v["number"] for v in results(client, "versions/", ordering="number")] == [1, 2]
    assert_refused(get(client, "versions/", is_current="maybe"), "is_current")
    assert_refused(get(client, "versions/", document="nowhere"), "document")


# Citations ---------------------------------------------------------------------------------


def test_a_citation_names_the_claim_it_supports(client):
    participation = cite(ParticipationFactory())
    citation = Citation.objects.for_claim(participation).get()
    body = get(client, f"citations/{citation.pk}/").json()
    assert body["quote"] == citation.quote
    assert body["claim"]["type"] == "participation"
    assert body["claim"]["id"] == participation.pk
    assert body["claim"]["slug"] is None
    assert body["claim"]["label"] == str(participation)
    claim = client.get(body["claim"]["url"])
    assert claim.status_code == 200
    assert claim.json()["id"] == participation.pk


def test_a_citation_of_a_record_with_a_slug_links_to_it(client):
    event = cite(EventFactory(slug="nato-serbia-pfp"))
    citation = Citation.objects.for_claim(event).get()
    claim = get(client, f"citations/{citation.pk}/").json()["claim"]
    assert (claim["type"], claim["slug"]) == ("event", "nato-serbia-pfp")
    assert claim["url"] == "http://testserver/api/v1/events/nato-serbia-pfp/"


def test_only_supporting_citations_are_listed(client):
    kept = cite(PartnerFactory())
    orphan(cite(PartnerFactory()))
    moved = cite(PartnerFactory())
    Citation.objects.for_claim(moved).update(status=Citation.Status.MOVED)
    listed = results(client, "citations/")
    assert sorted(c["claim"]["id"] for c in listed) == sorted([kept.pk, moved.pk])
    assert [c["claim"]["id"] for c in results(client, "citations/", status="moved")] == [moved.pk]
    assert_refused(get(client, "citations/", status="orphaned"), "status")


def test_citations_filter_by_document_version_claim_type_field_and_quote(client, nato_page):
    version = DocumentVersionFactory()
    partner = cite(PartnerFactory(), version)
    cite(partner, version, OTHER_QUOTE, field="start")
    participation = cite(ParticipationFactory())

    def claims(**params):
        return sorted(
            (c["claim"]["type"], c["quote"]) for c in results(client, "citations/", **params)
        )

    assert len(claims(document=version.document.slug)) == 2
    assert len(claims(version=version.pk)) == 2
    assert claims(claim_type="participation") == [
        ("participation", Citation.objects.for_claim(participation).get().quote)
    ]
    assert claims(field="start") == [("partner", OTHER_QUOTE)]
    assert claims(q="décembre") == [("partner", OTHER_QUOTE)]
    assert_refused(get(client, "citations/", claim_type="planet"), "claim_type")
    assert_refused(get(client, "citations/", version="999999"), "version")
    assert_refused(get(client, "citations/", version="abc"), "version")


# Query counts --------------------------------------------------------------------------------


def build_documents(n):
    publisher = PartnerFactory()
    for _ in range(n):
        document = SourceDocumentFactory(publisher=publisher)
        DocumentVersionFactory(document=document)
        translation = SourceDocumentFactory(publisher=publisher, language="en")
        DocumentVersionFactory(document=translation)
        document.translations.add(translation)


def build_versions(n):
    document = SourceDocumentFactory()
    for _ in range(n):
        DocumentVersionFactory(document=document, is_current=False, text=f"Texte {_}")


def build_citations(n):
    version = DocumentVersionFactory()
    for _ in range(n):
        cite(ParticipationFactory(), version)


@pytest.mark.parametrize(
    ("path", "build", "per_item", "queries"),
    [
        # the content generation (read first), count, documents with publishers, current
        # versions, other-language versions
        ("documents/", build_documents, 2, 5),
        ("versions/", build_versions, 1, 3),  # generation, count, versions with documents
        # count, citations with passages, the claims of each kind listed (one kind here)
        ("citations/", build_citations, 1, 4),
    ],
)
def test_a_list_of_100_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, path, build, per_item, queries
):
    warm_content_types()
    for total in (10, 100):
        build((total - len(results(client, path, page_size=500))) // per_item)
        with django_assert_num_queries(queries):
            body = get(client, path, page_size=100).json()
        assert len(body["results"]) == total
