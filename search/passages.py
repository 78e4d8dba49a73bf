"""Cutting a document's text into the passages search returns: plain functions, no Django."""

import re

MAX_PASSAGE = 1200  # characters: a long paragraph is cut at sentence ends near this length
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def passage_spans(text: str, max_length: int = MAX_PASSAGE) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the passages of ``text``: its paragraphs (one per line of
    the normalised text), long ones cut between sentences; blank lines give none."""
    spans = []
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        start += len(line) - len(line.lstrip())
        end -= len(line) - len(line.rstrip())
        spans.extend(_cut_long(text, start, end, max_length))
    return spans


def _cut_long(text: str, start: int, end: int, max_length: int) -> list[tuple[int, int]]:
    spans = []
    while end - start > max_length:
        cut = None
        for match in SENTENCE_END.finditer(text, start, start + max_length):
            cut = match
        if cut is None or cut.start() <= start:
            break  # one very long sentence: kept whole rather than cut mid-word
        spans.append((start, cut.start()))
        start = cut.end()
    spans.append((start, end))
    return spans
