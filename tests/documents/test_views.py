import re

import pytest
from django.urls import reverse
from django.utils import translation

from documents.anchoring import normalise_quote
from documents.models import Citation, DocumentVersion
from documents.selectors import split_into_passages
from tests.factories import (
    CitationFactory,
    DocumentVersionFactory,
    EventFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_document_list_opens_in_both_languages(client, seeded, language):
    response = client.get(url("documents:document_list", language))
    assert response.status_code == 200
    assert len(response.context["documents"]) == 5


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_document_page_highlights_every_cited_passage(client, seeded, language):
    response = client.get(url("documents:document_detail", language, "nato-relations-serbia"))
    assert response.status_code == 200
    html = response.content.decode()
    citations = Citation.objects.filter(version__document__slug="nato-relations-serbia")
    for citation in citations:
        assert f'id="{citation.anchor_id}"' in html
    assert html.count('<mark class="passage"') > 10


def test_each_passage_lists_the_claims_it_supports(client, seeded, english):
    response = client.get(url("documents:document_detail", "en", "nato-relations-serbia"))
    page = response.context["page"]
    claims = {citation.claim for citation in page.citations}
    assert any(getattr(claim, "slug", "") == "nato-serbia" for claim in claims)
    html = response.content.decode()
    assert "/en/relationships/nato-serbia/" in html


def test_the_document_is_shown_as_published_with_its_headings_lists_and_typography(client, seeded):
    response = client.get(url("documents:document_detail", "en", "nato-relations-serbia"))
    page = response.context["page"]
    assert page.blocks is not None
    assert {"heading", "paragraph", "list"} <= {block.kind for block in page.blocks}
    html = response.content.decode()
    text = html[html.index('class="document-text') : html.index('id="claims-heading"')]
    assert "<h3>" in text and "<ul><li>" in text
    assert "l’OTAN" in text and "l'OTAN" not in text  # the apostrophe as published
    assert "•" not in text  # bullets are list items


def test_each_passage_highlights_its_quote_on_the_published_text(client, seeded):
    response = client.get(url("documents:document_detail", "en", "nato-relations-serbia"))
    page = response.context["page"]
    assert len(page.citations) > 10
    for citation in page.citations:
        shown = " ".join(
            "".join(piece.text for piece in pieces if citation in piece.citations)
            for block in page.blocks
            for pieces in ([block.pieces] if block.pieces else block.items)
        )
        assert normalise_quote(shown) == normalise_quote(citation.quote.replace("•", ""))


def test_a_version_without_its_published_text_shows_the_stored_text(client, seeded):
    version = DocumentVersion.objects.get(document__slug="nato-relations-belarus")
    version.published_text = ""  # imported before the published text was kept
    version.save(update_fields=["published_text"])
    response = client.get(url("documents:document_detail", "en", "nato-relations-belarus"))
    page = response.context["page"]
    assert page.blocks is None
    assert "".join(p.text for p in page.passages) == page.version.text


def test_overlapping_citations_split_the_text_into_passages():
    class Span:
        def __init__(self, start, end):
            self.start, self.end = start, end

    a, b = Span(2, 8), Span(5, 10)
    passages = split_into_passages("0123456789AB", [a, b])
    assert [p.text for p in passages] == ["01", "234", "567", "89", "AB"]
    assert [len(p.citations) for p in passages] == [0, 1, 2, 1, 0]
    assert passages[1].anchors == [a] and passages[2].anchors == [b]


def test_an_earlier_version_stays_reachable(client, seeded):
    document_version = DocumentVersion.objects.get(document__slug="nato-relations-osce")
    DocumentVersion.objects.filter(pk=document_version.pk).update(is_current=False)
    DocumentVersionFactory(document=document_version.document, number=2, is_current=True)
    current = client.get(url("documents:document_detail", "en", "nato-relations-osce"))
    assert current.context["page"].version.number == 2
    earlier_url = url("documents:version_detail", "en", "nato-relations-osce", 1)
    assert earlier_url in current.content.decode()
    earlier = client.get(earlier_url)
    assert earlier.context["page"].version.number == 1
    assert "earlier version" in earlier.content.decode()


def test_an_unknown_version_is_a_404(client, seeded):
    assert (
        client.get(url("documents:version_detail", "en", "nato-relations-osce", 9)).status_code
        == 404
    )


def test_only_supporting_citations_are_highlighted(client, db):
    citation = CitationFactory(quote="établi en décembre 2006")
    Citation.objects.filter(pk=citation.pk).update(status=Citation.Status.ORPHANED)
    response = client.get(url("documents:document_detail", "en", citation.version.document.slug))
    assert citation.anchor_id not in response.content.decode()


def test_the_document_page_query_count_is_pinned_and_does_not_grow(
    client, db, django_assert_num_queries
):
    # As in a process that has served a page before: its content types are known.
    client.get(url("documents:document_detail", "en", DocumentVersionFactory().document.slug))
    for size in (2, 20):
        version = DocumentVersionFactory()
        for i in range(size):
            event = EventFactory(date=f"{1990 + i}")
            CitationFactory(claim=event, version=version, quote="établi en décembre 2006")
        # +1: the versions of the records shown, read after them (caching.pages)
        with django_assert_num_queries(7):
            response = client.get(url("documents:document_detail", "en", version.document.slug))
        assert len(response.context["page"].citations) == size
        assert len(re.findall(r'id="cite-\d+"', response.content.decode())) == size


@pytest.mark.parametrize(
    ("language", "kind", "field"),
    [("fr", "Participation", "(date de début)"), ("en", "Participation", "(start date)")],
)
def test_each_claim_is_named_by_its_kind_and_field_in_the_readers_language(
    client, db, language, kind, field
):
    citation = CitationFactory(claim=ParticipationFactory(), field="start")
    with translation.override(language):
        response = client.get(citation.version.get_absolute_url())
    html = response.content.decode()
    assert f'<span class="claim-kind">{kind}</span>' in html
    assert f'<span class="field">{field}</span>' in html
