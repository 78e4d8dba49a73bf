"""Re-anchoring citations when a document gets a new version.

Plain functions with no Django imports, like ``documents.anchoring``.

A citation points to ``quote`` at ``start:end`` of an old text. Against the new text:

1. **Quote gone** (no exact occurrence) → ``orphaned``. A near match may be offered
   (``NearMatch``); it is never applied here.
2. **Same place**: the word-by-word diff of the two texts carries the old span, unchanged,
   onto an occurrence of the quote. With the same context (``CONTEXT_WIDTH`` characters on
   each side) → ``verified``; with a different context → ``moved``.
3. **Elsewhere, once**: the quote is not at its old place but occurs exactly once →
   ``moved`` there.
4. **Elsewhere, several times**: the context decides when exactly one occurrence has the
   old text on both sides, or failing that exactly one has it on one side → ``moved``
   there. Otherwise nothing decides → ``changed`` (a curator picks the passage); the
   occurrence whose context is closest to the old one is offered as a suggestion.

Offsets and context of a ``verified`` or ``moved`` citation come only from an exact
occurrence of the unchanged quote. A suggestion carries a similarity score (0–1,
``difflib`` ratio of the old quote and the suggested text) and is offered only from
``SUGGESTION_THRESHOLD`` up.

Both texts are prepared once for all the passages (``TextAlignment``: their matching views,
an index of the new one's words, their sentences), so re-anchoring many citations costs
one pass over each text, not one per citation.
"""

import bisect
import difflib
import re
from dataclasses import dataclass
from functools import cached_property

from documents.anchoring import Anchor, MatchingText

VERIFIED = "verified"
MOVED = "moved"
CHANGED = "changed"
ORPHANED = "orphaned"

#: Lowest similarity (0–1) of a suggested passage to the old quote.
SUGGESTION_THRESHOLD = 0.6
#: Lowest similarity of a new sentence to the old sentence(s) around the quote, for the
#: search that finds a reworded passage which also moved.
SENTENCE_THRESHOLD = 0.6

_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[ ]+|\n")


@dataclass(frozen=True)
class CitedPassage:
    """What a citation says of its old text."""

    quote: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class NearMatch:
    """A passage of the new text offered to the curator in place of the old quote."""

    quote: str
    start: int
    end: int
    prefix: str
    suffix: str
    score: float


@dataclass(frozen=True)
class Reanchored:
    """The outcome for one citation: its status, where it now stands (``verified`` and
    ``moved``), or what a curator may choose (``changed`` and ``orphaned``)."""

    status: str
    anchor: Anchor | None = None
    suggestion: NearMatch | None = None
    occurrences: int = 0


class _Tokens:
    def __init__(self, view: str):
        matches = list(_TOKEN.finditer(view))
        self.words = [m.group() for m in matches]
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.length = len(view)

    def covering(self, start: int, end: int) -> tuple[int, int] | None:
        """Indices of the first and last tokens that overlap ``start:end``."""
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end) - 1
        if first >= len(self.words) or last < first:
            return None
        return first, last

    def start_of(self, index: int) -> int:
        return self.starts[index] if index < len(self.starts) else self.length

    def end_of(self, index: int) -> int:
        return self.ends[index] if index >= 0 else 0


