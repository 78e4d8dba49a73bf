"""What a search finds: the same tests run on SQLite and on PostgreSQL."""

import pytest
from django.utils.html import escape

from documents.models import Citation, DocumentVersion
from search.selectors import search_page
from tests.factories import CitationFactory, PartnerFactory
from tests.search.conftest import ENGLISH_TEXT, cite

pytestmark = pytest.mark.django_db


def found(text, kind="partner", language="fr"):
    """Slugs of the records of ``kind`` found, or ``(document slug, passage)`` of passages."""
    page = search_page(text, language)
    results = [r for group in page.groups if group.kind == kind for r in group.results]
    if kind == "passage":
        return [(r.entry.document.slug, r.entry.body) for r in results]
    return [r.record.slug for r in results]


@pytest.mark.parametrize("text", ["biélorussie", "Bielorussie", "BIÉLORUSSIE", "Belarus"])
def test_a_partner_is_found_whatever_the_accents_case_and_language(corpus, text):
    assert found(text) == ["belarus"]


def test_passages_are_found_whatever_the_accents(corpus):
    assert found("BELARUS", "passage") == found("bélarus", "passage") != []


def test_a_french_plural_finds_the_singular(corpus):
    assert "pfp" in found("partenariats", "programme")


def test_an_english_plural_finds_the_singular_in_english_text(corpus):
    assert ("nato-belarus-en", "Belarus joined the Partnership for Peace in 1995.") in found(
        "partnerships", "passage"
    )


def test_an_acronym_finds_its_programme(corpus):
    assert found("PPP", "programme") == found("PfP", "programme") == ["pfp"]


def test_an_acronym_finds_passages_that_only_spell_the_name_out(corpus):
    assert ("nato-belarus-en", "Belarus joined the Partnership for Peace in 1995.") in found(
        "PPP", "passage"
    )


def test_an_acronym_and_its_translation_find_the_same_partner_and_passages(corpus):
    assert found("OTAN") == found("NATO") == ["nato"]
    assert found("OTAN", "passage") == found("NATO", "passage")
    assert len(found("NATO", "passage")) == 2  # "OTAN" in French, "NATO" in English


def test_an_alias_finds_its_partner(corpus):
    assert found("Biélorussie") == ["belarus"]


def test_two_words_must_both_match(corpus):
    assert found("mines antipersonnel", "passage") == [
        (
            "nato-belarus",
            "Le projet de fonds d'affectation spéciale a permis de détruire des mines "
            "antipersonnel.",
        )
    ]
    assert found("mines Minsk", "passage") == []


def test_the_start_of_a_word_finds_the_word(corpus):
    assert found("Biélo") == ["belarus"]


def passages(text, language="fr"):
    page = search_page(text, language)
    return [result for group in page.groups for result in group.results if group.kind == "passage"]


def test_a_passage_lists_the_public_claims_it_supports_and_links_to_them(corpus):
    [passage] = [
        r
        for r in passages("Partnership for Peace", "en")
        if r.entry.document.slug == "nato-belarus-en"
    ]
    citation = Citation.objects.get(object_id=corpus.pfp.pk, version=corpus.english)
    assert passage.claims == [corpus.pfp]
    assert (
        passage.url
        == f"/en/documents/nato-belarus-en/versions/{corpus.english.number}/#{citation.anchor_id}"
    )


def test_a_passage_no_citation_covers_links_to_its_words(corpus):
    [passage] = passages("antipersonnel")
    assert passage.claims == []
    assert passage.url.endswith(
        "/#:~:text=Le%20projet%20de%20fonds%20d%27affectation%20sp%C3%A9ciale%20a%20permis"
    )


def test_snippets_mark_the_matching_words(corpus):
    [result] = [r for g in search_page("antipersonnel", "fr").groups for r in g.results]
    assert "<mark>antipersonnel</mark>" in result.snippet


def test_records_come_before_passages(corpus):
    kinds = [group.kind for group in search_page("Bélarus", "fr").groups]
    assert kinds.index("partner") < kinds.index("passage")


def test_records_are_ranked_by_relevance_whatever_their_kind(corpus):
    # A partner whose description names the programme ranks below the programme itself.
    canada = PartnerFactory(
        slug="canada",
        name_fr="Canada",
        name_en="Canada",
        description_fr="Membre fondateur ; soutient le Partenariat pour la paix (PPP).",
        description_en="A founding member; supports the Partnership for Peace (PfP).",
    )
    cite(canada, corpus.french, "Les Alliés de l'OTAN entretiennent un dialogue régulier")
    page = search_page("PPP", "fr")
    assert page.groups[0].kind == "programme"
    assert page.groups[0].results[0].record == corpus.pfp
    partners = next(group for group in page.groups if group.kind == "partner")
    assert canada in [result.record for result in partners.results]


