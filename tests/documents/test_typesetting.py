"""The text as published: offsets carried from the normalised text, blocks found."""

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from documents.anchoring import anchor_quote, normalise
from documents.seeding import SEED_DIR
from documents.typesetting import (
    all_pieces,
    blocks,
    offset_map,
    one_block_a_line,
    published_form,
    typeset,
)

PUBLISHED = (
    "Relations avec la Serbie\n\n"
    "  • Mis à jour le: 23 May. 2022 16:39\n\n"
    "La Serbie a adhéré au « Partenariat pour la paix » en 2006.\u00a0Elle coopère\n"
    "avec l’OTAN.\n\n\n"
    "Principaux domaines\n\n"
    "  • Premier point, qui se poursuit\n"
    "    sur une deuxième ligne ;\n"
    "  • second point.\n"
)


@dataclass
class Span:
    start: int
    end: int


def test_each_normalised_character_maps_to_the_published_character_it_comes_from():
    published = published_form(PUBLISHED)
    normalised = normalise(PUBLISHED)
    origins = offset_map(published, normalised)
    assert origins is not None
    assert len(origins) == len(normalised) + 1
    guillemet = normalised.index('"')
    assert published[origins[guillemet]] == "«"
    apostrophe = normalised.index("l'OTAN")
    assert published[origins[apostrophe] : origins[apostrophe] + 6] == "l’OTAN"
    for index, character in enumerate(normalised):
        if character.isalnum():
            assert published[origins[index]] == character


def test_a_text_that_is_not_the_source_of_the_normalised_one_has_no_map():
    assert offset_map(published_form(PUBLISHED), normalise(PUBLISHED) + " de plus") is None
    assert offset_map("autre chose", normalise(PUBLISHED)) is None


def test_decomposed_accents_soft_hyphens_and_carriage_returns_still_map():
    published = "Cafe\u0301 a\u00adb\r\nfin"
    normalised = normalise(published)
    origins = offset_map(published_form(published), normalised)
    assert origins is not None
    assert normalised == "Café ab\nfin"


@given(st.text(alphabet="ab «»’\u00a0\u00ad\n\t.-•", max_size=60))
def test_any_text_maps_onto_its_own_normalisation(text):
    published = published_form(text)
    normalised = normalise(text)
    origins = offset_map(published, normalised)
    assert origins is not None
    assert len(origins) == len(normalised) + 1
    assert origins == sorted(origins)


def test_blocks_are_headings_paragraphs_and_list_items_without_their_bullets():
    published = published_form(PUBLISHED)
    found = [(block.kind, published[block.start : block.end]) for block in blocks(published)]
    assert found == [
        ("heading", "Relations avec la Serbie"),
        ("item", "Mis à jour le: 23 May. 2022 16:39"),
        (
            "paragraph",
            "La Serbie a adhéré au « Partenariat pour la paix » en 2006.\u00a0Elle coopère\n"
            "avec l’OTAN.",
        ),
        ("heading", "Principaux domaines"),
        ("item", "Premier point, qui se poursuit\n    sur une deuxième ligne ;"),
        ("item", "second point."),
    ]


def test_a_sentence_on_a_line_of_its_own_is_not_a_heading():
    published = "Titre\n\nUne phrase entière sur une ligne.\n\nUne autre : suite\n"
    kinds = [block.kind for block in blocks(published)]
    assert kinds == ["heading", "paragraph", "paragraph"]


def test_a_citation_is_highlighted_on_the_published_text_across_lines_and_blocks():
    normalised = normalise(PUBLISHED)
    anchor = anchor_quote(normalised, '" Partenariat pour la paix " en 2006. Elle coopère avec')
    across = anchor_quote(normalised, "sur une deuxième ligne ; • second")
    citation, second = Span(anchor.start, anchor.end), Span(across.start, across.end)
    typeset_blocks = typeset(PUBLISHED, normalised, [citation, second])
    highlighted = [
        (block.kind, piece.text)
        for block in typeset_blocks
        for piece in all_pieces(block)
        if piece.citations
    ]
    assert highlighted == [
        ("paragraph", "« Partenariat pour la paix » en 2006.\u00a0Elle coopère\navec"),
        ("list", "sur une deuxième ligne ;"),
        ("list", "second"),
    ]
    anchored = [piece.anchors for block in typeset_blocks for piece in all_pieces(block)]
    assert sum(len(anchors) for anchors in anchored) == 2
    text = "".join(piece.text for block in typeset_blocks for piece in all_pieces(block))
    assert "•" not in text


def test_a_citation_of_a_bullet_alone_still_gets_its_anchor():
    normalised = normalise(PUBLISHED)
    bullet = normalised.index("•")
    typeset_blocks = typeset(PUBLISHED, normalised, [Span(bullet, bullet + 1)])
    assert sum(len(piece.anchors) for block in typeset_blocks for piece in all_pieces(block)) == 1


def test_every_seed_document_is_shown_as_published():
    for path in sorted((SEED_DIR / "texts").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        typeset_blocks = typeset(raw, normalise(raw), [])
        assert typeset_blocks is not None, path.name
        kinds = {block.kind for block in typeset_blocks}
        assert {"heading", "paragraph"} <= kinds, path.name
        shown = "".join(piece.text for block in typeset_blocks for piece in all_pieces(block))
        for mark in "’«»":
            assert (mark in shown) == (mark in raw), (path.name, mark)


def test_a_page_extracted_a_block_a_line_keeps_its_normalisation_and_its_blocks():
    extracted = "Titre\nUne phrase du texte.\n- un point ;\n- un autre."
    published = one_block_a_line(extracted)
    assert normalise(published) == normalise(extracted)
    assert [block.kind for block in blocks(published)] == ["heading", "paragraph", "item", "item"]
