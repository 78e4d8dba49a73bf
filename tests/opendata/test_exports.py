import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from documents.models import Citation
from partners.models import Relationship
from programmes.models import Participation
from tests.apiclient import cite
from tests.factories import DocumentVersionFactory, ParticipationFactory, PartnerFactory

pytestmark = pytest.mark.django_db
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def test_the_json_download_holds_every_published_record_with_its_sources(client, seeded):
    response = client.get("/api/v1/export/records.json?lang=en")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="liaison-')
    data = json.loads(response.content)
    api = client.get("/api/v1/participations/?page_size=500").json()
    assert len(data["participations"]) == api["count"]
    assert len(data["relationships"]) == Relationship.objects.count()
    assert all(item["sources"] for name in ("partners", "events") for item in data[name])


def test_the_csv_download_has_one_row_per_record_and_supporting_citation(client, seeded):
    response = client.get("/api/v1/export/records.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert len(rows) == Citation.objects.supporting().count()
    row = next(r for r in rows if r["claim_slug"] == "nato-serbia")
    assert row["claim_type"] == "relationship"
    assert row["quote"] and len(row["sha256"]) == 64
    assert row["passage_url"].startswith("http://testserver/")


def test_an_orphaned_citation_is_left_out_of_the_downloads(client, seeded):
    citation = Citation.objects.filter(content_type__model="participation").first()
    Citation.objects.filter(pk=citation.pk).update(status=Citation.Status.ORPHANED)
    rows = client.get("/api/v1/export/records.csv").content.decode()
    assert f"/#{citation.anchor_id}" not in rows


def test_the_graph_joins_partners_and_programmes_by_their_participations(client, seeded):
    response = client.get("/api/v1/export/graph.graphml")
    root = ET.fromstring(response.content)
    graph = root.find(f"{GRAPHML}graph")
    nodes = {node.get("id") for node in graph.findall(f"{GRAPHML}node")}
    edges = graph.findall(f"{GRAPHML}edge")
    assert "partner:serbia" in nodes and "programme:pfp" in nodes
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    participation_edges = [e for e in edges if e.get("id").startswith("participation:")]
    assert len(participation_edges) == Participation.objects.count()
    assert any(
        e.get("source") == "partner:serbia" and e.get("target") == "programme:pfp"
        for e in participation_edges
    )


def test_a_bad_language_is_refused_with_the_parameter_named(client, seeded):
    response = client.get("/api/v1/export/records.json?lang=de")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["lang"]


def test_the_data_page_links_every_download_in_its_language(client, seeded):
    html = client.get("/en/data/").content.decode()
    for path in ("records.json", "records.csv", "graph.graphml"):
        assert f"/api/v1/export/{path}?lang=en" in html


def test_the_data_page_gives_each_download_its_size_in_its_language(client, seeded):
    from django.core.cache import cache
    from django.template.defaultfilters import filesizeformat

    cache.clear()
    html = client.get("/en/data/").content.decode()  # built once to know their sizes
    for path in ("records.json", "records.csv", "graph.graphml"):
        size = len(client.get(f"/api/v1/export/{path}?lang=en").content)
        assert size > 1000
        with translation.override("en"):
            assert f'<span class="file-size">(about {filesizeformat(size)})</span>' in html
    with translation.override("fr"):
        size = filesizeformat(len(client.get("/api/v1/export/records.csv?lang=fr").content))
    assert f"(environ {size})" in client.get("/fr/donnees/").content.decode()


def test_the_records_licence_is_said_on_the_page_in_the_json_and_on_every_download(
    client, settings
):
    settings.DATA_LICENCE = {"name": "ODbL 1.0", "url": "https://opendatacommons.org/odbl/"}
    html = client.get("/fr/donnees/").content.decode()
    assert '<a href="https://opendatacommons.org/odbl/" rel="license">ODbL 1.0</a>' in html
    assert "restent la propriété de leurs éditeurs" in html
    assert json.loads(client.get("/api/v1/export/records.json").content)["licence"] == (
        settings.DATA_LICENCE
    )
    for path in ("records.json", "records.csv", "graph.graphml"):
        response = client.get(f"/api/v1/export/{path}")
        assert response["Link"] == '<https://opendatacommons.org/odbl/>; rel="license"'


@pytest.mark.parametrize(
    "path",
    ["/api/v1/export/records.json", "/api/v1/export/records.csv", "/api/v1/export/graph.graphml"],
)
def test_a_download_costs_the_same_queries_whatever_the_number_of_records(client, path):
    version = DocumentVersionFactory()
    client.get(path)  # as in a process that has served before (its content types known)

    def queries_with(count):
        for participation in ParticipationFactory.create_batch(count):
            for claim in (participation, participation.partner, participation.programme):
                cite(claim, version)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(20)


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_text_a_spreadsheet_would_run_as_a_formula_is_given_as_text(client, start):
    name = f'{start}HYPERLINK("http://evil.example/","Serbia")'
    text = f"{start}1+1 la Serbie a adhéré au Partenariat pour la paix."
    partner = PartnerFactory(name_fr=name, name_en=name)
    cite(partner, DocumentVersionFactory(text=text, raw=text), quote=text.rstrip("."))
    response = client.get("/api/v1/export/records.csv?lang=en")
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["claim"] == "'" + name
    assert row["quote"] == "'" + text.rstrip(".")
    assert row["start"] == "0"  # numbers are left as they are
    exported = client.get("/api/v1/export/records.json?lang=en").json()["partners"][0]
    assert exported["sources"][0]["quote"] == text.rstrip(".")  # the JSON keeps the exact text


def test_csv_names_starting_with_a_tab_are_given_as_text(client):
    cite(PartnerFactory(name_en="\t=1+1"), quote="la Serbie a adhéré")
    response = client.get("/api/v1/export/records.csv?lang=en")
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["claim"] == "'\t=1+1"


def test_csv_text_starting_otherwise_is_written_as_it_is(client):
    partner = cite(PartnerFactory(name_en="Serbia"), quote="la Serbie a adhéré")
    response = client.get("/api/v1/export/records.csv?lang=en")
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert (row["claim"], row["quote"]) == ("Serbia", "la Serbie a adhéré")
    assert partner.pk == int(row["claim_id"])


def test_downloads_are_throttled_apart_from_the_api(client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100/minute", "downloads": "2/minute"},
    }
    paths = ["/api/v1/export/records.json", "/api/v1/export/graph.graphml"]
    assert [client.get(path).status_code for path in paths] == [200, 200]
    throttled = client.get("/api/v1/export/records.csv", HTTP_ACCEPT_LANGUAGE="en")
    assert throttled.status_code == 429
    assert int(throttled["Retry-After"]) > 0
    assert "try again" in throttled.json()["detail"]
    french = client.get("/api/v1/export/records.csv", HTTP_ACCEPT_LANGUAGE="fr")
    assert "réessayez" in french.json()["detail"]
    assert client.get("/api/v1/partners/").status_code == 200  # the API counts on its own
