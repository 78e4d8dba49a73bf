"""Text normalisation and quote anchoring.

Plain functions with no Django imports, so they can be tested and fuzzed on their own.

A document version stores its text already normalised (``normalise``); offsets of a
citation refer to that stored text. Line breaks are kept in the stored text so that
paragraphs can be shown, but for matching every line break counts as a space: a quote
may span a line break of the source. Both are single characters, so offsets agree.
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


def find_occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``quote``."""
    view = matching_view(text)
    starts = []
    position = view.find(quote)
    while position != -1:
        starts.append(position)
        position = view.find(quote, position + 1)
    return starts


def context_at(text: str, start: int, end: int, width: int = CONTEXT_WIDTH):
    """The prefix and suffix of the span ``start:end`` in the matching view."""
    view = matching_view(text)
    return view[max(0, start - width) : start], view[end : end + width]


def anchor_quote(text: str, quote: str, prefix: str = "", suffix: str = "") -> Anchor:
    """Anchor ``quote`` in the normalised ``text``.

    The quote is normalised first. When it occurs more than once, ``prefix`` (the text
    just before it) and ``suffix`` (just after) pick the occurrence. Raises an
    ``AnchorError`` subclass whose ``reason`` tells a curator what to do.
    """
    quote = normalise_quote(quote)
    if not quote:
        raise EmptyQuote("The quote is empty.")
    view = matching_view(text)
    occurrences = find_occurrences(text, quote)
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
        if view[:start].rstrip().endswith(prefix)
        and view[start + len(quote) :].lstrip().startswith(suffix)
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
    before, after = context_at(text, start, end)
    return Anchor(quote=quote, start=start, end=end, prefix=before, suffix=after)
