"""Where each citation stood in each version (``CitationAnchor``): written by every save of
a citation, kept when it moves on to a new version, and written for existing citations by
the migration that added them."""

import importlib

import pytest
from django.apps import apps
from django.db import transaction

from documents.models import Citation, CitationAnchor
from editorial.locking import StaleRecord, expect_version
from tests.factories import SAMPLE_TEXT, CitationFactory, DocumentVersionFactory, EventFactory
from tests.new_versions import import_and_publish

pytestmark = pytest.mark.django_db

KEPT = "la Serbie a adhéré au Partenariat pour la paix"
MOVED = "apporte son soutien aux réformes"
NEW_TEXT = SAMPLE_TEXT.replace("établi en décembre 2006", "ouvert fin 2006")
backfill = importlib.import_module("documents.migrations.0008_citation_anchors")


def places(citation):
    return {
        anchor.version.number: anchor
        for anchor in CitationAnchor.objects.filter(citation=citation).select_related("version")
    }


def test_a_new_citation_records_its_place_in_its_version():
    citation = CitationFactory(claim=EventFactory(), quote=KEPT)
    (anchor,) = places(citation).values()
    assert (anchor.version_id, anchor.quote, anchor.start, anchor.end) == (
        citation.version_id,
        KEPT,
        citation.start,
        citation.end,
    )
    assert (anchor.prefix, anchor.suffix) == (citation.prefix, citation.suffix)
    assert anchor.reviewed_at == citation.reviewed_at


def test_an_unreviewed_citation_s_place_is_not_marked_reviewed():
    citation = CitationFactory(claim=EventFactory(), quote=KEPT, reviewed=False)
    assert places(citation)[citation.version.number].reviewed_at is None


def test_a_new_version_keeps_the_old_places_and_records_the_new_ones():
    first = DocumentVersionFactory(number=1)
    kept = CitationFactory(claim=EventFactory(), version=first, quote=KEPT)
    moved = CitationFactory(claim=EventFactory(), version=first, quote=MOVED)
    import_and_publish(first.document, NEW_TEXT)
    kept, moved = Citation.objects.get(pk=kept.pk), Citation.objects.get(pk=moved.pk)
    assert kept.status == Citation.Status.VERIFIED and moved.status == Citation.Status.MOVED
    assert set(places(kept)) == set(places(moved)) == {1, 2}
    # Same words, same context: the review holds there too; a move waits for a reviewer.
    assert places(kept)[2].reviewed_at is not None
    assert places(moved)[2].reviewed_at is None
    assert places(moved)[1].reviewed_at is not None
    assert (places(moved)[2].start, places(moved)[2].prefix) == (moved.start, moved.prefix)


def test_a_re_quoted_citation_s_place_is_rewritten_without_its_review():
    citation = CitationFactory(claim=EventFactory(), quote=KEPT)
    citation.quote, citation.prefix, citation.suffix = "Partenariat pour la paix", "", ""
    citation.anchor()
    citation.save()
    (anchor,) = places(citation).values()
    assert (anchor.quote, anchor.start) == ("Partenariat pour la paix", citation.start)
    assert anchor.reviewed_at is None


def test_a_review_marks_the_place_reviewed(django_user_model):
    citation = CitationFactory(claim=EventFactory(), quote=KEPT, reviewed=False)
    reviewer = django_user_model.objects.create_superuser("reviewer", "r@example.org", "x")
    citation.review(reviewer)
    assert places(citation)[citation.version.number].reviewed_at == citation.reviewed_at


def test_the_migration_writes_each_citation_s_place_and_the_place_reviewed_before_a_move():
    first = DocumentVersionFactory(number=1)
    second = DocumentVersionFactory(
        document=first.document, number=2, text=NEW_TEXT, is_current=False
    )
    staying = CitationFactory(claim=EventFactory(), version=first, quote=KEPT)
    moved = CitationFactory(claim=EventFactory(), version=first, quote=MOVED)
    reviewed_place = (moved.start, moved.end)
    # Moved to the second version by a writer of before (no place kept), not reviewed there.
    moved_to = CitationFactory.build(claim=moved.claim, version=second, quote=MOVED)
    moved_to.anchor()
    Citation.objects.filter(pk=moved.pk).update(
        version=second, start=moved_to.start, end=moved_to.end, status=Citation.Status.MOVED
    )
    CitationAnchor.objects.all().delete()

    backfill.record_current_anchors(apps, None)

    assert set(places(staying)) == {1}
    assert places(staying)[1].reviewed_at is not None
    assert set(places(moved)) == {1, 2}
    assert places(moved)[2].reviewed_at is None
    before = places(moved)[1]
    assert (before.start, before.end) == reviewed_place
    assert before.quote == MOVED and before.reviewed_at is not None
    assert before.prefix == moved.prefix and before.suffix == moved.suffix


def test_a_refused_save_of_a_citation_leaves_its_place_and_the_caller_s_transaction_as_they_were():
    citation = CitationFactory(claim=EventFactory(), quote=KEPT)
    seen = citation.lock_version
    mine, theirs = (Citation.objects.get(pk=citation.pk) for _ in range(2))
    expect_version(mine, seen)
    mine.note = "first"
    mine.save()
    with transaction.atomic():
        expect_version(theirs, seen)
        theirs.quote, theirs.prefix, theirs.suffix = "Partenariat pour la paix", "", ""
        theirs.anchor()
        with pytest.raises(StaleRecord):
            theirs.save()
        (anchor,) = places(citation).values()  # the transaction still answers
    assert (anchor.quote, anchor.start) == (KEPT, citation.start)
