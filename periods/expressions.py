"""Date expressions in a sentence, French and English, at their precision.

Plain functions with no Django imports. Recognised:

    en 2006, in 2006, depuis 1992, since 2012, dès 2001, à partir de 2015, de 1999
    en décembre 2006, in December 2006, (décembre 1995)
    le 7 juin 2019, 7 June 2019, June 7, 2019, le 1er mars 2021
    1–2 October 2014, les 1er et 2 octobre 2014, 01 Oct. 2014 - 02 Oct. 2014
    de janvier 1998 à mars 1999, from 2003 to 2005, 2017-2020 (one date with its end)
    en septembre dernier, les 1er et 2 octobre derniers, last September (with a reference
    date: the date the document states)

and a bare year ("l'exercice NORDIC 2021"), less surely. A deadline ("d'ici 2024",
"by 2024") and a decade ("les années 90", "the 1990s") are not dates of facts.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

YEAR, MONTH, DAY = "year", "month", "day"

#: How a date stands in its sentence.
AT, SINCE, UNTIL, ENDED, BARE, DEADLINE = "at", "since", "until", "ended", "bare", "deadline"


@dataclass(frozen=True)
class FoundDate:
    """A date of a sentence: the first day of its period, its precision, and its end for
    a range."""

    first_day: datetime.date
    precision: str
    end_day: datetime.date | None = None
    end_precision: str = ""
    #: AT (en 2006), SINCE (depuis 2006), UNTIL (jusqu'en 2006), ENDED (achevé en 2006)
    #: or BARE (NORDIC 2021)
    relation: str = AT
    text: str = ""

    def isoformat(self) -> str:
        """ "2006", "2006-12" or "2019-06-07", like ``periods.dates.PreciseDate``."""
        return iso_at_precision(self.first_day, self.precision)

    def end_isoformat(self) -> str:
        return iso_at_precision(self.end_day, self.end_precision) if self.end_day else ""


def iso_at_precision(day: datetime.date, precision: str) -> str:
    if precision == YEAR:
        return f"{day.year:04d}"
    if precision == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


_MONTHS = {
    1: ["janvier", "janv", "january", "jan"],
    2: ["février", "fevrier", "févr", "fevr", "fév", "february", "feb"],
    3: ["mars", "march", "mar"],
    4: ["avril", "avr", "april", "apr"],
    5: ["mai", "may"],
    6: ["juin", "june", "jun"],
    7: ["juillet", "juil", "july", "jul"],
    8: ["août", "aout", "aoû", "august", "aug"],
    9: ["septembre", "september", "sept", "sep"],
    10: ["octobre", "october", "oct"],
    11: ["novembre", "november", "nov"],
    12: ["décembre", "decembre", "déc", "december", "dec"],
}
#: Month names and abbreviations, French and English, lower case → month number.
MONTH_NUMBER = {name: number for number, names in _MONTHS.items() for name in names}
#: A regular expression matching any of them, longest first.
MONTH_PATTERN = "|".join(sorted(map(re.escape, MONTH_NUMBER), key=len, reverse=True))
_M = rf"(?:{MONTH_PATTERN})\.?"
_D = r"\d{1,2}(?:er|re|st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_RELATIVE = r"(?:derni[eè]re?s?|prochaine?s?|last|next)"

_DATE = re.compile(
    rf"""(?<!\w)(?:
      (?P<rd1>{_D})\s*(?:-|–|—|et|and|au|to)\s*(?P<rd2>{_D})\s+(?P<rdm>{_M})
          (?:,?\s+(?P<rdy>{_Y})|\s+(?P<rdrel>{_RELATIVE}))
    | (?P<dd>{_D})\s+(?P<dm>{_M}),?\s+(?P<dy>{_Y})
    | (?P<em>{_M})\s+(?P<ed>{_D}),?\s+(?P<ey>{_Y})
    | (?P<rm>{_M})\s+(?P<rrel>{_RELATIVE})
    | (?P<lrel>last|next)\s+(?P<lm>{_M})
    | (?P<mm>{_M})\s+(?P<my>{_Y})
    | (?P<yy>{_Y})
    )(?!\w)""",
    re.IGNORECASE | re.VERBOSE,
)

# What stands just before a date says how it stands.
_BEFORE = [
    (DEADLINE, r"(?:d'ici(?: à| a)?|by|avant|before|à l'horizon)\s*$"),
    (UNTIL, r"(?:jusqu'en|jusqu'au|jusqu'à|until|till|up to|through)\s*$"),
    (
        ENDED,
        r"(?:achev|termin|cl[ôo]tur|complet|ended|finish|closed|expir)\w*"
        r"(?:\s+\w+){0,2}\s+(?:en|in|le|on)\s*$",
    ),
    (
        SINCE,
        r"(?:depuis|dès|à partir de|à compter de|since|as of|starting in)"
        r"(?:\s+(?:le|la|the|début|fin|early|late|mid))?\s*$",
    ),
]
_BEFORE = [(relation, re.compile(pattern, re.IGNORECASE)) for relation, pattern in _BEFORE]
_AT_BEFORE = re.compile(
    r"(?:\b(?:en|in|le|on|au|of|de|du|d'|dans|during|pendant|les|from|between|entre)|[(,])\s*$",
    re.IGNORECASE,
)
_DECADE_BEFORE = re.compile(r"(?:années|the)\s*$", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:à|au|to|until|till|through|-|–|—)\s*$", re.IGNORECASE)
_DASH_GAP = re.compile(r"^\s*[-–—]\s*$")
_PAIR_GAP = re.compile(r"^\s*(?:et|and)\s*$", re.IGNORECASE)
_RANGE_OPENS = re.compile(r"\b(?:de|du|from|entre|between)\s*$", re.IGNORECASE)


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _month(text: str) -> int:
    return MONTH_NUMBER[text.rstrip(".").lower()]


def _is_past(relative: str) -> bool:
    folded = unicodedata.normalize("NFD", relative.lower())
    return folded.startswith(("dern", "last"))


def _relative_year(month: int, day: int, relative: str, reference: datetime.date | None):
    """The year of "octobre dernier" or "next March", seen from ``reference``."""
    if reference is None:
        return None
    not_after_reference = (month, day) <= (reference.month, reference.day)
    if _is_past(relative):
        return reference.year if not_after_reference else reference.year - 1
    return reference.year + 1 if not_after_reference else reference.year


def _read(match: re.Match, reference):
    """(first day, precision, end day, end precision) of one match, or None."""
    g = match.groupdict()
    try:
        if g["rd1"]:
            month, first, last = _month(g["rdm"]), _day(g["rd1"]), _day(g["rd2"])
            year = (
                int(g["rdy"]) if g["rdy"] else _relative_year(month, first, g["rdrel"], reference)
            )
            if year is None:
                return None
            start, end = datetime.date(year, month, first), datetime.date(year, month, last)
            return (start, DAY, end, DAY) if end > start else (start, DAY, None, "")
        if g["dd"]:
            return datetime.date(int(g["dy"]), _month(g["dm"]), _day(g["dd"])), DAY, None, ""
        if g["em"]:
            return datetime.date(int(g["ey"]), _month(g["em"]), _day(g["ed"])), DAY, None, ""
        if g["rm"] or g["lm"]:
            month = _month(g["rm"] or g["lm"])
            year = _relative_year(month, 1, g["rrel"] or g["lrel"], reference)
            return (datetime.date(year, month, 1), MONTH, None, "") if year else None
        if g["mm"]:
            return datetime.date(int(g["my"]), _month(g["mm"]), 1), MONTH, None, ""
        return datetime.date(int(g["yy"]), 1, 1), YEAR, None, ""
    except (ValueError, KeyError):  # "31 février 2020"
        return None


def _relation(before: str, bare_year: bool) -> str:
    for relation, pattern in _BEFORE:
        if pattern.search(before):
            return relation
    return BARE if bare_year and not _AT_BEFORE.search(before) else AT


def find_dates(sentence: str, reference: datetime.date | None = None) -> list[FoundDate]:
    """The dates of facts in ``sentence``, in order. ``reference`` (the date the text
    states) dates "octobre dernier"; without it such dates are left out."""
    found = []  # [start, end, (first, precision, end day, end precision), relation]
    for match in _DATE.finditer(sentence):
        value = _read(match, reference)
        if value is None:
            continue
        before = sentence[max(0, match.start() - 30) : match.start()]
        bare_year = bool(match.group("yy"))
        if bare_year and (
            _DECADE_BEFORE.search(before) or sentence[match.end() : match.end() + 1] == "s"
        ):
            continue
        found.append([match.start(), match.end(), value, _relation(before, bare_year)])
    dates = []
    for item in found:
        if dates and _joins(sentence, dates[-1], item):
            previous = dates[-1]
            first, precision, _, _ = previous[2]
            last, last_precision, last_end, last_end_precision = item[2]
            previous[1] = item[1]
            previous[2] = (first, precision, last_end or last, last_end_precision or last_precision)
            previous[3] = AT if previous[3] == BARE else previous[3]
            continue
        dates.append(item)
    return [
        FoundDate(first, precision, end, end_precision, relation, sentence[start:stop])
        for start, stop, (first, precision, end, end_precision), relation in dates
        if relation != DEADLINE
    ]


def _joins(sentence: str, previous, item) -> bool:
    """Do two dates make one range: "de janvier 1998 à mars 1999", "2017-2020",
    "entre 2003 et 2005"?"""
    gap = sentence[previous[1] : item[0]]
    opened = _RANGE_OPENS.search(sentence[max(0, previous[0] - 12) : previous[0]])
    if not (_DASH_GAP.match(gap) or (opened and (_RANGE_GAP.match(gap) or _PAIR_GAP.match(gap)))):
        return False
    return item[2][0] > previous[2][0]
