"""A document's text as published: its typography and its blocks (headings, paragraphs,
list items), with the citations' offsets — which count characters of the normalised text —
carried over to it.

Plain functions with no Django imports. ``offset_map`` rebuilds the normalisation of
``documents/anchoring.py`` step by step on the published text, noting where each normalised
character comes from; when the rebuilt text is not the stored one exactly (the published
text is not the one the version was made from), there is no map and the page shows the
normalised text, as it always could. ``blocks`` cuts the published text at its blank lines,
bullets and headings; nothing of the text is dropped but the bullets and the indentation.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from documents.anchoring import _CANONICAL

_RUN = re.compile(r"(\s+)|(\S+)")
#: A list item's mark at the start of a line: a bullet, a dash or an asterisk and a space.
_BULLET = re.compile(r"[^\S\n]*(?:[•·▪‣◦●○■□–—*-])[^\S\n]+")
#: Where a heading may not end: a sentence, a clause or a quotation goes on or has ended.
_SENTENCE_MARK = re.compile(r"[.:;,!?…]$")
_BLANK_LINE = re.compile(r"(\n(?:[^\S\n]*\n)+)")
#: A heading is one short line.
MAX_HEADING_CHARACTERS = 90
MAX_HEADING_WORDS = 12


def published_form(text: str) -> str:
    """The published text as it is mapped and shown: composed (NFC) and with one kind of
    line break, which changes nothing a reader sees."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_block_a_line(text: str) -> str:
    """A text whose every line is a block (the main text extracted from an HTML page: a
    heading, a paragraph or a list item a line), written with a blank line between blocks
    as ``blocks`` reads them. Its normalisation is the same text's."""
    return text.replace("\n", "\n\n")


def offset_map(published: str, normalised: str) -> list[int] | None:
    """For each character of ``normalised``, the index in ``published`` (as returned by
    ``published_form``) of the character it comes from — for a run of spaces, the run's
    first — and one more entry, the end. ``None`` when ``normalised`` is not the
    normalisation of ``published``."""
    out: list[str] = []
    origins: list[int] = []
    space = None  # (where, holds a line break) of the run of spaces before the next word
    for match in _RUN.finditer(published):
        start = match.start()
        if match.group(1):
            breaks = "\n" in match.group(1)
            space = (start, breaks) if space is None else (space[0], space[1] or breaks)
            continue
        word = match.group(2)
        canonical = word.translate(_CANONICAL)
        if not canonical:  # only invisible characters: the spaces around them are one run
            continue
        # A run of spaces is one space, one holding a line break one line break; a run at
        # either end of the text is dropped (``str.strip``).
        if space is not None and origins:
            out.append("\n" if space[1] else " ")
            origins.append(space[0])
        space = None
        out.append(canonical)
        if len(canonical) == len(word):
            origins.extend(range(start, start + len(word)))
        else:  # a soft hyphen dropped from the word
            origins.extend(start + i for i, c in enumerate(word) if c.translate(_CANONICAL))
    if "".join(out) != normalised:
        return None
    origins.append(origins[-1] + 1 if origins else 0)
    return origins


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph or a list item: ``start:end`` in the published text, without
    the bullet or the indentation."""

    kind: str  # "heading", "paragraph" or "item"
    start: int
    end: int


def _is_heading(line: str) -> bool:
    line = line.strip()
    return (
        len(line) <= MAX_HEADING_CHARACTERS
        and len(line.split()) <= MAX_HEADING_WORDS
        and not _SENTENCE_MARK.search(line)
        and any(character.isalpha() for character in line)
    )


def blocks(published: str) -> list[Block]:
    """The blocks of ``published``: groups of lines between blank lines; a line opening
    with a bullet starts a list item, which the lines after it continue up to the next
    bullet or blank line; a group of one short line that ends no sentence is a heading."""
    found: list[Block] = []
    position = 0
    for number, group in enumerate(_BLANK_LINE.split(published)):
        group_start, position = position, position + len(group)
        if number % 2 or not group.strip():  # a blank line, or only spaces
            continue
        lines = group.split("\n")
        if len(lines) == 1 and not _BULLET.match(group) and _is_heading(group):
            found.append(_trimmed("heading", published, group_start, position))
            continue
        kind, start, end = None, group_start, group_start
        line_start = group_start
        for line in lines:
            line_end = line_start + len(line)
            bullet = _BULLET.match(line)
            if bullet or kind is None:
                if kind is not None:
                    found.append(_trimmed(kind, published, start, end))
                kind = "item" if bullet else "paragraph"
                start = line_start + (bullet.end() if bullet else 0)
            end = line_end
            line_start = line_end + 1
        found.append(_trimmed(kind, published, start, end))
    return [block for block in found if block.end > block.start]


def _trimmed(kind: str, text: str, start: int, end: int) -> Block:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Block(kind, start, end)


@dataclass
class Piece:
    """A run of a block's text, covered by the same spans (``citations``) all along;
    ``anchors`` are the spans whose first visible piece this is."""

    text: str
    citations: list
    anchors: list
    start: int  # in the published text

    @property
    def is_former(self) -> bool:
        """Only spans the version showed once, which stand elsewhere now."""
        return all(getattr(span, "is_former", False) for span in self.citations)


@dataclass
class TypesetBlock:
    """A heading or a paragraph (its ``pieces``), or a list: consecutive items, each its
    own pieces (``items``)."""

    kind: str  # "heading", "paragraph" or "list"
    pieces: list[Piece] = field(default_factory=list)
    items: list[list[Piece]] = field(default_factory=list)


def typeset(published: str, normalised: str, spans) -> list[TypesetBlock] | None:
    """The blocks of the published text cut into pieces at the edges of ``spans`` (objects
    with ``start`` and ``end`` offsets in ``normalised``, such as citations). ``None`` when
    ``normalised`` is not the normalisation of ``published``."""
    published = published_form(published)
    origins = offset_map(published, normalised)
    if origins is None:
        return None
    edges = {
        id(span): (origins[span.start], origins[span.end - 1] + 1 if span.end > span.start else 0)
        for span in spans
    }
    anchored: set[int] = set()
    typeset_blocks = []
    for block in blocks(published):
        cuts = {block.start, block.end}
        for start, end in edges.values():
            cuts.update(cut for cut in (start, end) if block.start < cut < block.end)
        cuts = sorted(cuts)
        pieces = []
        for start, end in zip(cuts, cuts[1:], strict=False):
            covering = [s for s in spans if edges[id(s)][0] <= start and end <= edges[id(s)][1]]
            anchors = [s for s in covering if id(s) not in anchored]
            anchored.update(id(s) for s in anchors)
            pieces.append(Piece(published[start:end], covering, anchors, start))
        if block.kind != "item":
            typeset_blocks.append(TypesetBlock(block.kind, pieces))
        elif typeset_blocks and typeset_blocks[-1].kind == "list":
            typeset_blocks[-1].items.append(pieces)
        else:
            typeset_blocks.append(TypesetBlock("list", items=[pieces]))
    # A span that only covers what is not shown (a bullet) is anchored where the text goes on.
    shown = [piece for block in typeset_blocks for piece in all_pieces(block)]
    for span in spans:
        if id(span) not in anchored and shown:
            start = edges[id(span)][0]
            next((piece for piece in shown if piece.start >= start), shown[-1]).anchors.append(span)
    return typeset_blocks


def all_pieces(block: TypesetBlock) -> list[Piece]:
    return block.pieces + [piece for item in block.items for piece in item]
