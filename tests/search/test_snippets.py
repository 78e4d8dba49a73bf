from search.snippets import (
    FRAGMENTS,
    LESS_THAN,
    START,
    STOP,
    clean,
    from_headline,
    from_markers,
    highlight,
)
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


def test_what_stood_for_less_than_signs_becomes_escaped_less_than_signs():
    headline = f"{LESS_THAN}b>\ue000OTAN\ue001{LESS_THAN}/b> a {LESS_THAN} b"
    assert from_markers(headline) == "&lt;b&gt;<mark>OTAN</mark>&lt;/b&gt; a &lt; b"


def test_indexed_text_holds_nothing_that_stands_for_a_less_than_sign():
    assert clean(f"a {LESS_THAN}b> \ue000c\ue001") == "a b> c"


def test_a_headline_gives_back_the_punctuation_left_off_at_the_ends_of_the_text():
    body = "« Allies <welcomed> the reform. »"
    headline = f"Allies {LESS_THAN}welcomed> the {START}reform{STOP}"
    assert from_headline(headline, body) == ("« Allies &lt;welcomed&gt; the <mark>reform</mark>. »")


def test_a_headline_cutting_the_text_shows_where_with_ellipses():
    body = "one two three. four reform five. six seven reform eight nine"
    headline = f"two three. four {START}reform{STOP}{FRAGMENTS}seven {START}reform{STOP} eight"
    assert from_headline(headline, body) == (
        "…two three. four <mark>reform</mark> … seven <mark>reform</mark> eight…"
    )


def test_a_headline_that_is_not_a_piece_of_the_text_is_still_escaped():
    assert from_headline(f"<i>{START}a{STOP}", "b") == "&lt;i&gt;<mark>a</mark>"
