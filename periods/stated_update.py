"""The update date a document states about itself, read from its text.

Plain functions with no Django imports. Recognised, in French and English:

    Mis à jour le: 18 Oct. 2018 16:24        Last updated: 12 March 2021
    Mis à jour le: 23 May. 2022              Last updated: 23 May. 2022 16:39
    Dernière modification : 10/06/2020       Last modified: 2020-06-10
    Dernière mise à jour le 1er mars 2021    Updated on March 12, 2021

A label ("Mis à jour le", "Dernière modification", "Last updated"…), an optional colon,
then a date: day month year (month in full or abbreviated, French or English — NATO's
French pages write English abbreviations, "23 May. 2022"), month day, year (English), ISO
year-month-day, or day/month/year in figures (read day first, as both languages' sources
here write it). A time after the date is kept in the text as written.
"""

import datetime
import re
from dataclasses import dataclass

from periods.expressions import MONTH_NUMBER, MONTH_PATTERN

_LABEL = (
    r"(?:mis[e]?\s+à\s+jour(?:\s+le)?|dernière\s+mise\s+à\s+jour(?:\s+le)?"
    r"|dernière\s+modification(?:\s+le)?|modifié\s+le"
    r"|(?:page\s+)?last\s+updated(?:\s+on)?|last\s+modified(?:\s+on)?|updated(?:\s+on)?)"
)
_DAY_MONTH_YEAR = (
    rf"(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+(?P<m1>{MONTH_PATTERN})\.?,?\s+(?P<y1>\d{{4}})"
)
_MONTH_DAY_YEAR = (
    rf"(?P<m2>{MONTH_PATTERN})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
)
_ISO = r"(?P<y3>\d{4})-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})"
_FIGURES = r"(?P<d4>\d{1,2})[/.](?P<m4>\d{1,2})[/.](?P<y4>\d{4})"
_TIME = r"(?:,?\s+(?:à\s+|at\s+)?\d{1,2}[:h]\d{2}(?![\d]))?"

_STATED_UPDATE = re.compile(
    rf"\b{_LABEL}\s*:?\s*(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_ISO}|{_FIGURES}){_TIME}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StatedUpdate:
    date: datetime.date
    text: str  # as written, e.g. "Mis à jour le: 18 Oct. 2018 16:24"


def _date_of(match: re.Match) -> datetime.date:
    for suffix in "1234":
        year = match.group(f"y{suffix}")
        if year is None:
            continue
        month = match.group(f"m{suffix}")
        month = int(month) if month.isdigit() else MONTH_NUMBER[month.lower()]
        return datetime.date(int(year), month, int(match.group(f"d{suffix}")))
    raise ValueError("no date in the match")


def find_stated_update(text: str) -> StatedUpdate | None:
    """The first stated update date of ``text`` that is a real date, or None."""
    for match in _STATED_UPDATE.finditer(text):
        try:
            date = _date_of(match)
        except ValueError:  # "31/02/2020": not a date, look further
            continue
        return StatedUpdate(date=date, text=" ".join(match.group(0).split()))
    return None
