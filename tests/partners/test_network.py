import re

import pytest

from partners.network import tabulate
from tests.apiclient import cite
from tests.factories import DocumentVersionFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def matrix_of(html):
    table = html[html.index('<table class="network-matrix">') : html.index("</table>")]
    rows = re.findall(r'<tr><th scope="row">(.*?)</tr>', table)
    totals = [int(total) for total in re.findall(r'<td class="total">(\d+)</td>', table)]
    return rows, totals


def test_the_network_page_counts_every_public_participation_and_lists_it(client, seeded):
    response = client.get("/fr/reseau/")
    html = response.content.decode()
    assert response.status_code == 200
    rows, totals = matrix_of(html)
    assert len(rows) > 10 and totals == sorted(totals, reverse=True)
    listed = html[html.index('class="network-list"') :].count("<li>")
    participations = response.context["participations"]
    assert listed == len(participations)
    pairs = {(p.partner_id, p.programme_id) for p in participations}
    assert sum(totals) == len(pairs)  # a partner counts a programme once


def test_the_network_can_show_one_kind_of_programme_in_force_on_a_day(client, seeded):
    _, everything = matrix_of(client.get("/en/network/").content.decode())
    response = client.get("/en/network/", {"kind": "forum", "on": "2010-01-01"})
    assert response.status_code == 200
    html = response.content.decode()
    _, forums = matrix_of(html)
    assert 0 < sum(forums) < sum(everything)
    assert html.count('<th scope="col"><a href="?kind=') == 1  # only the forum column
    assert 'href="?kind=forum&amp;on=2010-01-01"' in html


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
        rows, totals = matrix_of(client.get("/en/network/").content.decode())
    assert len(rows) == 22 and sum(totals) == 22


def test_the_matrix_counts_programmes_by_kind_most_involved_partner_first():
    class Record:
        def __init__(self, pk, name, kind=""):
            self.pk, self.name, self.kind = pk, name, kind

    class Participation:
        def __init__(self, partner, programme):
            self.partner, self.programme = partner, programme

    a, b = Record(1, "A"), Record(2, "B")
    fund, other_fund = Record(10, "Fund", "trust_fund"), Record(11, "Fund 2", "trust_fund")
    forum = Record(12, "Forum", "forum")
    matrix = tabulate(
        [
            Participation(b, forum),
            Participation(a, fund),
            Participation(a, fund),  # two roles in one programme: counted once
            Participation(a, other_fund),
            Participation(a, forum),
        ]
    )
    assert [value for value, _ in matrix.kinds] == ["forum", "trust_fund"]
    assert [row.partner.name for row in matrix.rows] == ["A", "B"]
    assert [cell.count for cell in matrix.rows[0].cells] == [1, 2]
    assert [cell.level for cell in matrix.rows[0].cells] == [1, 2]
    assert [cell.count for cell in matrix.rows[1].cells] == [1, 0]
    assert tabulate([]) is None
