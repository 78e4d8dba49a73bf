"""Dates at their precision and figures, as the documents of synthetic records write them
("en décembre 2006", "on 7 June 2019", "28 000"), and random ones. Plain Python, no Django."""

import random
from datetime import date

from synthetic.phrasebook import MONTHS
from synthetic.records.shape import DAY, MONTH, YEAR


def date_phrase(day: date, precision: str, language: str, form: str = "at") -> str:
    """ "en 2006", "en décembre 2006", "le 7 juin 2019"; "in December 2006"…; ``since``,
    ``until`` and ``bare`` forms too."""
    if precision == YEAR:
        bare = str(day.year)
    else:
        month = MONTHS[language][day.month - 1]
        bare = f"{month} {day.year}"
        if precision == DAY:
            number = "1er" if language == "fr" and day.day == 1 else str(day.day)
            bare = f"{number} {bare}"
    if form == "bare":
        return bare
    if language == "fr":
        if precision == DAY:
            return {"at": "le", "since": "depuis le", "until": "jusqu'au"}[form] + f" {bare}"
        return {"at": "en", "since": "depuis", "until": "jusqu'en"}[form] + f" {bare}"
    if precision == DAY:
        return {"at": "on", "since": "since", "until": "until"}[form] + f" {bare}"
    return {"at": "in", "since": "since", "until": "until"}[form] + f" {bare}"


def phrase(day: date, precision: str, form: str = "at") -> tuple[str, str]:
    return date_phrase(day, precision, "fr", form), date_phrase(day, precision, "en", form)


def span_phrase(start: date, end: date) -> tuple[str, str]:
    """Two days of one month: "du 1er au 2 octobre 2014", "from 1 to 2 October 2014"."""
    first = "1er" if start.day == 1 else str(start.day)
    fr_month, en_month = MONTHS["fr"][end.month - 1], MONTHS["en"][end.month - 1]
    return (
        f"du {first} au {end.day} {fr_month} {end.year}",
        f"from {start.day} to {end.day} {en_month} {end.year}",
    )


def random_day(rng: random.Random, first_year: int, last_year: int, precision: str) -> date:
    year = rng.randint(first_year, last_year)
    if precision == YEAR:
        return date(year, 1, 1)
    if precision == MONTH:
        return date(year, rng.randint(1, 12), 1)
    return date(year, rng.randint(1, 12), rng.randint(1, 28))


def quantity(rng: random.Random, low: int, high: int) -> int:
    """A round figure, as documents give them: 28 000, 1 400 000."""
    value = rng.randint(low, high)
    return round(value, 2 - len(str(value))) if value >= 100 else value


def figures(value: int) -> tuple[str, str]:
    return f"{value:,}".replace(",", " "), f"{value:,}"


UPDATE_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