class TextAlignment:
    """A word-by-word diff of two texts that carries offsets of the old one over to the
    new one; and both texts, prepared for matching."""

    def __init__(self, old_text: str, new_text: str):
        self.old_text, self.new_text = MatchingText(old_text), MatchingText(new_text)
        self.old = _Tokens(self.old_text.view)
        self.new = _Tokens(self.new_text.view)
        matcher = difflib.SequenceMatcher(None, self.old.words, self.new.words, autojunk=False)
        self.opcodes = matcher.get_opcodes()
        self._opcode_starts = [opcode[1] for opcode in self.opcodes]

    @cached_property
    def old_sentences(self) -> list[tuple[int, int]]:
        return sentence_spans(self.old_text.text)

    @cached_property
    def new_sentences(self) -> list[tuple[int, int]]:
        return sentence_spans(self.new_text.text)

    def _opcode(self, old_index: int):
        # Inserts hold no old token; the last opcode starting at or before the index that
        # holds it is the one.
        position = bisect.bisect_right(self._opcode_starts, old_index) - 1
        while position >= 0:
            opcode = self.opcodes[position]
            if opcode[1] <= old_index < opcode[2]:
                return opcode
            position -= 1
        return None

    def same_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Where the old span ``start:end`` stands in the new text, when every word of it
        is unchanged and still in order with the text around it; else None."""
        covered = self.old.covering(start, end)
        if covered is None:
            return None
        first, last = covered
        opcode = self._opcode(first)
        if opcode is None or opcode[0] != "equal" or last >= opcode[2]:
            return None
        new_first = opcode[3] + (first - opcode[1])
        new_last = opcode[3] + (last - opcode[1])
        new_start = self.new.starts[new_first] + (start - self.old.starts[first])
        new_end = self.new.ends[new_last] - (self.old.ends[last] - end)
        return new_start, new_end

    def corresponding_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The stretch of the new text that the diff puts where ``start:end`` stood,
        through changed words too; None when it was deleted."""
        covered = self.old.covering(start, end)
        if covered is None:
            return None
        first, last = covered
        first_opcode, last_opcode = self._opcode(first), self._opcode(last)
        if first_opcode is None or last_opcode is None:
            return None
        tag, a1, _, b1, b2 = first_opcode
        if tag == "equal":
            new_start = self.new.starts[b1 + first - a1] + (start - self.old.starts[first])
        else:
            new_start = self.new.start_of(b1)
        tag, a1, _, b1, b2 = last_opcode
        if tag == "equal":
            new_end = self.new.ends[b1 + last - a1] - (self.old.ends[last] - end)
        else:
            new_end = self.new.end_of(b2 - 1) if b2 > b1 else self.new.start_of(b1)
        if new_end <= new_start:
            return None
        return new_start, new_end


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence (or line) of a normalised text."""
    spans, start = [], 0
    for match in _SENTENCE_BREAK.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def anchor_at(text: MatchingText, quote: str, start: int) -> Anchor:
    """The anchor of ``quote`` at ``start`` of ``text``, which must hold it exactly."""
    end = start + len(quote)
    if text.view[start:end] != quote:
        raise ValueError(f"the text does not hold {quote!r} at {start}")
    prefix, suffix = text.context_at(start, end)
    return Anchor(quote=quote, start=start, end=end, prefix=prefix, suffix=suffix)


def _holds(text: MatchingText, passage: CitedPassage) -> bool:
    """Does ``text`` hold the passage's quote at its offsets?"""
    return text.view[passage.start : passage.end] == passage.quote


def _old_context(old_text: MatchingText, passage: CitedPassage) -> tuple[str, str]:
    if _holds(old_text, passage):
        return old_text.context_at(passage.start, passage.end)
    return passage.prefix, passage.suffix


def _near_match_at(text: MatchingText, start: int, end: int, quote: str) -> NearMatch | None:
    view = text.view
    # Trim the stretch to the words it holds.
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    candidate = view[start:end]
    if not candidate or candidate == quote:
        return None
    score = similarity(quote, candidate)
    if score < SUGGESTION_THRESHOLD:
        return None
    prefix, suffix = text.context_at(start, end)
    return NearMatch(candidate, start, end, prefix, suffix, round(score, 3))


def _sentence_window(spans, start: int, end: int) -> tuple[int, int] | None:
    inside = [(s, e) for s, e in spans if s < end and e > start]
    if not inside:
        return None
    return inside[0][0], inside[-1][1]


