"""Text normalisation and quote anchoring.

Plain functions with no Django imports, so they can be tested and fuzzed on their own.

A document version stores its text already normalised (``normalise``); offsets of a
citation refer to that stored text. Line breaks are kept in the stored text so that
paragraphs can be shown, but for matching every line break counts as a space: a quote
may span a line break of the source. Both are single characters, so offsets agree.

Anchoring is linear in the text: a quote's occurrences are checked against their context
by looking only at the whitespace next to each, never by copying the text before it. Code
that places many quotes in one text (an import's suggestions, re-anchored citations)
prepares it once as a ``MatchingText``: its matching view is made once, occurrences are
looked up in an index of its words, and the same quote with the same context is anchored
once.
"""

import re
import unicodedata
from dataclasses import dataclass

# Typographic variants mapped to one canonical character before matching.
_CANONICAL = str.maketrans(
    {
        "\u2019": "'",  # ’ right single quotation mark (French apostrophe)
        "\u2018": "'",  # ‘ left single quotation mark
        "\u02bc": "'",  # ʼ modifier letter apostrophe
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u00ad": None,  # soft hyphen: invisible, dropped
    }
)
_LINE_BREAK_RUN = re.compile(r"[^\S\n]*\n\s*")
_SPACE_RUN = re.compile(r"[^\S\n]+")
_ANY_SPACE_RUN = re.compile(r"\s+")

#: How many characters of context are kept on each side of an anchored quote.
CONTEXT_WIDTH = 40


def _canonical(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_CANONICAL)


