"""Date expressions read in sentences, French and English, at their precision."""

import datetime

import pytest

from periods.expressions import find_dates


@pytest.mark.parametrize(
    ("sentence", "date", "end", "relation"),
    [
        ("La Serbie a adhéré au PPP en 2006.", "2006", "", "at"),
        ("Les relations ont débuté depuis 1992.", "1992", "", "since"),
        ("Le bureau a été établi en décembre 2006.", "2006-12", "", "at"),
        ("Le 7 juin 2019, une formation était clôturée.", "2019-06-07", "", "at"),
        ("The office was established in December 2006.", "2006-12", "", "at"),
        ("A workshop was held on 1–2 October 2014 in Brussels.", "2014-10-01", "2014-10-02", "at"),
        ("Serbia has taken part since 2012.", "2012", "", "since"),
        ("It was signed on June 7, 2019.", "2019-06-07", "", "at"),
        ("De janvier 1998 à mars 1999, une mission a eu lieu.", "1998-01", "1999-03", "at"),
        ("Un projet achevé en 2011 a aidé six mille personnes.", "2011", "", "ended"),
        ("Le plan couvre la période 2017-2020.", "2017", "2020", "at"),
    ],
)
def test_dates_are_read_at_their_precision_in_french_and_english(sentence, date, end, relation):
    (found,) = find_dates(sentence)
    assert (found.isoformat(), found.end_isoformat(), found.relation) == (date, end, relation)


def test_a_date_relative_to_the_document_is_dated_from_its_stated_update():
    reference = datetime.date(2014, 10, 20)
    (workshop,) = find_dates(
        "Un atelier a réuni, les 1er et 2 octobre derniers, vingt agents.", reference
    )
    assert (workshop.isoformat(), workshop.end_isoformat()) == ("2014-10-01", "2014-10-02")
    (summit,) = find_dates("Elle a été réaffirmée en septembre dernier au sommet.", reference)
    assert summit.isoformat() == "2014-09"


def test_deadlines_and_decades_are_not_dates_of_facts():
    assert find_dates("Les objectifs sont à atteindre d'ici 2024, by 2030.") == []
    assert find_dates("Depuis le début des années 90 et the 1990s.") == []
