"""Unknown acronyms: an acronym in parentheses that nothing known bears is a candidate new
programme or new partner, named by the words before it."""

import bisect
import re

from documents.anchoring import normalise_quote
from suggestions.extraction.candidates import NEW_PARTNER, NEW_PROGRAMME, Candidate
from suggestions.extraction.lexicon import KnownNames
from suggestions.extraction.words import STOPWORDS, fold, words

_PARENTHESISED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&-]{1,9})\)")
_PARTNER_HEADS = frozenset(
    """organisation organization agence agency ministere ministry institut institute
    universite university fondation foundation association departement department division
    service unite unit groupe group police gendarmerie armee army force commission
    ambassade embassy""".split()
)
_NAME_STOP = re.compile(r"[,;:.!?\"()]")
_TOKEN = re.compile(r"[^\W\d_][\w'-]*")
#: ``name_before`` looks this many words back for initials, at most.
_INITIALS_WINDOW = 15
_ARTICLES = frozenset("le la les l un une au aux the a an".split())
_BEFORE_INNER_ARTICLES = frozenset(
    "de du des d pour sur a en contre avec par entre of for on in to with against by".split()
)


def name_before(before: str, acronym: str) -> tuple[str, bool]:
    """The name an acronym in parentheses stands for, read back from it: the shortest
    run of words whose initials spell the acronym ("chimiques, biologiques, radiologiques
    et nucléaires (CBRN)"), else the words after the last article that opens a phrase
    ("participe au | programme de formation (XYZ)"), back to a punctuation mark. Returns
    the name and whether its initials spell the acronym."""
    tokens = list(_TOKEN.finditer(before))
    letters = fold(re.sub(r"[^A-Za-z0-9]", "", acronym))
    for count in range(1, min(len(tokens), _INITIALS_WINDOW) + 1):
        run = tokens[-count:]
        run_words = [fold(t.group()).split("'")[-1] for t in run]
        initials = "".join(w[0] for w in run_words if w and w not in STOPWORDS)
        if initials == letters:
            name = normalise_quote(before[run[0].start() :]).strip(" ,;:")
            return re.sub(r"^[ldLD]'", "", name), True
        if len(initials) > len(letters):
            break
    tail = _NAME_STOP.split(before)[-1].split()[-10:]
    folded = [fold(word) for word in tail]
    start = 0
    for index, word in enumerate(folded):
        elided, _, rest = word.partition("'")
        article = elided if rest else word
        previous = folded[index - 1].split("'")[-1] if index else ""
        if article in _ARTICLES and previous not in _BEFORE_INNER_ARTICLES:
            start = index + (0 if rest else 1)
            if rest:  # "l'Unité": the name starts after the apostrophe
                tail[index] = tail[index].split("'", 1)[1]
    name_words = tail[start:]
    while name_words and fold(name_words[0]) in STOPWORDS:
        name_words = name_words[1:]
    return normalise_quote(" ".join(name_words[-8:])), False


def _read_from(token_starts, stops, match) -> int:
    """Where ``name_before`` may start reading the words before an acronym and find what
    it finds in the whole sentence before it: no later than the start of the last
    ``_INITIALS_WINDOW`` words, nor than just after the last punctuation mark (the opening
    parenthesis of the acronym before, at worst). So each acronym costs the words just
    before it, not the whole sentence."""
    position = match.start()
    words = bisect.bisect_left(token_starts, position)
    from_words = token_starts[words - _INITIALS_WINDOW] if words >= _INITIALS_WINDOW else 0
    mark = bisect.bisect_left(stops, position)
    from_mark = stops[mark - 1] + 1 if mark else 0
    return min(from_words, from_mark)


def new_names(known: KnownNames, sentence, start, end):
    """An acronym in parentheses that nothing known bears, with the words before it as its
    name: a new partner when the name opens on an organisation's word, else a new
    programme."""
    result = []
    token_starts = [token.start() for token in _TOKEN.finditer(sentence)]
    stops = [stop.start() for stop in _NAME_STOP.finditer(sentence)]
    for match in _PARENTHESISED_ACRONYM.finditer(sentence):
        acronym = match.group(1)
        if fold(acronym) in known.known_acronyms:
            continue
        before = sentence[_read_from(token_starts, stops, match) : match.start()]
        name, spelled = name_before(before, acronym)
        if not name:
            continue
        head = words(name)[:1]
        kind = NEW_PARTNER if head and head[0] in _PARTNER_HEADS else NEW_PROGRAMME
        result.append(
            Candidate(
                kind,
                start,
                end,
                sentence,
                name=name,
                acronym=acronym,
                confidence=0.6 if spelled else 0.3,
            )
        )
    return result
