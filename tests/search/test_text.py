from search.passages import passage_spans
from search.text import fold, terms, tokens


def test_folding_drops_accents_and_case():
    assert fold("BIÉLORUSSIE") == fold("Biélorussie") == fold("bielorussie") == "bielorussie"


def test_folding_spells_ligatures_out():
    assert fold("Œuvre cæcum") == "oeuvre caecum"


def test_french_plurals_share_the_stem_of_the_singular():
    assert terms("partenariats", "fr") == terms("Partenariat", "fr")


def test_english_plurals_share_the_stem_of_the_singular():
    assert terms("partnerships", "en") == terms("Partnership", "en")


def test_operators_and_quotes_are_separators():
    assert terms('"PPP" & (OTAN | !NATO):*', "fr") == ["ppp", "otan", "nato"]


def test_tokens_keep_the_offsets_of_the_displayed_text():
    text = "L'Œuvre du Bélarus"
    assert [text[t.start : t.end] for t in tokens(text, "fr")] == ["L", "Œuvre", "du", "Bélarus"]


def test_passages_are_the_paragraphs_of_a_text():
    text = "Titre\n\nPremier paragraphe.\n  Second.  "
    assert [text[start:end] for start, end in passage_spans(text)] == [
        "Titre",
        "Premier paragraphe.",
        "Second.",
    ]


def test_a_long_paragraph_is_cut_between_sentences():
    text = "Une phrase assez longue. " * 10
    spans = passage_spans(text.strip(), max_length=60)
    assert all(end - start <= 60 for start, end in spans)
    assert all(text[start:end].endswith(".") for start, end in spans)
