import pytest

from partners.network import lay_out
from tests.apiclient import cite
from tests.factories import DocumentVersionFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def test_the_network_page_draws_every_public_participation_and_lists_it(client, seeded):
    response = client.get("/fr/reseau/")
    html = response.content.decode()
    assert response.status_code == 200
    chart = html[html.index('<figure class="network-chart">') : html.index("</figure>")]
    links = chart.count("<path ")
    assert links > 50
    listed = html[html.index('class="network-list"') :].count("<li>")
    assert listed == links


def test_the_network_can_show_one_kind_of_programme_in_force_on_a_day(client, seeded):
    everything = client.get("/en/network/").content.decode().count("<path ")
    response = client.get("/en/network/", {"kind": "forum", "on": "2010-01-01"})
    assert response.status_code == 200
    assert 0 < response.content.decode().count("<path ") < everything


def test_a_malformed_filter_is_refused_with_the_reason_not_an_error_page(client, seeded):
    response = client.get("/en/network/", {"on": "2010-13-45", "kind": "<script>"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter a valid date." in html
    assert "Select a valid choice." in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_the_network_page_costs_the_same_queries_whatever_the_number_of_links(
    client, django_assert_num_queries
):
    version = DocumentVersionFactory()

    def add_cited_participations(count):
        for participation in ParticipationFactory.create_batch(count):
            for claim in (participation, participation.partner, participation.programme):
                cite(claim, version)

    add_cited_participations(2)
    with django_assert_num_queries(2):
        client.get("/en/network/")
    add_cited_participations(20)
    with django_assert_num_queries(2):
        assert client.get("/en/network/").content.decode().count("<path ") == 22


def test_programmes_are_placed_next_to_their_partners():
    class Record:
        def __init__(self, pk, name):
            self.pk, self.name = pk, name

        def __str__(self):
            return self.name

    class Link:
        def __init__(self, partner, programme):
            self.partner, self.programme = partner, programme

    a, b = Record(1, "A"), Record(2, "B")
    near_a, near_b = Record(10, "Z near A"), Record(11, "Y near B")
    graph = lay_out([Link(a, near_a), Link(a, near_b), Link(b, near_b), Link(a, Record(12, "W"))])
    rows = {node.record.name: node.y for node in graph.programmes}
    partner_rows = {node.record.name: node.y for node in graph.partners}
    assert partner_rows["A"] < partner_rows["B"]
    assert rows["Z near A"] < rows["Y near B"]
