"""Highlighted snippets: the text is escaped first, then the matching words are wrapped in
``<mark>``, so neither a visitor's query nor a curator's text can inject markup."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.text import tokens

# What PostgreSQL's ts_headline puts around a match: private-use characters, which the
# indexed text never holds (``clean``), so they can only come from ts_headline.
START, STOP = "\ue000", "\ue001"
ELLIPSIS = "…"
PREFIX = "*"  # ends the last stem of a phrase whose last word may be longer
SNIPPET_WORDS = 30


def clean(text: str) -> str:
    return text.replace(START, "").replace(STOP, "")


def from_markers(headline: str) -> SafeString:
    """ts_headline's output, escaped, its markers turned into ``<mark>``."""
    return mark_safe(escape(headline).replace(START, "<mark>").replace(STOP, "</mark>"))


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
