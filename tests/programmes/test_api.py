import pytest

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
    ParticipationFactory,
    PartnerFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


# The question the API was built for ------------------------------------------------------


def test_serbia_on_2010_01_01_took_part_in_the_partnership_for_peace_says_the_seed(client, seeded):
    body = get(client, "participations/", partner="serbia", as_of="2010-01-01").json()
    by_programme = {item["programme"]["slug"]: item for item in body["results"]}
    pfp = by_programme["pfp"]
    assert pfp["partner"]["slug"] == "serbia"
    assert pfp["start"]["value"] == "2006"
    assert pfp["programme"]["name"] == "Partenariat pour la paix"
    quotes = [source["quote"] for source in pfp["sources"]]
    assert "depuis 2006, année où la Serbie a adhéré au Partenariat pour la paix (PPP)" in quotes
    assert pfp["sources"][0]["document"]["publisher"]["slug"] == "nato"
    assert "ipap" not in by_programme  # Serbia's IPAP starts in 2015


def test_the_same_question_in_english_keeps_the_french_quote(client, seeded):
    body = get(client, "participations/", partner="serbia", as_of="2010-01-01", lang="en").json()
    pfp = next(item for item in body["results"] if item["programme"]["slug"] == "pfp")
    assert pfp["programme"]["name"] == "Partnership for Peace"
    assert any("Partenariat pour la paix" in source["quote"] for source in pfp["sources"])


# as_of: a date stands for its whole period -----------------------------------------------


def participation(start=None, end=None, **kwargs):
    return cite(ParticipationFactory(start=start, end=end, **kwargs))


def ids(client, **params):
    return [item["id"] for item in results(client, "participations/", **params)]


@pytest.mark.parametrize(
    ("start", "end", "day", "in_force"),
    [
        # a start known to the year counts from the first day of that year
        ("2006", None, "2006-01-01", True),
        ("2006", None, "2005-12-31", False),
        # to the month: from the first day of that month
        ("2006-12", None, "2006-12-01", True),
        ("2006-12", None, "2006-11-30", False),
        # to the day: from that day
        ("2019-06-07", None, "2019-06-07", True),
        ("2019-06-07", None, "2019-06-06", False),
        # an end known to the month lasts through the last day of that month
        ("2001", "2007-06", "2007-06-30", True),
        ("2001", "2007-06", "2007-07-01", False),
        # to the year: through December 31st
        ("2001", "2007", "2007-12-31", True),
        ("2001", "2007", "2008-01-01", False),
        # to the day: through that day
        ("2001", "2007-06-15", "2007-06-15", True),
        ("2001", "2007-06-15", "2007-06-16", False),
        # (February of a leap year)
        ("2001", "2008-02", "2008-02-29", True),
        # no end: still in force, however late
        ("2006", None, "9999-12-31", True),
        # no known start: never said to be in force
        (None, None, "2010-01-01", False),
        (None, "2007", "2005-01-01", False),
    ],
)
def test_as_of_honours_the_precision_of_start_and_end(client, start, end, day, in_force):
    record = participation(start, end)
    assert ids(client, as_of=day) == ([record.pk] if in_force else [])


def test_as_of_an_impossible_date_is_refused(client):
    assert_refused(get(client, "participations/", as_of="2010-02-30"), "as_of")
    assert_refused(get(client, "participations/", as_of="2010-1-1x"), "as_of")


# Participations ------------------------------------------------------------------------------


def test_a_participation_embeds_partner_programme_dates_and_sources(client):
    record = participation("2006", "2007-06", role="member", status="ended")
    body = get(client, f"participations/{record.pk}/").json()
    assert body["partner"]["slug"] == record.partner.slug
    assert body["programme"]["url"].endswith(f"/api/v1/programmes/{record.programme.slug}/")
    assert (body["role"], body["status"]) == ("member", "ended")
    assert body["end"] == {
        "value": "2007-06",
        "precision": "month",
        "first_day": "2007-06-01",
        "last_day": "2007-06-30",
    }
    assert body["page_url"].endswith(f"#participation-{record.pk}")
    assert len(body["sources"]) == 1


def test_an_unsupported_participation_is_not_listed_and_not_found(client):
    record = orphan(participation("2006"))
    assert ids(client) == []
    assert get(client, f"participations/{record.pk}/").status_code == 404
    assert get(client, "participations/999999999/").status_code == 404


def test_participations_filter_by_partner_programme_role_and_status(client):
    serbia, pfp = PartnerFactory(slug="serbia"), ProgrammeFactory(slug="pfp")
    member = participation("2006", partner=serbia, role="member")
    other = participation("2006", programme=pfp, status="ended")
    assert ids(client, partner="serbia") == [member.pk]
    assert ids(client, programme="pfp") == [other.pk]
    assert ids(client, role="member") == [member.pk]
    assert ids(client, status="ended") == [other.pk]
    assert_refused(get(client, "participations/", role="king"), "role")
    assert_refused(get(client, "participations/", programme="nowhere"), "programme")


def test_participations_filter_by_start_and_end_ranges(client):
    early = participation("1995", "2000-06")
    late = participation("2006-12")
    assert ids(client, start_after="2006-12-31") == [late.pk]
    assert ids(client, start_before="1995-12-31") == [early.pk]
    assert ids(client, end_after="2000-06-30") == [early.pk]
    assert ids(client, end_before="2000-05-31") == []


def test_participations_search_notes_partners_and_programmes(client):
    noted = participation("2006", note_en="Hosts the liaison office")
    named = participation("2006", programme=ProgrammeFactory(name_en="Science for Peace"))
    assert ids(client, q="liaison office") == [noted.pk]
    assert ids(client, q="science for") == [named.pk]


