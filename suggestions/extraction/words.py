"""Words as the rules compare them: folded (lower case, no accents, offsets kept),
light-stemmed, without stopwords."""

import re
import unicodedata


def _fold_char(char: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    folded = bare.lower()
    return folded if len(folded) == 1 else char


class _FoldedCharacters(dict):
    """Code point → its folded character, each worked out the first time it is met: a
    text is folded by ``str.translate``, not character by character in Python."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLDED = _FoldedCharacters()


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so that offsets stay valid."""
    return text.translate(_FOLDED)


STOPWORDS = frozenset(
    """a au aux avec ce ces cet cette d dans de des du en entre et l la le les leur leurs
    ou par pour sa se ses son sous sur un une y qui que dont
    an and as at by for from in into its of on or the to with within""".split()
)
WORD = re.compile(r"[^\W_]+")


def stem(word: str) -> str:
    # Plural and singular as one word, in both languages ("projets", "accords").
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The significant words of ``text``: folded, light-stemmed, without stopwords."""
    return [stem(w) for w in WORD.findall(fold(text)) if w not in STOPWORDS]


def close_together(sequence: list[str], name_words: set[str]) -> bool:
    """Do ``name_words`` all stand within a run of ``sequence`` twice their number long?"""
    width = 2 * len(name_words)
    return any(name_words <= set(sequence[start : start + width]) for start in range(len(sequence)))


def words_and_starts(present: set[str]) -> set[str]:
    """The words present and their starts of four letters or more ("israel" of
    "israelien"): a word has a word present (``has_word``) if it is in this set."""
    return present | {word[:length] for word in present for length in range(4, len(word))}


def has_word(present: set[str], word: str) -> bool:
    """Is ``word`` among the words present, or the start of one ("israel" of
    "israelien")?"""
    return word in present or (len(word) >= 4 and any(w.startswith(word) for w in present))
