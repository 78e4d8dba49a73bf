"""Words as search sees them: no accents, no case, stemmed in French or English.

Plain functions, no Django. The SQLite index and the highlighting of snippets use them;
PostgreSQL does the same with its ``liaison_fr``/``liaison_en`` configurations (``unaccent``
then the same Snowball stemmers), so a word matches the same words on both databases.
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

LANGUAGES = {"fr": "french", "en": "english"}
# Letters NFKD does not take apart, spelled as unaccent spells them.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O"})
WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case without accents: "BIÉLORUSSIE" → "bielorussie", "Œuvre" → "oeuvre"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(LANGUAGES.get(language, "french"))


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The stem of one folded word; numbers and one-letter words stay as they are. Cached:
    a corpus has far fewer distinct words than words, and Snowball in Python is slow."""
    if len(word) < 2 or word.isdigit():
        return word
    return _stemmer(language).stemWord(word)


def words(text: str) -> list[str]:
    """The folded words of ``text``; punctuation, quotes and operators are separators."""
    return WORD.findall(fold(text))


def terms(text: str, language: str) -> list[str]:
    """The stems of the words of ``text`` in ``language``, in order."""
    return [stem(word, language) for word in words(text)]


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    term: str


def tokens(text: str, language: str) -> Iterator[Token]:
    """Each word of ``text`` with its offsets in ``text`` and its stem.

    Folding may change a word's length ("œ" → "oe"), so words are found in the original
    text and folded one by one, keeping offsets true to what is displayed."""
    for match in WORD.finditer(text):
        for word in WORD.findall(fold(match.group())):
            yield Token(match.start(), match.end(), stem(word, language))
