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
            before = re.search(r"([^\W\d_]+)\W*$", text[piece_start : match.start() + 1])
            if before and (
                fold(before.group(1)) in _ABBREVIATIONS
                or (len(before.group(1)) == 1 and before.group(1).isupper())
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