def test_participations_order_by_start_then_programme_with_undated_last(client):
    undated = participation(None)
    late, early = participation("2006"), participation("1995")
    assert ids(client) == [early.pk, late.pk, undated.pk]
    assert ids(client, ordering="-start") == [late.pk, early.pk, undated.pk]
    assert_refused(get(client, "participations/", ordering="start,colour"), "ordering")


# Programmes ------------------------------------------------------------------------------


def test_a_programme_embeds_its_runner_parent_dates_and_sources(client):
    nato = PartnerFactory(slug="nato")
    pfp = cite(ProgrammeFactory(slug="pfp", run_by=nato, start="1994"))
    cite(ProgrammeFactory(slug="ipap", parent=pfp, start="2002-11"))
    body = get(client, "programmes/ipap/").json()
    assert body["parent"]["slug"] == "pfp"
    assert body["run_by"] is None
    assert body["start"]["value"] == "2002-11"
    assert get(client, "programmes/pfp/").json()["run_by"]["slug"] == "nato"


def test_programmes_filter_by_kind_runner_parent_and_partner(client):
    nato, serbia = PartnerFactory(slug="nato"), PartnerFactory(slug="serbia")
    pfp = cite(ProgrammeFactory(slug="pfp", kind="framework", run_by=nato, start="1994"))
    cite(ProgrammeFactory(slug="ipap", parent=pfp, start="2002-11"))
    cite(ProgrammeFactory(slug="fund", kind="trust_fund"))
    cite(ParticipationFactory(partner=serbia, programme=pfp))
    ParticipationFactory(partner=serbia, programme=ProgrammeFactory(slug="hidden"))
    assert slugs(client, "programmes/", kind="trust_fund") == ["fund"]
    assert slugs(client, "programmes/", run_by="nato") == ["pfp"]
    assert slugs(client, "programmes/", parent="pfp") == ["ipap"]
    assert slugs(client, "programmes/", partner="serbia") == ["pfp"]
    assert slugs(client, "programmes/", as_of="1994-01-01") == ["pfp"]
    assert slugs(client, "programmes/", ordering="-start") == ["ipap", "pfp", "fund"]
    assert_refused(get(client, "programmes/", run_by="nobody"), "run_by")


def test_programmes_search_names_and_acronyms_in_both_languages(client):
    cite(ProgrammeFactory(slug="pfp", name_fr="Partenariat pour la paix", acronym_en="PfP"))
    cite(ProgrammeFactory(slug="sps", name_en="Science for Peace and Security"))
    assert slugs(client, "programmes/", q="partenariat") == ["pfp"]
    assert slugs(client, "programmes/", q="PFP") == ["pfp"]
    assert slugs(client, "programmes/", q="security") == ["sps"]


def test_rows_that_name_the_same_records_each_get_their_own_right_representation(client):
    # Documents, versions, partners and programmes named by many rows are represented once
    # per answer (api.fields.SharedPerAnswer): each row must still name its own.
    first, second = DocumentVersionFactory(), DocumentVersionFactory()
    serbia, nato = PartnerFactory(slug="serbia"), PartnerFactory(slug="nato")
    pfp = ProgrammeFactory(slug="pfp")
    cite(cite(ParticipationFactory(partner=serbia, programme=pfp, start="2006"), first), second)
    cite(ParticipationFactory(partner=nato, programme=pfp, start="1994"), second)
    cite(ParticipationFactory(partner=serbia, programme=ProgrammeFactory(slug="sps")), first)
    rows = {
        (item["partner"]["slug"], item["programme"]["slug"]): item
        for item in results(client, "participations/")
    }
    assert set(rows) == {("serbia", "pfp"), ("nato", "pfp"), ("serbia", "sps")}

    def documents(row):
        return sorted(source["document"]["slug"] for source in rows[row]["sources"])

    assert documents(("serbia", "pfp")) == sorted([first.document.slug, second.document.slug])
    assert documents(("nato", "pfp")) == [second.document.slug]
    assert documents(("serbia", "sps")) == [first.document.slug]
    versions = {
        source["version"]["id"]: source["document"]["slug"]
        for item in rows.values()
        for source in item["sources"]
    }
    assert versions == {first.pk: first.document.slug, second.pk: second.document.slug}
    assert rows[("nato", "pfp")]["partner"]["url"].endswith("/api/v1/partners/nato/")
    assert rows[("serbia", "sps")]["programme"]["url"].endswith("/api/v1/programmes/sps/")


# Query counts --------------------------------------------------------------------------------


def build_participations(n):
    version = DocumentVersionFactory()
    for i in range(n):
        record = cite(ParticipationFactory(start=str(1900 + i)), version)
        cite(record, version, OTHER_QUOTE)


def build_programmes(n):
    version, nato = DocumentVersionFactory(), PartnerFactory()
    parent = ProgrammeFactory()
    for _ in range(n):
        programme = cite(ProgrammeFactory(run_by=nato, parent=parent, start="1994"), version)
        cite(programme, version, OTHER_QUOTE)


@pytest.mark.parametrize(
    ("path", "build", "queries"),
    [
        ("participations/", build_participations, 4),  # generation, count, participations, sources
        ("programmes/", build_programmes, 4),  # generation, count, programmes, sources
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


def test_filters_add_no_query_per_row(client, django_assert_num_queries):
    warm_content_types()
    build_participations(30)
    partner = PartnerFactory(slug="serbia")
    for i in range(30):
        cite(ParticipationFactory(partner=partner, start=str(1950 + i)))
    # the content generation, + one query to look the partner's slug up
    with django_assert_num_queries(5):
        body = get(client, "participations/", partner="serbia", as_of="2000-01-01").json()
    assert body["count"] == 30
