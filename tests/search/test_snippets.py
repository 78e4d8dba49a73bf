from search.snippets import from_markers, highlight
from search.text import terms


def stems(*phrases, language="fr"):
    return {tuple(terms(phrase, language)) for phrase in phrases}


def test_matching_words_are_marked_whatever_their_accents():
    snippet = highlight("Le BÉLARUS et le Bélarus", stems("belarus"), "fr")
    assert snippet == "Le <mark>BÉLARUS</mark> et le <mark>Bélarus</mark>"


def test_words_of_a_phrase_are_marked_only_where_the_phrase_occurs():
    snippet = highlight("pour la paix, pour la forme", stems("pour la paix"), "fr")
    assert snippet == "<mark>pour</mark> <mark>la</mark> <mark>paix</mark>, pour la forme"


def test_the_text_is_escaped_before_it_is_marked():
    snippet = highlight("<b>PPP</b> & co", stems("ppp"), "fr")
    assert snippet == "&lt;b&gt;<mark>PPP</mark>&lt;/b&gt; &amp; co"


def test_a_long_text_is_cut_around_the_first_match():
    text = " ".join(["mot"] * 50 + ["Bélarus"] + ["mot"] * 50)
    snippet = highlight(text, stems("belarus"), "fr", words=12)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>Bélarus</mark>" in snippet


def test_a_prefix_marks_the_words_it_starts():
    assert highlight("la Biélorussie", {("bielo*",)}, "fr") == "la <mark>Biélorussie</mark>"


def test_headline_markers_become_marks_and_the_rest_is_escaped():
    assert from_markers("<i>\ue000OTAN\ue001</i>") == "&lt;i&gt;<mark>OTAN</mark>&lt;/i&gt;"
