import pytest

from documents.models import Citation
from partners.models import Partner
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
    ProgrammeFactory,
    RelationshipFactory,
)

pytestmark = pytest.mark.django_db


# Partners ----------------------------------------------------------------------------


def test_a_partner_embeds_the_passages_that_support_it(client):
    partner = cite(PartnerFactory(slug="serbia", name_fr="Serbie", name_en="Serbia"))
    body = get(client, "partners/serbia/").json()
    assert body["slug"] == "serbia"
    assert body["url"] == "http://testserver/api/v1/partners/serbia/"
    assert body["page_url"] == f"http://testserver/fr{partner.get_absolute_url()[3:]}"
    [source] = body["sources"]
    citation = Citation.objects.for_claim(partner).get()
    assert source["quote"] == citation.quote
    assert source["status"] == "verified"
    assert source["document"]["title"] == citation.version.document.title
    assert source["document"]["publisher"]["slug"] == citation.version.document.publisher.slug
    assert source["version"]["id"] == citation.version_id
    assert source["version"]["sha256"] == citation.version.sha256
    assert source["passage_url"].endswith(f"#{citation.anchor_id}")
    assert source["url"] == f"http://testserver/api/v1/citations/{citation.pk}/"


def test_the_passage_link_opens_the_document_page_at_the_passage(client):
    cite(PartnerFactory(slug="serbia"))
    source = get(client, "partners/serbia/").json()["sources"][0]
    page = client.get(source["passage_url"].removeprefix("http://testserver").split("#")[0])
    assert page.status_code == 200
    assert f'id="cite-{source["id"]}"' in page.content.decode()


def test_a_partner_no_citation_supports_is_not_listed_and_not_found(client):
    cite(PartnerFactory(slug="shown"))
    PartnerFactory(slug="uncited")
    orphan(cite(PartnerFactory(slug="orphaned")))
    assert slugs(client, "partners/") == ["shown"]
    assert get(client, "partners/uncited/").status_code == 404
    assert get(client, "partners/orphaned/").status_code == 404


def test_an_orphaned_citation_is_not_shown_as_a_source_of_a_supported_partner(client):
    partner = cite(PartnerFactory(slug="serbia"))
    version = DocumentVersionFactory()
    cite(partner, version, OTHER_QUOTE)
    Citation.objects.filter(version=version).update(status=Citation.Status.ORPHANED)
    cite(partner, DocumentVersionFactory(), OTHER_QUOTE)
    Citation.objects.filter(quote=OTHER_QUOTE).exclude(version=version).update(
        status=Citation.Status.MOVED
    )
    statuses = [s["status"] for s in get(client, "partners/serbia/").json()["sources"]]
    assert sorted(statuses) == ["moved", "verified"]


def test_a_partner_lists_its_aliases(client):
    partner = cite(PartnerFactory(slug="belarus"))
    partner.aliases.create(name="Biélorussie", language="fr")
    assert get(client, "partners/belarus/").json()["aliases"] == [
        {"name": "Biélorussie", "language": "fr"}
    ]


def test_partners_filter_by_kind_status_and_iso_code(client):
    cite(PartnerFactory(slug="serbia", kind=Partner.Kind.STATE, iso_code="RS"))
    cite(PartnerFactory(slug="nato"))
    cite(PartnerFactory(slug="weu", status=Partner.Status.DEFUNCT))
    assert slugs(client, "partners/", kind="state") == ["serbia"]
    assert slugs(client, "partners/", status="defunct") == ["weu"]
    assert slugs(client, "partners/", iso_code="rs") == ["serbia"]


def test_partners_filter_by_a_programme_they_take_part_in(client):
    serbia, nato = cite(PartnerFactory(slug="serbia")), cite(PartnerFactory(slug="nato"))
    pfp = ProgrammeFactory(slug="pfp")
    cite(ParticipationFactory(partner=serbia, programme=pfp))
    ParticipationFactory(partner=nato, programme=pfp)  # unsupported: does not count
    assert slugs(client, "partners/", programme="pfp") == ["serbia"]


def test_partner_search_matches_either_language_and_aliases(client):
    cite(PartnerFactory(slug="belarus", name_fr="Bélarus", name_en="Belarus"))
    cite(PartnerFactory(slug="nato", name_fr="OTAN", name_en="NATO"))
    Partner.objects.get(slug="belarus").aliases.create(name="Biélorussie")
    assert slugs(client, "partners/", q="belarus") == ["belarus"]
    assert slugs(client, "partners/", q="Biélo") == ["belarus"]
    assert slugs(client, "partners/", q="nato") == ["nato"]


