"""The synthetic source documents (synthetic/prose.py) of the search benchmark."""

from synthetic.prose import generate


def test_the_generator_is_deterministic_for_a_seed():
    assert list(generate(3, seed=4)) == list(generate(3, seed=4))
    assert list(generate(3, seed=4)) != list(generate(3, seed=5))


def test_generated_documents_have_the_asked_length_and_languages():
    documents = list(generate(4, min_chars=2000, max_chars=3000))
    assert [d.language for d in documents] == ["fr", "en", "fr", "en"]
    assert all(2000 <= len(d.text) <= 3000 + 1200 for d in documents)
    assert all("\n" in d.text and "  " not in d.text for d in documents)
