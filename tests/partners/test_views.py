import re

import pytest
from django.urls import reverse
from django.utils import translation

from documents.models import Citation
from partners.models import Relationship
from tests.factories import (
    CitationFactory,
    DocumentVersionFactory,
    EventFactory,
    ParticipationFactory,
    RelationshipFactory,
)

pytestmark = pytest.mark.django_db

QUOTE = "la Serbie a adhéré au Partenariat pour la paix"


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def cited(claim, version, quote=QUOTE):
    CitationFactory(claim=claim, version=version, quote=quote)
    return claim


@pytest.fixture
def relationship_with(db):
    """A relationship with ``n`` cited events and ``n`` cited participations."""

    def build(n):
        version = DocumentVersionFactory()
        relationship = cited(RelationshipFactory(), version)
        for i in range(n):
            cited(EventFactory(relationship=relationship, date=f"{2000 + i}-06"), version)
            participation = ParticipationFactory(
                partner=relationship.counterpart, start=str(1990 + i)
            )
            cited(participation, version)
            cited(participation, version, "établi en décembre 2006")
        return relationship

    return build


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_relationship_page_shows_the_seeded_pfp_accession_with_its_footnote(
    client, seeded, language
):
    response = client.get(url("partners:relationship_detail", language, "nato-serbia"))
    assert response.status_code == 200
    page = response.context["page"]
    accession = next(e for e in page.events if e.kind == "accession" and e.programme.slug == "pfp")
    assert accession.date.isoformat() == "2006"
    citation = accession.sources[0]
    html = response.content.decode()
    assert f'href="#fn-{citation.footnote}"' in html
    assert f'id="fn-{citation.footnote}"' in html
    # The footnote opens the passage on the document page, where the quote is highlighted.
    document = client.get(citation.get_absolute_url().split("#")[0])
    assert f'id="{citation.anchor_id}"' in document.content.decode()
    assert citation.quote in citation.version.text.replace("\n", " ")


def test_the_timeline_renders_dates_at_their_precision_in_both_languages(client, seeded):
    french = client.get(url("partners:relationship_detail", "fr", "nato-serbia")).content.decode()
    english = client.get(url("partners:relationship_detail", "en", "nato-serbia")).content.decode()
    assert ">décembre 2006</time>" in french or "décembre 2006" in french
    assert "December 2006" in english
    assert '<time datetime="2006-12">' in french


def test_the_relationship_page_query_count_is_pinned(
    client, relationship_with, django_assert_num_queries
):
    relationship = relationship_with(3)
    # +1: the versions of the records shown, read after them (caching.pages)
    with django_assert_num_queries(9):
        response = client.get(url("partners:relationship_detail", "en", relationship.slug))
    assert len(response.context["page"].events) == 3


