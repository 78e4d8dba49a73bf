import pytest

from search.query import MAX_LENGTH, Expansions, QueryTooLong, parse

NAMES = Expansions(
    [
        ["Partenariat pour la paix", "Partnership for Peace", "PPP", "PfP"],
        ["OTAN", "NATO", "Organisation du Traité de l'Atlantique Nord"],
    ]
)


def phrases(query):
    return [clause.phrase for clause in query.clauses]


def test_words_are_clauses_that_must_all_match():
    assert phrases(parse("Mines antipersonnel")) == ["mines", "antipersonnel"]


def test_quoted_words_are_one_phrase():
    assert phrases(parse("« fonds spécial » Serbie")) == ["fonds special", "serbie"]


@pytest.mark.parametrize("text", ["", "   ", "\"&|!:*()'", "\x00", "''", '""'])
def test_input_without_words_is_an_empty_query(text):
    assert not parse(text)


def test_nul_bytes_are_dropped():
    assert phrases(parse("Bélarus\x00")) == ["belarus"]


def test_input_longer_than_the_maximum_is_refused():
    with pytest.raises(QueryTooLong):
        parse("a" * (MAX_LENGTH + 1))


def test_input_of_the_maximum_length_is_read():
    assert parse("a " * (MAX_LENGTH // 2))


def test_an_acronym_stands_for_every_name_of_its_record():
    [clause] = parse("PPP", NAMES).clauses
    assert set(clause.phrases) == {
        "ppp",
        "pfp",
        "partenariat pour la paix",
        "partnership for peace",
    }


def test_an_acronym_and_its_translation_expand_alike():
    assert set(parse("OTAN", NAMES).clauses[0].phrases) == set(
        parse("nato", NAMES).clauses[0].phrases
    )


def test_a_full_name_typed_without_quotes_is_one_name():
    [clause] = parse("partnership for peace", NAMES).clauses
    assert "ppp" in clause.phrases


def test_the_last_word_may_be_the_start_of_a_longer_word():
    query = parse("destruction biélo")
    assert [clause.prefix for clause in query.clauses] == [False, True]


def test_a_short_last_word_or_a_known_name_is_not_a_prefix():
    assert not parse("mine ppp", NAMES).clauses[-1].prefix
    assert not parse("la", NAMES).clauses[-1].prefix
