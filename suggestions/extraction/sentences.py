"""A normalised text cut into sentences: paragraphs (a wrapped line joined back), then
sentence ends that are not abbreviations ("M. Dupont", "Oct. 2020"); bullets and pieces of
fewer than three words left out."""

import re

from suggestions.extraction.words import WORD, fold

_ABBREVIATIONS = frozenset(
    "m mm mme mlle mr mrs ms dr st sr jr no vol etc cf vs art p pp ex fig "
    "jan janv feb fev fevr mar apr avr jun jul juil aug sep sept oct nov dec".split()
)
_SENTENCE_END = re.compile(r"[.!?]+[\"»)\]]?(?=\s+[\"«(]?[A-ZÀ-ÖØ-Þ])")
_LEADING_JUNK = " \t•·*-–—|>"
_WORD_CHARACTER = re.compile(r"\w")
_LETTER = re.compile(r"[^\W\d_]")


def _last_word(text: str, start: int, end: int) -> str:
    """The letters that end ``text[start:end]``, but for spaces and punctuation after
    them ("Oct" of "… en Oct."), else "" (a number, say). Read backwards from ``end``, so
    a long sentence or a long word costs its length once, not once per full stop in it."""
    last = end - 1
    while last >= start and not _WORD_CHARACTER.match(text, last):
        last -= 1
    if last < start or not _LETTER.match(text, last):
        return ""
    first = last
    while first > start and _LETTER.match(text, first - 1):
        first -= 1
    return text[first : last + 1]


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs: a line break ends one unless the line stops without punctuation and
    the next begins in lower case (a sentence wrapped in the source)."""
    blocks, block_start, position = [], 0, 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        line_end = position + len(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        stripped = line.rstrip()
        wrapped = following[:1].islower() and stripped and stripped[-1] not in ".!?:;"
        if not wrapped:
            blocks.append((block_start, line_end))
            block_start = line_end + 1
        position = line_end + 1
    return blocks


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of a normalised text, bullets left out."""
    spans = []
    for start, end in _blocks(text):
        piece_start = start
        for match in _SENTENCE_END.finditer(text, start, end):
            before = _last_word(text, piece_start, match.start() + 1)
            if before and (
                fold(before) in _ABBREVIATIONS or (len(before) == 1 and before.isupper())
            ):
                continue  # "M. Dupont", "Oct. 2020"
            spans.append((piece_start, match.end()))
            piece_start = match.end()
        spans.append((piece_start, end))
    result = []
    for start, end in spans:
        while start < end and text[start] in _LEADING_JUNK:
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if len(WORD.findall(text[start:end])) >= 3:
            result.append((start, end))
    return result
