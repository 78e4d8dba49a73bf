"""What a visitor typed, as a search: plain functions, no Django.

A query is a list of clauses that must all match; a clause is a word or a "quoted phrase",
with the other names of the same partner or programme as alternatives ("PPP" is also
"PfP", "Partenariat pour la paix" and "Partnership for Peace"). Everything that is not a
letter or a digit separates words, so quotes, ``&|!:*()`` and the like are inert on every
database; only double quotes (straight or typographic) mean a phrase.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from search.text import words

MAX_LENGTH = 200  # characters; longer input is refused with a clear message, not cut
MAX_CLAUSES = 16  # further words add nothing but work and are ignored
# When the words as typed find nothing, the last one may be the start of a longer word
# ("Biélo" finds "Biélorussie"), from this many letters: a shorter prefix would match too
# many words. Only then: matching every word that starts so costs far more than a word.
MIN_PREFIX = 4
PHRASE = re.compile(r'["“”«»]([^"“”«»]*)["“”«»]')


class QueryTooLong(ValueError):
    pass


@dataclass(frozen=True)
class Clause:
    """One word or phrase (folded words joined by spaces) and the names it also stands for."""

    phrase: str
    alternatives: tuple[str, ...] = ()
    prefix: bool = False  # the phrase's last word is the start of a longer word

    @property
    def phrases(self) -> tuple[str, ...]:
        return (self.phrase, *self.alternatives)


@dataclass(frozen=True)
class Query:
    text: str
    clauses: tuple[Clause, ...] = field(default=())

    def __bool__(self):
        return bool(self.clauses)

    @property
    def completable(self) -> bool:
        return any(clause.prefix for clause in self.clauses)

    def exact(self) -> "Query":
        """The words as typed, none of them taken as the start of a longer one."""
        return replace(self, clauses=tuple(replace(c, prefix=False) for c in self.clauses))


class Expansions:
    """Other names of the same record, by folded name: built from the names of the
    partners and programmes in the index, so it knows only what the public may see."""

    def __init__(self, name_sets: Iterable[Iterable[str]] = ()):
        self._names: dict[str, set[str]] = defaultdict(set)
        for names in name_sets:
            folded = {" ".join(words(name)) for name in names} - {""}
            for key in folded:
                self._names[key] |= folded

    def of(self, phrase: str) -> tuple[str, ...]:
        return tuple(sorted(self._names.get(phrase, set()) - {phrase}))

    def __contains__(self, phrase: str) -> bool:
        return phrase in self._names


def parse(text: str, expansions: Expansions | None = None) -> Query:
    """Read ``text`` as a query; raise ``QueryTooLong`` past ``MAX_LENGTH`` characters."""
    text = (text or "").replace("\x00", "").strip()
    if len(text) > MAX_LENGTH:
        raise QueryTooLong(text)
    expansions = expansions or Expansions()
    phrases = [" ".join(words(quoted)) for quoted in PHRASE.findall(text)]
    loose = words(PHRASE.sub(" ", text))
    whole = " ".join(loose)
    if len(loose) > 1 and whole in expansions:
        # "partenariat pour la paix" typed without quotes is one name, not four words.
        phrases.append(whole)
        loose = []
    last = loose[-1] if loose else None
    clauses = []
    for phrase in dict.fromkeys(phrase for phrase in [*phrases, *loose] if phrase):
        alternatives = expansions.of(phrase)
        prefix = phrase == last and len(phrase) >= MIN_PREFIX and not alternatives
        clauses.append(Clause(phrase, alternatives, prefix))
    return Query(text=text, clauses=tuple(clauses[:MAX_CLAUSES]))
