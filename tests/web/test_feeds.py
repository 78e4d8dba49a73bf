"""The Atom feed of changes to the public record."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.utils import timezone

from editorial.models import PublicationState
from partners.models import Relationship
from tests.factories import CitationFactory, EventFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    return [
        (
            entry.findtext(f"{ATOM}title"),
            entry.find(f"{ATOM}link").get("href"),
            entry.findtext(f"{ATOM}updated"),
        )
        for entry in feed.iter(f"{ATOM}entry")
    ]


@pytest.mark.parametrize(
    ("path", "word"), [("/en/changes.atom", "Event"), ("/fr/changements.atom", "Événement")]
)
def test_the_feed_lists_public_changes_newest_first_in_each_language(client, seeded, path, word):
    found = entries(client, path)
    assert 0 < len(found) <= 50
    updated = [moment for _, _, moment in found]
    assert updated == sorted(updated, reverse=True)
    assert any(title.startswith(f"{word}: ") for title, _, _ in found)
    assert all(link.startswith("http://testserver/" + path[1:3] + "/") for _, link, _ in found)


def test_a_corrected_record_comes_first_and_a_draft_never_appears(client, seeded):
    relationship = Relationship.objects.get(slug="nato-serbia")
    relationship.summary_en = "Corrected summary."
    relationship.changed_at = timezone.now()
    relationship.save()
    draft = EventFactory(
        relationship=relationship,
        title_en="A draft event",
        publication_state=PublicationState.DRAFT,
    )
    CitationFactory(claim=draft)
    found = entries(client, "/en/changes.atom")
    assert found[0][1].endswith("/en/relationships/nato-serbia/")
    assert not any("A draft event" in title for title, _, _ in found)


def test_the_feed_query_count_does_not_grow_with_the_record(
    client, seeded, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        entries(client, "/en/changes.atom")
    relationship = Relationship.objects.get(slug="nato-serbia")
    for number in range(20):
        CitationFactory(claim=EventFactory(relationship=relationship, title_en=f"Event {number}"))
    with django_assert_max_num_queries(8):
        assert len(entries(client, "/en/changes.atom")) == 50