def _reworded_elsewhere(alignment: TextAlignment, passage) -> NearMatch | None:
    """The quote's old sentence(s), looked for anywhere in the new text by similarity; the
    stretch matching the quote within the best match."""
    if not _holds(alignment.old_text, passage):
        return None
    old_spans = alignment.old_sentences
    window = _sentence_window(old_spans, passage.start, passage.end)
    if window is None:
        return None
    new_view = alignment.new_text.view
    old_passage = alignment.old_text.view[window[0] : window[1]]
    count = len([s for s in old_spans if window[0] <= s[0] and s[1] <= window[1]])
    new_spans = alignment.new_sentences
    best, best_score = None, SENTENCE_THRESHOLD
    for index in range(len(new_spans)):
        for size in {max(1, count - 1), count, count + 1}:
            if index + size > len(new_spans):
                continue
            start, end = new_spans[index][0], new_spans[index + size - 1][1]
            matcher = difflib.SequenceMatcher(None, old_passage, new_view[start:end])
            if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
                continue
            score = matcher.ratio()
            if score > best_score:
                best, best_score = (start, end), score
    if best is None:
        return None
    inner = TextAlignment(old_passage, new_view[best[0] : best[1]]).corresponding_span(
        passage.start - window[0], passage.end - window[0]
    )
    if inner is None:
        return None
    return _near_match_at(alignment.new_text, best[0] + inner[0], best[0] + inner[1], passage.quote)


def near_match(alignment: TextAlignment, passage) -> NearMatch | None:
    """The best passage of the new text that may say what the vanished quote said: what
    the diff put in its place, or a similar sentence elsewhere. Only offered, never
    applied."""
    candidates = []
    if _holds(alignment.old_text, passage):
        span = alignment.corresponding_span(passage.start, passage.end)
        if span is not None:
            candidates.append(_near_match_at(alignment.new_text, *span, passage.quote))
    candidates.append(_reworded_elsewhere(alignment, passage))
    candidates = [c for c in candidates if c is not None]
    return max(candidates, key=lambda c: c.score, default=None)


def _closest_by_context(
    new_text: MatchingText, occurrences, quote, old_prefix, old_suffix
) -> NearMatch:
    def score(start):
        prefix, suffix = new_text.context_at(start, start + len(quote))
        return similarity(old_prefix + "\n" + old_suffix, prefix + "\n" + suffix)

    start = max(occurrences, key=score)
    prefix, suffix = new_text.context_at(start, start + len(quote))
    return NearMatch(quote, start, start + len(quote), prefix, suffix, round(score(start), 3))


def reanchor(
    old_text: str, new_text: str, passage: CitedPassage, alignment: TextAlignment | None = None
) -> Reanchored:
    """Re-check one cited passage of ``old_text`` against ``new_text`` (rules above);
    ``alignment``, when given, is that of these two texts."""
    alignment = alignment or TextAlignment(old_text, new_text)
    new = alignment.new_text
    quote = passage.quote
    occurrences = new.find_occurrences(quote)
    if not occurrences:
        return Reanchored(ORPHANED, suggestion=near_match(alignment, passage))
    old_prefix, old_suffix = _old_context(alignment.old_text, passage)
    count = len(occurrences)

    same = None
    if _holds(alignment.old_text, passage):
        same = alignment.same_span(passage.start, passage.end)
    if same is not None and same[0] in occurrences and same[1] - same[0] == len(quote):
        anchor = anchor_at(new, quote, same[0])
        unchanged = (anchor.prefix, anchor.suffix) == (old_prefix, old_suffix)
        return Reanchored(VERIFIED if unchanged else MOVED, anchor=anchor, occurrences=count)

    if count == 1:
        return Reanchored(MOVED, anchor=anchor_at(new, quote, occurrences[0]), occurrences=1)

    contexts = {start: new.context_at(start, start + len(quote)) for start in occurrences}
    both = [s for s, (p, x) in contexts.items() if p == old_prefix and x == old_suffix]
    either = [s for s, (p, x) in contexts.items() if p == old_prefix or x == old_suffix]
    for decided in (both, either):
        if len(decided) == 1:
            anchor = anchor_at(new, quote, decided[0])
            return Reanchored(MOVED, anchor=anchor, occurrences=count)
        if len(decided) > 1:
            break
    suggestion = _closest_by_context(new, occurrences, quote, old_prefix, old_suffix)
    return Reanchored(CHANGED, suggestion=suggestion, occurrences=count)


def reanchor_all(old_text: str, new_text: str, passages) -> list[Reanchored]:
    """``reanchor`` for many passages of the same old text (one diff for all)."""
    alignment = TextAlignment(old_text, new_text)
    return [reanchor(old_text, new_text, passage, alignment) for passage in passages]