def test_partners_order_by_name_by_default_and_as_asked(client):
    for slug, name in [("b", "Bravo"), ("a", "Alpha"), ("c", "Charlie")]:
        cite(PartnerFactory(slug=slug, name_fr=name, name_en=name))
    assert slugs(client, "partners/") == ["a", "b", "c"]
    assert slugs(client, "partners/", ordering="-name") == ["c", "b", "a"]
    assert slugs(client, "partners/", ordering="-slug") == ["c", "b", "a"]


# Relationships -----------------------------------------------------------------------


@pytest.fixture
def nato_serbia(db):
    nato, serbia = PartnerFactory(slug="nato"), PartnerFactory(slug="serbia")
    return cite(
        RelationshipFactory(
            slug="nato-serbia", subject=nato, counterpart=serbia, start="2006", end=None
        )
    )


def test_a_relationship_embeds_its_partners_dates_and_sources(client, nato_serbia):
    body = get(client, "relationships/nato-serbia/").json()
    assert body["subject"]["slug"] == "nato"
    assert body["counterpart"]["url"] == "http://testserver/api/v1/partners/serbia/"
    assert body["start"] == {
        "value": "2006",
        "precision": "year",
        "first_day": "2006-01-01",
        "last_day": "2006-12-31",
    }
    assert body["end"] is None
    assert len(body["sources"]) == 1


def test_relationships_filter_by_either_partner_subject_counterpart_and_status(client, nato_serbia):
    france = PartnerFactory(slug="france")
    cite(
        RelationshipFactory(
            slug="france-serbia", subject=france, counterpart=nato_serbia.counterpart
        )
    )
    cite(
        RelationshipFactory(
            slug="nato-osce", subject=nato_serbia.subject, status="suspended", start="1992"
        )
    )
    assert slugs(client, "relationships/", partner="serbia", ordering="slug") == [
        "france-serbia",
        "nato-serbia",
    ]
    assert slugs(client, "relationships/", subject="nato", ordering="slug") == [
        "nato-osce",
        "nato-serbia",
    ]
    assert slugs(client, "relationships/", counterpart="serbia", subject="france") == [
        "france-serbia"
    ]
    assert slugs(client, "relationships/", status="suspended") == ["nato-osce"]
    assert_refused(get(client, "relationships/", partner="atlantis"), "partner")


def test_relationships_as_of_a_date(client, nato_serbia):
    cite(RelationshipFactory(slug="old", start="1990-03", end="2005-12"))
    assert slugs(client, "relationships/", as_of="2006-01-01") == ["nato-serbia"]
    assert slugs(client, "relationships/", as_of="2005-12-31") == ["old"]
    assert slugs(client, "relationships/", as_of="1990-03-01") == ["old"]
    assert slugs(client, "relationships/", as_of="1990-02-28") == []
    assert_refused(get(client, "relationships/", as_of="2006"), "as_of")


def test_relationships_filter_by_date_ranges_at_their_precision(client, nato_serbia):
    cite(RelationshipFactory(slug="old", start="1990-03", end="2005-12"))
    assert slugs(client, "relationships/", start_after="2006-07-01") == ["nato-serbia"]
    assert slugs(client, "relationships/", start_before="1990-03-01") == ["old"]
    assert slugs(client, "relationships/", end_after="2005-12-31") == ["old"]
    assert slugs(client, "relationships/", end_before="2005-11-30") == []
    assert_refused(get(client, "relationships/", end_before="2005-02-30"), "end_before")


def test_relationships_search_titles_and_partner_names(client, nato_serbia):
    nato_serbia.counterpart.name_en = "Serbia"
    nato_serbia.counterpart.save()
    cite(RelationshipFactory(slug="other", title_fr="Autre", title_en="Other"))
    assert slugs(client, "relationships/", q="serbia") == ["nato-serbia"]
    assert slugs(client, "relationships/", q="autre") == ["other"]


def test_relationships_order_by_start_with_unknown_starts_last(client, nato_serbia):
    cite(RelationshipFactory(slug="older", start="1994"))
    cite(RelationshipFactory(slug="undated"))
    assert slugs(client, "relationships/", ordering="start") == ["older", "nato-serbia", "undated"]
    assert slugs(client, "relationships/", ordering="-start") == [
        "nato-serbia",
        "older",
        "undated",
    ]


# Events ------------------------------------------------------------------------------