def normalise(text: str) -> str:
    """Normalise a document text for storage: canonical characters, one space for a
    run of spaces, one line break for a run of whitespace holding a line break."""
    text = _canonical(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _LINE_BREAK_RUN.sub("\n", text)
    text = _SPACE_RUN.sub(" ", text)
    return text.strip()


def normalise_quote(quote: str) -> str:
    """Normalise a quote: like ``normalise`` but on one line, trimmed."""
    return _ANY_SPACE_RUN.sub(" ", _canonical(quote)).strip()


def matching_view(text: str) -> str:
    """The stored text as quotes are matched against it (line breaks as spaces)."""
    return text.replace("\n", " ")


def matching_slice(text: str, start: int, end: int) -> str:
    """``matching_view(text)[start:end]``, without copying the whole text."""
    return text[start:end].replace("\n", " ")


class AnchorError(ValueError):
    """A quote cannot be anchored in a text.

    ``code`` names the case, ``reason`` says in words what to do, ``count`` is how many
    times the quote occurs (with the given context, for an ambiguous quote).
    """

    code = "invalid"

    def __init__(self, reason: str, count: int = 0):
        super().__init__(reason)
        self.reason = reason
        self.count = count


class EmptyQuote(AnchorError):
    code = "empty"


class QuoteAbsent(AnchorError):
    code = "absent"


class ContextMismatch(QuoteAbsent):
    """The quote occurs, but never between the given prefix and suffix."""

    code = "context_mismatch"


class QuoteAmbiguous(AnchorError):
    code = "ambiguous"


@dataclass(frozen=True)
class Anchor:
    """Where a quote stands in a normalised text, with its context."""

    quote: str
    start: int
    end: int
    prefix: str
    suffix: str


def _scan(view: str, quote: str) -> list[int]:
    starts = []
    position = view.find(quote)
    while position != -1:
        starts.append(position)
        position = view.find(quote, position + 1)
    return starts


def find_occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``quote``."""
    return _scan(matching_view(text), quote)


def context_at(text: str, start: int, end: int, width: int = CONTEXT_WIDTH):
    """The prefix and suffix of the span ``start:end`` in the matching view."""
    before = matching_slice(text, max(0, start - width), start)
    return before, matching_slice(text, end, end + width)


def _preceded_by(view: str, start: int, prefix: str) -> bool:
    """``view[:start].rstrip().endswith(prefix)``, looking only at the space before."""
    while start and view[start - 1].isspace():
        start -= 1
    return view.endswith(prefix, 0, start)


def _followed_by(view: str, end: int, suffix: str) -> bool:
    """``view[end:].lstrip().startswith(suffix)``, looking only at the space after."""
    while end < len(view) and view[end].isspace():
        end += 1
    return view.startswith(suffix, end)


def _anchor(view: str, quote: str, prefix: str, suffix: str, find) -> Anchor:
    quote = normalise_quote(quote)
    if not quote:
        raise EmptyQuote("The quote is empty.")
    occurrences = find(quote)
    if not occurrences:
        raise QuoteAbsent(
            "The quote does not occur in this document version; "
            "check it against the text, word for word."
        )
    # Space at the quote's edge is not significant: forms trim it, readers cannot see it.
    prefix, suffix = normalise_quote(prefix), normalise_quote(suffix)
    candidates = [
        start
        for start in occurrences
        if _preceded_by(view, start, prefix) and _followed_by(view, start + len(quote), suffix)
    ]
    if not candidates:
        raise ContextMismatch(
            f"The quote occurs {len(occurrences)} time(s) in this document version, "
            "but never with the given prefix and suffix.",
            len(occurrences),
        )
    if len(candidates) > 1:
        raise QuoteAmbiguous(
            f"The quote occurs {len(candidates)} times in this document version; "
            "lengthen it, or give a prefix or suffix, so that it points to one passage.",
            len(candidates),
        )
    start = candidates[0]
    end = start + len(quote)
    before, after = view[max(0, start - CONTEXT_WIDTH) : start], view[end : end + CONTEXT_WIDTH]
    return Anchor(quote=quote, start=start, end=end, prefix=before, suffix=after)


def anchor_quote(text: str, quote: str, prefix: str = "", suffix: str = "") -> Anchor:
    """Anchor ``quote`` in the normalised ``text``.

    The quote is normalised first. When it occurs more than once, ``prefix`` (the text
    just before it) and ``suffix`` (just after) pick the occurrence. Raises an
    ``AnchorError`` subclass whose ``reason`` tells a curator what to do.
    """
    view = matching_view(text)
    return _anchor(view, quote, prefix, suffix, lambda q: _scan(view, q))


#: Words shorter than this are left out of a ``MatchingText``'s index: too common to
#: narrow a search.
SHORTEST_INDEXED_WORD = 3
#: Up to this many places of a word are checked one by one; past that (or a share of
#: the text's length), scanning the text is faster.
CHECKED_PLACES = 64


class MatchingText:
    """A normalised text prepared once for placing many quotes in it.

    Gives what the functions above give for the same text, in time linear in the text
    for all the quotes together: the matching view is made once; a quote holding a whole
    word (one between two of its spaces) is looked for where that word stands, from an
    index of the text's words made at the first search; and the same quote with the same
    context is anchored once (a repetitive text asks for it many times).
    """

    def __init__(self, text: str):
        self.text = text
        self.view = matching_view(text)
        self._words: dict[str, list[int]] | None = None
        self._anchors: dict[tuple[str, str, str], Anchor | tuple[type, str, int]] = {}

    def _index(self) -> dict[str, list[int]]:
        if self._words is None:
            words, position = {}, 0
            for word in self.view.split(" "):
                if len(word) >= SHORTEST_INDEXED_WORD:
                    words.setdefault(word, []).append(position)
                position += len(word) + 1
            self._words = words
        return self._words

    def find_occurrences(self, quote: str) -> list[int]:
        """Start offsets of every (possibly overlapping) occurrence of ``quote``."""
        # Wherever the quote occurs, each word between two of its spaces stands whole in
        # the text, at the same distance from the start: the rarest one says where to look.
        words = quote.split(" ")
        offset, best = len(words[0]) + 1, None
        for word in words[1:-1]:
            if len(word) >= SHORTEST_INDEXED_WORD:
                places = self._index().get(word, [])
                if best is None or len(places) < len(best[1]):
                    best = (offset, places)
            offset += len(word) + 1
        if best is None or len(best[1]) > max(CHECKED_PLACES, len(self.view) // CHECKED_PLACES):
            return _scan(self.view, quote)
        offset, places = best
        view = self.view
        return [
            place - offset
            for place in places
            if place >= offset and view.startswith(quote, place - offset)
        ]

    def context_at(self, start: int, end: int, width: int = CONTEXT_WIDTH):
        """The prefix and suffix of the span ``start:end`` in the matching view."""
        return self.view[max(0, start - width) : start], self.view[end : end + width]

    def anchor_quote(self, quote: str, prefix: str = "", suffix: str = "") -> Anchor:
        """``anchor_quote`` in this text: the same anchor, or the same error."""
        key = (quote, prefix, suffix)
        found = self._anchors.get(key)
        if found is None:
            try:
                found = _anchor(self.view, quote, prefix, suffix, self.find_occurrences)
            except AnchorError as error:
                found = (type(error), error.reason, error.count)
            self._anchors[key] = found
        if isinstance(found, Anchor):
            return found
        error_class, reason, count = found
        raise error_class(reason, count)
