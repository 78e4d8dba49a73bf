"""schema.org JSON-LD on the public pages."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db

BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def linked_data(response):
    (block,) = BLOCK.findall(response.content.decode())
    data = json.loads(block)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def test_a_relationship_page_describes_both_partners_and_each_event_with_its_sources(
    client, seeded
):
    response = client.get("/en/relationships/nato-serbia/")
    items = linked_data(response)
    organisations = [item for item in items if item["@type"] != "Event"]
    events = [item for item in items if item["@type"] == "Event"]
    assert [item["name"] for item in organisations] == [
        "North Atlantic Treaty Organization",
        "Serbia",
    ]
    assert "NATO" in organisations[0]["alternateName"]
    assert organisations[1]["@type"] == "GovernmentOrganization"
    assert len(events) == response.content.decode().count('<li id="event-')
    accession = next(item for item in events if item["startDate"] == "2006")
    source = accession["citation"][0]
    assert source["@type"] == "CreativeWork"
    assert source["url"].startswith("http://testserver/en/documents/nato-relations-serbia/")
    assert re.fullmatch(r"http://testserver/en/passages/\d+/", source["@id"])
    assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])


def test_a_partner_page_describes_the_partner_with_its_sources(client, seeded):
    (partner,) = linked_data(client.get("/fr/partenaires/serbia/"))
    assert partner["name"] == "Serbie"
    assert partner["url"] == "http://testserver/fr/partenaires/serbia/"
    assert partner["citation"]


def test_a_document_page_describes_the_document_and_its_version(client, seeded):
    (document,) = linked_data(client.get("/en/documents/nato-relations-serbia/"))
    assert document["@type"] == "CreativeWork"
    assert document["inLanguage"] == "fr"
    assert document["publisher"]["name"] == "North Atlantic Treaty Organization"


def test_curated_text_cannot_close_the_json_ld_block(client, seeded):
    from partners.models import Partner

    Partner.objects.filter(slug="serbia").update(description_en="</script><script>alert(1)")
    html = client.get("/en/partners/serbia/").content.decode()
    assert "</script><script>alert(1)" not in html
    (partner,) = linked_data(client.get("/en/partners/serbia/"))
    assert partner["description"] == "</script><script>alert(1)"