def test_an_event_embeds_its_date_at_its_precision_figure_and_links(client, nato_serbia):
    pfp = ProgrammeFactory(slug="pfp")
    event = cite(
        EventFactory(
            slug="nato-serbia-pfp",
            relationship=nato_serbia,
            programme=pfp,
            date="2006-12",
            figure_quantity="1400000",
            figure_unit_en="mines destroyed",
        )
    )
    event.partners.add(nato_serbia.counterpart)
    body = get(client, "events/nato-serbia-pfp/", lang="en").json()
    assert body["date"]["value"] == "2006-12"
    assert body["date"]["last_day"] == "2006-12-31"
    assert body["relationship"]["slug"] == "nato-serbia"
    assert body["programme"]["slug"] == "pfp"
    assert [p["slug"] for p in body["partners"]] == ["serbia"]
    assert body["figure"] == {"quantity": 1400000, "unit": "mines destroyed"}
    assert body["page_url"].endswith(f"/en/relationships/nato-serbia/#event-{event.pk}")


def test_events_filter_by_relationship_partner_programme_and_kind(client, nato_serbia):
    pfp = ProgrammeFactory(slug="pfp")
    france = PartnerFactory(slug="france")
    cite(EventFactory(slug="accession", relationship=nato_serbia, kind="accession", programme=pfp))
    visit = cite(EventFactory(slug="visit", kind="visit"))
    visit.partners.add(france)
    cite(EventFactory(slug="meeting", relationship=nato_serbia))
    assert slugs(client, "events/", relationship="nato-serbia", ordering="slug") == [
        "accession",
        "meeting",
    ]
    assert slugs(client, "events/", partner="france") == ["visit"]
    assert slugs(client, "events/", counterpart="serbia", kind="accession") == ["accession"]
    assert slugs(client, "events/", subject="nato", programme="pfp") == ["accession"]
    assert_refused(get(client, "events/", kind="party"), "kind")


def test_events_filter_by_date_honouring_precision(client, nato_serbia):
    cite(EventFactory(slug="year", relationship=nato_serbia, date="2006"))
    cite(EventFactory(slug="month", relationship=nato_serbia, date="2006-12"))
    cite(EventFactory(slug="day", relationship=nato_serbia, date="2007-01-15"))
    assert slugs(client, "events/", date_after="2006-12-31") == ["year", "month", "day"]
    assert slugs(client, "events/", date_after="2007-01-01") == ["day"]
    assert slugs(client, "events/", date_before="2006-01-01") == ["year"]
    assert slugs(client, "events/", date_after="2006-06-01", date_before="2006-12-01") == [
        "year",
        "month",
    ]
    assert slugs(client, "events/", ordering="-date") == ["day", "month", "year"]
    assert_refused(get(client, "events/", date_before="15/01/2007"), "date_before")


def test_events_search_titles(client, nato_serbia):
    cite(EventFactory(slug="exercise", title_fr="Exercice", title_en="Exercise"))
    cite(EventFactory(slug="other"))
    assert slugs(client, "events/", q="exerc") == ["exercise"]


# Seed and query counts ---------------------------------------------------------------


def test_the_seeded_nato_serbia_relationship_is_served_with_its_sources(client, seeded):
    body = get(client, "relationships/nato-serbia/", lang="en").json()
    assert body["subject"]["slug"] == "nato"
    assert body["sources"] and all(s["status"] in ("verified", "moved") for s in body["sources"])


def build_partners(n):
    version = DocumentVersionFactory()
    for _ in range(n):
        partner = cite(PartnerFactory(), version)
        cite(partner, version, OTHER_QUOTE)
        partner.aliases.create(name=f"Alias of {partner.slug}")


def build_relationships(n):
    version = DocumentVersionFactory()
    for _ in range(n):
        cite(cite(RelationshipFactory(start="2006"), version), version, OTHER_QUOTE)


def build_events(n):
    version, relationship = DocumentVersionFactory(), RelationshipFactory()
    for i in range(n):
        event = cite(EventFactory(relationship=relationship, date=str(1900 + i)), version)
        cite(event, version, OTHER_QUOTE)
        event.partners.add(relationship.subject)


@pytest.mark.parametrize(
    ("path", "build", "queries"),
    [
        ("partners/", build_partners, 5),  # generation, count, partners, aliases, sources
        ("relationships/", build_relationships, 4),  # generation, count, relationships, sources
        ("events/", build_events, 5),  # generation, count, events, partners involved, sources
    ],
)
def test_a_list_of_100_with_provenance_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, path, build, queries
):
    warm_content_types()
    for total in (10, 100):
        build(total - len(results(client, path, page_size=500)))
        with django_assert_num_queries(queries):
            body = get(client, path, page_size=100).json()
        assert len(body["results"]) == total
        assert all(len(item["sources"]) == 2 for item in body["results"])