def test_the_relationship_page_query_count_does_not_grow_with_its_data(
    client, relationship_with, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    small, large = relationship_with(2), relationship_with(20)
    counts = []
    for relationship in (small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url("partners:relationship_detail", "en", relationship.slug))
        assert response.status_code == 200
        counts.append(len(queries))
    # 61 citations of two passages: two notes, referred to 61 times.
    footnotes = response.context["page"].footnotes
    assert [len(note.references) for note in footnotes] == [1 + 20 + 20, 20]
    assert counts[0] == counts[1]


def test_one_note_per_passage_with_a_way_back_to_each_statement_citing_it(
    client, relationship_with
):
    relationship = relationship_with(2)
    html = client.get(url("partners:relationship_detail", "en", relationship.slug)).content
    html = html.decode()
    assert html.count('<li id="fn-') == 2
    references = re.findall(r'<a href="#fn-(\d+)" id="(ref-[\d-]+)"', html)
    assert len(references) == 1 + 2 + 2 * 2
    ids = [reference for _, reference in references]
    assert len(set(ids)) == len(ids) and "ref-1" in ids and "ref-1-2" in ids
    for _, reference in references:
        assert f'href="#{reference}" class="back"' in html
    assert '<span class="letter">e</span>' in html  # note 1: statements a to e
    assert '<script src="/static/js/footnotes.js" defer></script>' in html


def test_an_unsupported_event_is_hidden_from_the_public(client, relationship_with):
    relationship = relationship_with(2)
    hidden = relationship.events.first()
    Citation.objects.for_claim(hidden).update(status=Citation.Status.ORPHANED)
    response = client.get(url("partners:relationship_detail", "en", relationship.slug))
    assert hidden not in response.context["page"].events
    assert hidden.title not in response.content.decode()
    assert len(response.context["page"].events) == 1


def test_an_event_without_any_citation_is_hidden_from_the_public(client, relationship_with):
    relationship = relationship_with(1)
    EventFactory(relationship=relationship, title_en="Uncited milestone")
    response = client.get(url("partners:relationship_detail", "en", relationship.slug))
    assert "Uncited milestone" not in response.content.decode()


def test_an_unsupported_relationship_is_not_found(client, relationship_with):
    relationship = relationship_with(1)
    Citation.objects.for_claim(relationship).update(status=Citation.Status.ORPHANED)
    response = client.get(url("partners:relationship_detail", "en", relationship.slug))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_language_switch_keeps_the_visitor_on_the_same_page(client, seeded):
    response = client.get(url("partners:relationship_detail", "fr", "nato-serbia"))
    english = url("partners:relationship_detail", "en", "nato-serbia")
    assert english == "/en/relationships/nato-serbia/"
    assert f'href="{english}" hreflang="en"' in response.content.decode()
    assert client.get(english).status_code == 200


def test_french_paths_are_translated_and_slugs_are_not(client, seeded):
    assert url("partners:relationship_detail", "fr", "nato-serbia") == "/fr/relations/nato-serbia/"
    assert url("partners:partner_detail", "fr", "serbia") == "/fr/partenaires/serbia/"


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("home", []),
        ("partners:relationship_list", []),
        ("partners:partner_list", []),
        ("partners:partner_detail", ["serbia"]),
        ("partners:partner_detail", ["belarus"]),
        ("partners:relationship_detail", ["nato-osce"]),
    ],
)
def test_every_partner_page_opens_in_both_languages(client, seeded, language, name, args):
    response = client.get(url(name, language, *args))
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_the_partner_page_lists_its_relationships_and_programmes(client, seeded):
    response = client.get(url("partners:partner_detail", "en", "serbia"))
    page = response.context["page"]
    assert {r.slug for r in page.relationships} >= {"nato-serbia", "france-serbia"}
    assert "pfp" in {p.programme.slug for p in page.participations}


def test_the_home_page_lists_relationships_and_latest_events(client, seeded, english):
    response = client.get(url("home", "en"))
    assert len(response.context["relationships"]) == 5
    dates = [e.start_date for e in response.context["latest_events"]]
    assert dates == sorted(dates, reverse=True)


def test_the_home_page_counts_the_record_and_says_when_it_last_changed(client, seeded, english):
    response = client.get(url("home", "en"))
    totals = response.context["totals"]
    assert totals.relationships == 5 and totals.partners > 10 and totals.participations > 0
    latest = max(Relationship.objects.values_list("changed_at", flat=True))
    assert totals.last_changed >= latest
    html = response.content.decode()
    assert f"{totals.partners} partners" in html and "Last changed:" in html


def test_the_home_page_features_the_partners_with_the_most_ties(client, seeded, english):
    partners = client.get(url("home", "en")).context["partners"]
    ties = [partner.ties for partner in partners]
    assert ties == sorted(ties, reverse=True)
    assert partners[0].slug == "serbia"  # on three relationships and in most programmes


def test_an_unknown_relationship_is_a_helpful_404(client, db):
    response = client.get(url("partners:relationship_detail", "fr", "nulle-part"))
    assert response.status_code == 404
    assert (
        "Parcourir les relations" in response.content.decode()
        or "relations" in response.content.decode()
    )


@pytest.mark.parametrize(
    ("name", "count"),
    [("home", 6), ("partners:partner_list", 4), ("partners:relationship_list", 2)],
)
def test_list_page_query_counts_are_pinned(client, seeded, django_assert_num_queries, name, count):
    with django_assert_num_queries(count):
        assert client.get(url(name, "en")).status_code == 200


def test_partner_page_query_count_is_pinned(client, seeded, django_assert_num_queries):
    # +1: the versions of the records shown, read after them (caching.pages)
    with django_assert_num_queries(9):
        assert client.get(url("partners:partner_detail", "en", "serbia")).status_code == 200


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Programme participation: Organization for Security and Co-operation in Europe"),
        ("fr", "Participation aux programmes : Organisation pour la sécurité et la coopération"),
    ],
)
def test_the_programmes_heading_reads_well_whatever_the_partners_name(
    client, seeded, language, heading
):
    response = client.get(url("partners:relationship_detail", language, "nato-osce"))
    html = response.content.decode()
    assert f'<h2 id="programmes-heading">{heading}' in html