def test_a_record_matching_in_both_languages_is_one_result(corpus):
    assert search_page("Belarus", "fr").groups[0].results[0].record == corpus.belarus
    assert found("Belarus").count("belarus") == 1


def test_a_record_found_by_its_words_in_one_language_shows_its_text_in_the_readers(corpus):
    canada = PartnerFactory(
        slug="canada",
        name_fr="Canada",
        name_en="Canada",
        description_fr="Membre fondateur ; soutient le déminage humanitaire.",
        description_en="A founding member; supports humanitarian mine clearance.",
    )
    cite(canada, corpus.french, "Les Alliés de l'OTAN entretiennent un dialogue régulier")
    for text, language in (("déminage", "en"), ("clearance", "fr")):
        [result] = [
            r for g in search_page(text, language).groups if g.kind == "partner" for r in g.results
        ]
        assert result.record == canada
        assert result.entry.language == language
        expected = canada.description_en if language == "en" else canada.description_fr
        assert result.snippet.replace("<mark>", "").replace("</mark>", "") == escape(expected)


def test_a_query_without_words_finds_nothing(corpus):
    page = search_page("&|!:*()", "fr")
    assert page.groups == [] and page.total == 0


@pytest.mark.parametrize("text", ['"', "'", "&|!:*()", "\x00", 'PPP" OR 1=1 --', "a:* & !b", "«»"])
def test_hostile_input_is_answered(corpus, text):
    assert search_page(text, "fr").total >= 0


def test_a_word_found_nowhere_finds_nothing(corpus):
    assert search_page("zanzibar", "fr").total == 0


# Only what the public sees -----------------------------------------------------------


def test_a_partner_no_citation_supports_is_not_found(corpus):
    PartnerFactory(slug="hidden", name_fr="Zanzibar")
    assert found("Zanzibar") == []


def test_a_partner_is_found_once_a_citation_supports_it(corpus):
    partner = PartnerFactory(slug="later", name_fr="Zanzibar")
    CitationFactory(claim=partner, version=corpus.french, quote="marque le début")
    assert found("Zanzibar") == ["later"]


def test_a_partner_whose_last_citation_is_orphaned_is_no_longer_found(corpus):
    citation = Citation.objects.get(object_id=corpus.belarus.pk, version=corpus.french)
    citation.status = Citation.Status.ORPHANED
    citation.save()
    assert found("Bélarus") == []


def test_a_renamed_partner_is_found_by_its_new_name(corpus):
    corpus.belarus.aliases.create(name="Weißrussland", language="de")
    assert found("Weissrussland") == ["belarus"]


def test_a_new_current_version_replaces_the_passages_of_the_previous_one(corpus):
    corpus.english.is_current = False
    corpus.english.save()
    DocumentVersion.objects.create(
        document=corpus.english.document,
        number=corpus.english.number + 1,
        text=ENGLISH_TEXT.replace("regular dialogue", "steady exchange"),
        is_current=True,
        status=DocumentVersion.Status.PUBLISHED,
    )
    assert found("steady exchange", "passage") != []
    assert found("regular dialogue", "passage") == []


TAG_LIKE = [
    "Allies welcomed the <b>reform</b> of the army.",
    "Allies welcomed the reform: a < b > c, x<y and z>w.",
    'Allies welcomed the reform <x y="1"> </i> <!-- note --> & &amp; co.',
]


@pytest.mark.parametrize("quote", TAG_LIKE)
def test_a_snippet_keeps_text_that_looks_like_tags_escaped(corpus, quote):
    corpus.english.is_current = False
    corpus.english.save()
    DocumentVersion.objects.create(
        document=corpus.english.document,
        number=corpus.english.number + 1,
        text=quote,
        is_current=True,
        status=DocumentVersion.Status.PUBLISHED,
    )
    [passage] = passages("reform", "en")
    assert passage.snippet == escape(quote).replace("reform", "<mark>reform</mark>")


def test_the_loaded_seed_corpus_is_searchable(seeded):
    assert "belarus" in found("Biélorussie")
    assert "pfp" in found("PfP", "programme")
    assert any(slug == "nato-relations-belarus" for slug, _text in found("PPP", "passage"))
