"""Invalidation by what a page shows: a write changes the pages that show what it wrote, on
the next request, and leaves the others served from the cache."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from caching.generation import bump, versions
from documents.importing import import_document
from documents.models import Citation
from documents.sources import RawSource
from editorial.revert import revert_citations
from editorial.roles import REVIEWER
from tests.factories import (
    CitationFactory,
    DocumentVersionFactory,
    EventFactory,
    ParticipationFactory,
    PartnerFactory,
    ProgrammeFactory,
    RelationshipFactory,
)

pytestmark = pytest.mark.django_db

QUOTE = "la Serbie a adhéré au Partenariat pour la paix"


def page(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def relationship_page(relationship):
    return page("partners:relationship_detail", relationship.slug)


def cited(claim, version=None):
    CitationFactory(claim=claim, version=version or DocumentVersionFactory(), quote=QUOTE)
    return claim


@pytest.fixture
def nato_serbia():
    version = DocumentVersionFactory()
    relationship = cited(RelationshipFactory(summary_en="Cooperation since 2006."), version)
    cited(EventFactory(relationship=relationship, title_en="Serbia joins the PfP"), version)
    return relationship


@pytest.fixture
def osce():
    relationship = cited(RelationshipFactory(summary_en="A forum for security."))
    cited(EventFactory(relationship=relationship, title_en="Ministerial council"))
    return relationship


@pytest.fixture
def reviewer():
    user = User.objects.create_user("reviewer", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWER))
    return user


def queries_of(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def assert_served_from_cache(client, url, html):
    count, again = queries_of(client, url)
    assert count == 1  # the versions of what it shows, nothing else
    assert again == html


def assert_current(client, url, settings):
    """What the page cache serves is what the page shows when made afresh."""
    served = client.get(url).content.decode()
    cache_seconds, settings.PAGE_CACHE_SECONDS = settings.PAGE_CACHE_SECONDS, 0
    fresh = client.get(url).content.decode()
    settings.PAGE_CACHE_SECONDS = cache_seconds
    assert served == fresh
    return served


# What does not show a record keeps its cached page -----------------------------------------


def test_editing_the_osce_relationship_keeps_the_nato_serbia_page_served_from_the_cache(
    client, nato_serbia, osce
):
    html = client.get(relationship_page(nato_serbia)).content.decode()
    osce.summary_en = "A forum for security and co-operation."
    osce.save()
    assert_served_from_cache(client, relationship_page(nato_serbia), html)
    assert "co-operation" in client.get(relationship_page(osce)).content.decode()


def test_an_event_and_a_citation_of_another_relationship_keep_this_page_cached(
    client, nato_serbia, osce
):
    html = client.get(relationship_page(nato_serbia)).content.decode()
    EventFactory(relationship=osce, title_en="Another council")
    citation = Citation.objects.for_claim(osce).get()
    citation.status = Citation.Status.CHANGED
    citation.save()
    assert_served_from_cache(client, relationship_page(nato_serbia), html)


def test_a_new_version_of_another_document_keeps_this_page_cached(client, nato_serbia, osce):
    html = client.get(relationship_page(nato_serbia)).content.decode()
    document = Citation.objects.for_claim(osce).get().version.document
    import_document(RawSource(f"Nouveau texte : {QUOTE}.", False, "new.txt"), document=document)
    assert_served_from_cache(client, relationship_page(nato_serbia), html)


# What shows a record follows its changes ------------------------------------------------


def test_an_edit_shows_on_the_next_request_of_its_page(client, nato_serbia, settings):
    client.get(relationship_page(nato_serbia))
    nato_serbia.summary_en = "Cooperation deepened in 2015."
    nato_serbia.save()
    assert "deepened in 2015" in assert_current(client, relationship_page(nato_serbia), settings)


def test_renaming_a_partner_shows_on_the_pages_of_its_relationships(client, nato_serbia, settings):
    client.get(relationship_page(nato_serbia))
    counterpart = nato_serbia.counterpart
    counterpart.name_en = "Republic of Serbia"
    counterpart.save()
    assert "Republic of Serbia" in assert_current(client, relationship_page(nato_serbia), settings)


def test_unpublishing_an_event_removes_it_from_its_relationship_page(
    client, nato_serbia, reviewer, settings
):
    assert "Serbia joins the PfP" in client.get(relationship_page(nato_serbia)).content.decode()
    nato_serbia.events.get().transition("unpublish", reviewer)
    html = assert_current(client, relationship_page(nato_serbia), settings)
    assert "Serbia joins the PfP" not in html


def test_an_event_published_again_appears_on_its_relationship_page(client, nato_serbia, settings):
    event = nato_serbia.events.get()
    event.publication_state = event.State.UNPUBLISHED
    event.save()
    assert "Serbia joins the PfP" not in client.get(relationship_page(nato_serbia)).content.decode()
    event.publication_state = event.State.PUBLISHED
    event.save()
    assert "Serbia joins the PfP" in assert_current(
        client, relationship_page(nato_serbia), settings
    )


def test_a_citation_that_stops_supporting_its_event_hides_it(client, nato_serbia, settings):
    assert "Serbia joins the PfP" in client.get(relationship_page(nato_serbia)).content.decode()
    citation = Citation.objects.for_claim(nato_serbia.events.get()).get()
    citation.status = Citation.Status.CHANGED
    citation.save()
    html = assert_current(client, relationship_page(nato_serbia), settings)
    assert "Serbia joins the PfP" not in html


def test_a_new_version_shows_on_the_document_page_and_the_pages_of_its_claims(
    client, nato_serbia, settings
):
    document = Citation.objects.for_claim(nato_serbia).get().version.document
    document_page = page("documents:document_detail", document.slug)
    client.get(document_page)
    client.get(relationship_page(nato_serbia))
    import_document(
        RawSource("Relations avec la Serbie.\nRien d'autre.", False, "new.txt"),
        document=document,
        publish=True,
    )
    assert "Rien d" in assert_current(client, document_page, settings)
    html = assert_current(client, relationship_page(nato_serbia), settings)
    assert "Serbia joins the PfP" not in html


def test_reverting_an_events_citations_shows_on_its_relationship_page(
    client, nato_serbia, reviewer, settings
):
    event = nato_serbia.events.get()
    citation = Citation.objects.for_claim(event).get()
    moment = citation.history.latest().history_date + datetime.timedelta(microseconds=1)
    citation.delete()
    assert "Serbia joins the PfP" not in client.get(relationship_page(nato_serbia)).content.decode()
    revert_citations(event, moment, reviewer)
    html = assert_current(client, relationship_page(nato_serbia), settings)
    assert "Serbia joins the PfP" in html


def test_a_new_participation_of_the_counterpart_shows_on_the_relationship_page(
    client, nato_serbia, settings
):
    client.get(relationship_page(nato_serbia))
    programme = cited(ProgrammeFactory(name_en="Partnership for Peace"))
    cited(ParticipationFactory(partner=nato_serbia.counterpart, programme=programme))
    html = assert_current(client, relationship_page(nato_serbia), settings)
    assert "Partnership for Peace" in html


def test_a_partner_published_shows_its_participation_on_the_programme_page(client, settings):
    programme = cited(ProgrammeFactory())
    partner = cited(PartnerFactory(name_en="Montenegro", publication_state="unpublished"))
    cited(ParticipationFactory(partner=partner, programme=programme))
    programme_page = page("programmes:programme_detail", programme.slug)
    assert "Montenegro" not in client.get(programme_page).content.decode()
    partner.publication_state = partner.State.PUBLISHED
    partner.save()
    assert "Montenegro" in assert_current(client, programme_page, settings)


def test_lists_and_the_home_page_follow_a_change_to_any_record(client, nato_serbia, settings):
    pages = [page("home"), page("partners:relationship_list"), page("partners:partner_list")]
    for url in pages:
        client.get(url)
    counterpart = nato_serbia.counterpart
    counterpart.name_en = "Republic of Serbia"
    counterpart.save()
    for url in pages:
        assert_current(client, url, settings)


def test_a_write_that_bypasses_signals_bumps_the_site_and_no_page_is_reused(
    client, nato_serbia, osce
):
    client.get(relationship_page(osce))
    bump()  # as the bulk writers do
    count, _html = queries_of(client, relationship_page(osce))
    assert count > 1  # made again


def test_a_write_that_rolls_back_leaves_every_version_as_it_was(nato_serbia):
    keys = [f"relationship:{nato_serbia.pk}", "kind:relationship", "site"]
    before = versions(keys)
    with pytest.raises(RuntimeError), transaction.atomic():
        nato_serbia.summary_en = "Never committed."
        nato_serbia.save()
        assert versions(keys) != before
        raise RuntimeError
    assert versions(keys) == before


def test_a_page_made_while_a_write_commits_is_served_but_not_kept(client, nato_serbia, monkeypatch):
    from caching import pages

    def written_meanwhile(keys):
        found = real_versions(keys)
        bump([f"relationship:{nato_serbia.pk}"])  # a write committed after the data was read
        return {**found, **real_versions(keys)}

    real_versions = pages.versions
    monkeypatch.setattr(pages, "versions", written_meanwhile)
    response = client.get(relationship_page(nato_serbia))
    assert response.status_code == 200
    assert not response.has_header("ETag")
    monkeypatch.setattr(pages, "versions", real_versions)
    count, _html = queries_of(client, relationship_page(nato_serbia))
    assert count > 1  # nothing was kept


def test_editing_another_relationship_of_the_same_partner_keeps_this_page_cached(
    client, nato_serbia, settings
):
    nato = nato_serbia.subject
    nato_osce = cited(RelationshipFactory(subject=nato, summary_en="A forum for security."))
    html = client.get(relationship_page(nato_serbia)).content.decode()
    partner_page = page("partners:partner_detail", nato.slug)
    cited(nato)
    client.get(partner_page)
    nato_osce.title_en = "NATO and the OSCE"
    nato_osce.save()
    assert_served_from_cache(client, relationship_page(nato_serbia), html)
    assert "NATO and the OSCE" in assert_current(client, partner_page, settings)


def test_a_page_with_many_keys_is_checked_by_its_newest_version(
    client, nato_serbia, osce, monkeypatch, settings
):
    from caching import pages

    monkeypatch.setattr(pages, "FEW_KEYS", 0)
    html = client.get(relationship_page(nato_serbia)).content.decode()
    osce.summary_en = "A forum for security and co-operation."
    osce.save()
    assert_served_from_cache(client, relationship_page(nato_serbia), html)
    nato_serbia.summary_en = "Cooperation deepened in 2015."
    nato_serbia.save()
    assert "deepened in 2015" in assert_current(client, relationship_page(nato_serbia), settings)
