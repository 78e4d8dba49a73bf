"""Highlighted snippets: the text is escaped first, then the matching words are wrapped in
``<mark>``, so neither a visitor's query nor a curator's text can inject markup."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.text import tokens

# What PostgreSQL's ts_headline puts around a match: private-use characters, which the
# indexed text never holds (``clean``), so they can only come from ts_headline.
START, STOP = "\ue000", "\ue001"
# What stands for "<" in the text ts_headline is given: its parser takes "<b>", "<x y>" or
# "</i>" for HTML tags and leaves them out of the headline; the snippet gives them back.
LESS_THAN = "\ue002"
FRAGMENTS = "\ue003"  # what ts_headline puts between the fragments it picks
ELLIPSIS = "…"
PREFIX = "*"  # ends the last stem of a phrase whose last word may be longer
SNIPPET_WORDS = 30


def clean(text: str) -> str:
    for marker in (START, STOP, LESS_THAN, FRAGMENTS):
        text = text.replace(marker, "")
    return text


def from_markers(headline: str) -> SafeString:
    """ts_headline's output, escaped, its markers turned into ``<mark>`` and each
    ``LESS_THAN`` back into the "<" it stood for."""
    escaped = escape(headline).replace(LESS_THAN, escape("<"))
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))


def from_headline(headline: str, body: str) -> SafeString:
    """ts_headline's fragments of ``body`` as a snippet: each one as ``body`` has it,
    escaped, its matches in ``<mark>``, with the punctuation it left off at either end of
    ``body`` given back, and an ellipsis where it cuts ``body``."""
    pieces, start, end, cursor = [], None, 0, 0
    for fragment in headline.split(FRAGMENTS):
        plain = fragment.replace(START, "").replace(STOP, "").replace(LESS_THAN, "<")
        at = body.find(plain, cursor) if plain else -1
        if at < 0:  # not a piece of the text as it was given: shown as it came
            pieces.append(from_markers(fragment))
            continue
        before = 0 if not _has_words(body[:at]) else at
        after = len(body) if not _has_words(body[at + len(plain) :]) else at + len(plain)
        start = before if start is None else start
        end = cursor = after
        pieces.append(
            escape(body[before:at]) + from_markers(fragment) + escape(body[at + len(plain) : after])
        )
    prefix = ELLIPSIS if start else ""
    suffix = ELLIPSIS if start is not None and end < len(body) else ""
    return mark_safe(prefix + f" {ELLIPSIS} ".join(pieces) + suffix)


def _has_words(text: str) -> bool:
    return any(character.isalnum() for character in text)


def marked(found: list, phrases: set[tuple[str, ...]]) -> set[int]:
    """Indexes of the tokens that are part of one of ``phrases`` (runs of stems, the last
    one possibly a prefix: ``"bielo*"``)."""
    terms = [token.term for token in found]
    indexes = set()
    for phrase in phrases:
        *body, last = phrase
        size = len(phrase)
        for i in range(len(terms) - size + 1):
            if tuple(terms[i : i + size - 1]) == tuple(body) and _same(terms[i + size - 1], last):
                indexes.update(range(i, i + size))
    return indexes


def _same(term: str, wanted: str) -> bool:
    return term.startswith(wanted[:-1]) if wanted.endswith(PREFIX) else term == wanted


def highlight(
    text: str, phrases: set[tuple[str, ...]], language: str, words: int = SNIPPET_WORDS
) -> SafeString:
    """About ``words`` words of ``text`` around the first place one of ``phrases`` (each a
    run of stems) occurs, or its beginning, each occurrence marked."""
    found = list(tokens(text, language))
    if not found:
        return mark_safe(escape(text[:200]))
    marks = marked(found, phrases)
    first = min(marks, default=0)
    begin = max(0, first - words // 3)
    end = min(len(found), begin + words)
    start = 0 if begin == 0 else found[begin].start
    stop = len(text) if end == len(found) else found[end - 1].end
    parts, position = [], start
    for i in range(begin, end):
        token = found[i]
        if i in marks and token.start >= position:
            parts += [escape(text[position : token.start]), "<mark>"]
            parts += [escape(text[token.start : token.end]), "</mark>"]
            position = token.end
    parts.append(escape(text[position:stop]))
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if stop < len(text) else ""
    return mark_safe(prefix + "".join(parts).strip() + suffix)
