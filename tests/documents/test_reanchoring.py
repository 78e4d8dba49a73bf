"""Re-anchoring citations on a new version: the plain rules (documents/reanchoring.py) and
the import that applies them (documents/importing.py)."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from documents.anchoring import anchor_quote, matching_view, normalise
from documents.importing import import_document
from documents.models import Citation
from documents.reanchoring import (
    CHANGED,
    MOVED,
    ORPHANED,
    SUGGESTION_THRESHOLD,
    VERIFIED,
    CitedPassage,
    reanchor,
    reanchor_all,
)
from documents.sources import RawSource
from tests.factories import CitationFactory, DocumentVersionFactory, PartnerFactory

OLD = normalise(
    "Relations avec la Serbie\n"
    "La coopération et le dialogue se sont développés de manière régulière depuis 2006, "
    "année où la Serbie a adhéré au Partenariat pour la paix (PPP).\n"
    "Le Bureau de liaison militaire de l'OTAN à Belgrade, établi en décembre 2006, "
    "apporte son soutien aux réformes du secteur de la défense.\n"
    "La Serbie participe au processus de planification et d'examen du PPP depuis 2007. "
    "Elle coopère aussi avec l'OTAN au titre du programme pour la science au service de la "
    "paix et de la sécurité."
)
PPP = "la Serbie a adhéré au Partenariat pour la paix (PPP)"
BUREAU = "Le Bureau de liaison militaire de l'OTAN à Belgrade"
PARP = "La Serbie participe au processus de planification et d'examen du PPP depuis 2007."


def cited(text, quote, prefix="", suffix=""):
    anchor = anchor_quote(text, quote, prefix, suffix)
    return CitedPassage(anchor.quote, anchor.start, anchor.end, anchor.prefix, anchor.suffix)


def paragraphs(text):
    return text.split("\n")


# The rules, without Django -------------------------------------------------------------


def test_an_unchanged_text_leaves_a_citation_verified_in_place():
    passage = cited(OLD, PPP)
    result = reanchor(OLD, OLD, passage)
    assert result.status == VERIFIED
    assert (result.anchor.start, result.anchor.end) == (passage.start, passage.end)


def test_a_quote_pushed_down_by_new_text_far_away_is_verified_with_new_offsets():
    new = OLD.replace(
        "Relations avec la Serbie\n", "Relations avec la Serbie\nUn paragraphe neuf.\n"
    )
    passage = cited(OLD, BUREAU)
    result = reanchor(OLD, new, passage)
    assert result.status == VERIFIED
    assert result.anchor.start == passage.start + len("Un paragraphe neuf.\n")
    assert matching_view(new)[result.anchor.start : result.anchor.end] == BUREAU


def test_a_quote_whose_context_changed_is_moved_with_its_new_context():
    new = OLD.replace("année où la Serbie", "l'année où la Serbie")
    result = reanchor(OLD, new, cited(OLD, PPP))
    assert result.status == MOVED
    assert result.anchor.prefix.endswith("l'année où ")
    assert matching_view(new)[result.anchor.start : result.anchor.end] == PPP


def test_a_quote_in_a_paragraph_moved_elsewhere_is_moved():
    first, ppp, bureau, parp = paragraphs(OLD)
    new = "\n".join([first, bureau, parp, ppp])
    result = reanchor(OLD, new, cited(OLD, PPP))
    assert result.status == MOVED
    assert matching_view(new)[result.anchor.start : result.anchor.end] == PPP


def test_a_quote_whose_paragraph_was_deleted_is_orphaned_with_no_suggestion():
    first, ppp, bureau, parp = paragraphs(OLD)
    new = "\n".join([first, ppp, parp])
    result = reanchor(OLD, new, cited(OLD, BUREAU))
    assert result.status == ORPHANED
    assert result.anchor is None
    assert result.suggestion is None


def test_a_reworded_quote_is_orphaned_and_its_new_wording_only_suggested():
    reworded = "La Serbie prend part au processus de planification et d'examen du PPP depuis 2007."
    new = OLD.replace(PARP, reworded)
    result = reanchor(OLD, new, cited(OLD, PARP))
    assert result.status == ORPHANED
    assert result.anchor is None  # never applied
    suggestion = result.suggestion
    assert suggestion.quote == reworded
    assert matching_view(new)[suggestion.start : suggestion.end] == reworded
    assert SUGGESTION_THRESHOLD <= suggestion.score < 1


def test_a_reworded_quote_in_a_moved_paragraph_is_still_suggested():
    first, ppp, bureau, parp = paragraphs(OLD)
    reworded = bureau.replace("apporte son soutien", "soutient")
    new = "\n".join([first, ppp, parp, reworded])
    quote = "établi en décembre 2006, apporte son soutien aux réformes"
    result = reanchor(OLD, new, cited(OLD, quote))
    assert result.status == ORPHANED
    assert result.suggestion.quote == "établi en décembre 2006, soutient aux réformes"


def test_a_text_too_different_is_not_suggested():
    new = OLD.replace(PARP, "Les échanges se poursuivent.")
    result = reanchor(OLD, new, cited(OLD, PARP))
    assert result.status == ORPHANED
    assert result.suggestion is None


def test_a_sentence_duplicated_elsewhere_keeps_the_citation_verified_at_its_place():
    new = OLD + "\n" + PARP
    passage = cited(OLD, PARP)
    result = reanchor(OLD, new, passage)
    assert result.status == VERIFIED
    assert result.anchor.start == passage.start
    assert result.occurrences == 2


def test_a_quote_moved_and_duplicated_where_context_cannot_decide_is_changed():
    first, ppp, bureau, parp = paragraphs(OLD)
    new = "\n".join([first, bureau, "Rappel : " + PPP + ".", "Enfin, " + PPP + " en 2006."])
    result = reanchor(OLD, new, cited(OLD, PPP))
    assert result.status == CHANGED
    assert result.anchor is None
    assert result.occurrences == 2
    # The occurrence whose context is closest is offered, not applied.
    assert result.suggestion.quote == PPP


def test_context_picks_one_of_several_occurrences_of_a_quote_that_moved():
    first, ppp, bureau, parp = paragraphs(OLD)
    new = "\n".join([first, bureau, parp, ppp, "Rappel : " + PPP + "."])
    passage = cited(OLD, PPP)
    result = reanchor(OLD, new, passage)
    assert result.status == MOVED
    # The text before it is the same; the occurrence after "Rappel : " has another.
    assert result.anchor.prefix == passage.prefix
    assert not result.anchor.prefix.endswith("Rappel : ")


# Property: re-anchoring against the same text changes nothing ------------------------

words = st.sampled_from(["la", "Serbie", "OTAN", "paix", "2006", "PPP", "de", "et", "(PPP)"])
sentences = st.lists(words, min_size=1, max_size=8).map(lambda ws: " ".join(ws) + ".")
texts = st.lists(sentences, min_size=1, max_size=12).map(lambda ss: normalise("\n".join(ss)))


@settings(max_examples=60, deadline=None)
@given(texts, st.data())
def test_reanchoring_an_unchanged_text_verifies_every_citation_at_its_offsets(text, data):
    view = matching_view(text)
    passages = []
    for _ in range(data.draw(st.integers(1, 5))):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, min(len(text), start + 40)))
        quote = view[start:end]
        assume(quote.strip() == quote)
        prefix, suffix = view[max(0, start - 40) : start], view[end : end + 40]
        passages.append(CitedPassage(quote, start, end, prefix, suffix))
    for passage, result in zip(passages, reanchor_all(text, text, passages), strict=True):
        assert result.status == VERIFIED
        assert (result.anchor.start, result.anchor.end) == (passage.start, passage.end)


@settings(max_examples=60, deadline=None)
@given(texts, texts, st.data())
def test_a_citation_is_placed_only_where_the_new_text_holds_its_quote_exactly(old, new, data):
    view = matching_view(old)
    start = data.draw(st.integers(0, len(old) - 1))
    end = data.draw(st.integers(start + 1, min(len(old), start + 30)))
    quote = view[start:end]
    assume(quote.strip() == quote)
    passage = CitedPassage(
        quote, start, end, view[max(0, start - 40) : start], view[end : end + 40]
    )
    result = reanchor(old, new, passage)
    if result.status in (VERIFIED, MOVED):
        assert matching_view(new)[result.anchor.start : result.anchor.end] == quote
    else:
        assert result.anchor is None
        assert (result.status == ORPHANED) == (quote not in matching_view(new))


# Applied on import ---------------------------------------------------------------------


def new_version(version, text):
    return import_document(
        RawSource(content=text, is_html=False, origin="test.txt"),
        document=version.document,
        publish=True,
    )


@pytest.fixture
def version(db):
    return DocumentVersionFactory(text=OLD, is_current=True)


@pytest.mark.django_db
def test_a_new_version_becomes_current_and_carries_verified_citations_over(version):
    citation = CitationFactory(version=version, quote=BUREAU)
    result = new_version(version, "Introduction.\n" + OLD)
    citation.refresh_from_db()
    version.refresh_from_db()
    assert not version.is_current
    assert result.version.is_current and result.version.number == version.number + 1
    assert citation.version == result.version
    assert citation.status == Citation.Status.VERIFIED
    assert result.version.text[citation.start : citation.end] == BUREAU
    assert result.outcomes == {"verified": 1}


@pytest.mark.django_db
def test_a_moved_citation_keeps_the_context_it_had_before_its_move(version):
    citation = CitationFactory(version=version, quote=PPP)
    old_prefix = citation.prefix
    new_version(version, OLD.replace("année où la Serbie", "l'année où la Serbie"))
    citation.refresh_from_db()
    assert citation.status == Citation.Status.MOVED
    assert citation.is_supporting
    assert citation.previous_version == version
    assert citation.previous_prefix == old_prefix
    assert citation.prefix != old_prefix


@pytest.mark.django_db
def test_a_moved_citation_stays_moved_until_a_curator_confirms_it(version):
    citation = CitationFactory(version=version, quote=PPP)
    second = new_version(version, OLD.replace("année où la Serbie", "l'année où la Serbie"))
    new_version(second.version, second.version.text + "\nUn ajout.")
    citation.refresh_from_db()
    assert citation.status == Citation.Status.MOVED
    assert citation.previous_version == version


@pytest.mark.django_db
def test_an_orphaned_citation_stays_on_its_version_with_a_suggestion_not_applied(version):
    citation = CitationFactory(version=version, quote=PARP)
    reworded = "La Serbie prend part au processus de planification et d'examen du PPP depuis 2007."
    result = new_version(version, OLD.replace(PARP, reworded))
    citation.refresh_from_db()
    assert citation.status == Citation.Status.ORPHANED
    assert not citation.is_supporting
    assert (citation.version, citation.quote) == (version, PARP)
    assert citation.suggested_version == result.version
    assert citation.suggested_quote == reworded
    assert result.suggestions == 1


@pytest.mark.django_db
def test_an_orphaned_citation_is_checked_again_when_the_next_version_restores_its_quote(
    version,
):
    citation = CitationFactory(version=version, quote=PARP)
    second = new_version(version, OLD.replace(PARP, "Un autre texte, sans rapport."))
    citation.refresh_from_db()
    assert citation.status == Citation.Status.ORPHANED
    third = new_version(second.version, OLD + "\nUne phrase de plus.")
    citation.refresh_from_db()
    assert citation.status == Citation.Status.VERIFIED
    assert citation.version == third.version
    assert not citation.has_suggestion


@pytest.mark.django_db
def test_a_retired_citation_is_not_checked_again(version):
    citation = CitationFactory(version=version, quote=PARP)
    citation.retire()
    new_version(version, OLD + "\nUne phrase de plus.")
    citation.refresh_from_db()
    assert citation.status == Citation.Status.RETIRED
    assert citation.version == version


@pytest.mark.django_db
def test_two_citations_of_a_claim_landing_on_one_passage_are_left_to_a_curator(version):
    claim = PartnerFactory()
    text = OLD + "\n" + PARP
    twice = DocumentVersionFactory(text=text, document=version.document, is_current=False)
    first = CitationFactory(version=twice, claim=claim, quote=PARP, prefix="de la défense.")
    second = Citation(claim=claim, version=twice, quote=PARP, prefix="de la sécurité.")
    second.anchor()
    second.save()
    version.is_current = False
    version.save()
    twice.is_current = True
    twice.save()
    new_version(twice, OLD + "\nFin.")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Citation.Status.VERIFIED
    assert second.status == Citation.Status.CHANGED
    assert second.version == twice  # left where it was, for a curator to retire


@pytest.mark.django_db
def test_a_reanchored_citation_never_changes_without_an_exact_match(version):
    citation = CitationFactory(version=version, quote=PARP)
    new_version(version, OLD.replace("depuis 2007", "depuis 2008"))
    citation.refresh_from_db()
    assert citation.status == Citation.Status.ORPHANED
    assert version.text[citation.start : citation.end] == PARP
    with pytest.raises(ValidationError):
        citation.confirm_place()


# A modified copy of a seed document ----------------------------------------------------

REWORDED_FROM = "L'adhésion du Bélarus au Partenariat pour la paix (PPP) en 1995 marque"
REWORDED_TO = "En 1995, l'adhésion du Bélarus au PPP a marqué"
REWORDED_SENTENCE = REWORDED_TO + " le début de la coopération bilatérale."
MOVED_START = "• Des débats sont organisés"
REMOVED_START = "• Les pays de l'OTAN ont exprimé leur préoccupation"


def modified_belarus(text):
    """One sentence reworded, one paragraph moved to the end, one paragraph removed; and
    the stretches of the old text each change touches."""
    lines = text.split("\n")
    moved = next(line for line in lines if line.startswith(MOVED_START))
    removed = next(line for line in lines if line.startswith(REMOVED_START))
    reworded = text.index(REWORDED_FROM)
    edits = [
        (reworded, reworded + len(REWORDED_FROM)),
        (text.index(moved), text.index(moved) + len(moved) + 1),
        (text.index(removed), text.index(removed) + len(removed) + 1),
    ]
    lines = [line for line in lines if line not in (moved, removed)] + [moved]
    new = "\n".join(lines).replace(REWORDED_FROM, REWORDED_TO)
    return new, edits, (text.index(moved), text.index(moved) + len(moved)), len(text)


def expected_status(citation, edits, moved_span, insertion):
    """What DESIGN §4.3 says, worked out from where the changes are — not by the code
    under test: a quote touched by an edit is gone unless it is the moved paragraph; a
    quote whose 40 characters of context on either side are touched has moved."""
    start, end = citation.start, citation.end
    if moved_span[0] <= start and end <= moved_span[1]:
        return Citation.Status.MOVED
    if any(a < end and b > start for a, b in edits):
        return Citation.Status.ORPHANED
    context_touched = any(a < end + 40 and b > start - 40 for a, b in edits)
    if context_touched or start - 40 < insertion < end + 40:
        return Citation.Status.MOVED
    return Citation.Status.VERIFIED


@pytest.mark.django_db
def test_a_modified_copy_of_a_seed_document_gives_exactly_the_expected_statuses(seeded):
    from documents.models import SourceDocument

    document = SourceDocument.objects.get(slug="nato-relations-belarus")
    old = document.current_version
    new_text, edits, moved_span, insertion = modified_belarus(old.text)
    citations = list(Citation.objects.filter(version=old))
    expected = {c.pk: expected_status(c, edits, moved_span, insertion) for c in citations}

    result = import_document(
        RawSource(content=new_text, is_html=False, origin="belarus.txt"),
        document=document,
        publish=True,
    )

    after = {c.pk: c for c in Citation.objects.filter(pk__in=expected)}
    assert {pk: c.status for pk, c in after.items()} == expected
    # As measured on the seed corpus (75 citations of this document).
    assert result.outcomes == {"verified": 58, "moved": 9, "orphaned": 8}
    for citation in after.values():
        if citation.is_supporting:
            assert citation.version == result.version
            assert new_text[citation.start : citation.end].replace("\n", " ") == citation.quote
        elif citation.quote.startswith(REWORDED_FROM):
            assert citation.suggested_quote == REWORDED_SENTENCE
        else:  # in the removed paragraph: nothing near enough to suggest
            removed = edits[2]
            assert removed[0] <= citation.start and citation.end <= removed[1]
            assert not citation.has_suggestion
