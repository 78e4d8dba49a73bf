"""Synthetic source documents for benchmarks and load tests: plain Python, no Django.

Deterministic for a given seed. Each document is a title and a few paragraphs (2 to 6 KB
by default) in French or English, written like the partnership pages of the seed corpus:
sentences that name real partners and programmes (OTAN/NATO, Partenariat pour la paix
(PPP)/Partnership for Peace (PfP), Bélarus/Belarus…), dates, fields of cooperation, and
filler words drawn from a Zipf-like vocabulary, so that some words occur in most documents
and others in a handful — a search meets both.

    from synthetic.prose import generate
    for document in generate(1000, seed=7):
        document.slug, document.title, document.language, document.text

``text`` is already normalised (one space between words, one line break between
paragraphs), as ``DocumentVersion`` stores it.

``Writer.narrative`` writes the documents of the synthetic records (``synthetic/records/``,
``manage.py generate_synthetic``): a text that states given facts in order between general
sentences. The words and sentences are in ``synthetic/phrasebook.py``.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from synthetic.grammar import capitalise
from synthetic.phrasebook import (
    DEFAULT_NAMES,
    FIELDS,
    FILLER_START,
    GENERAL,
    MONTHS,
    PARTNERS,
    PROGRAMMES,
    SYLLABLES,
    TEMPLATES,
    TITLES,
)

VOCABULARY_SIZE = 6000


@dataclass(frozen=True)
class SyntheticDocument:
    slug: str
    title: str
    language: str
    text: str


def vocabulary(language: str, size: int = VOCABULARY_SIZE, seed: int = 0) -> list[str]:
    """``size`` distinct made-up words, most frequent first (the same for a given seed)."""
    return list(_vocabulary(language, size, seed))


@lru_cache(maxsize=8)
def _vocabulary(language: str, size: int, seed: int) -> tuple[str, ...]:
    rng = random.Random(f"vocabulary-{language}-{seed}")
    words: dict[str, None] = {}
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES[language]) for _ in range(rng.randint(2, 4)))
        words.setdefault(word, None)
    return tuple(words)


class Writer:
    """Writes documents in one language; ``rng`` decides everything."""

    def __init__(self, language: str, rng: random.Random, seed: int = 0):
        self.language = language
        self.rng = rng
        self.words = _vocabulary(language, VOCABULARY_SIZE, seed)
        # Zipf: the n-th word is about n times rarer than the first.
        self.weights = list(accumulate(1 / rank for rank in range(1, len(self.words) + 1)))

    def pick(self, choices):
        return self.rng.choice(choices)

    def values(self) -> dict:
        language = self.language
        return {
            "partner": self.pick(PARTNERS[language]),
            "other": self.pick(PARTNERS[language]),
            "programme": self.pick(PROGRAMMES[language]),
            "field": self.pick(FIELDS[language]),
            "year": self.rng.randint(1992, 2024),
            "month": self.pick(MONTHS[language]),
        }

    def fact(self) -> str:
        sentence = self.pick(TEMPLATES[self.language]).format(**self.values())
        return sentence[0].upper() + sentence[1:]

    def filler(self) -> str:
        count = self.rng.randint(8, 22)
        words = self.rng.choices(self.words, cum_weights=self.weights, k=count)
        return f"{FILLER_START[self.language]} {' '.join(words)}."

    def paragraph(self, length: int) -> str:
        sentences, size = [], 0
        while size < length:
            sentence = self.fact() if self.rng.random() < 0.6 else self.filler()
            sentences.append(sentence)
            size += len(sentence) + 1
        return " ".join(sentences)

    def title(self) -> str:
        title = self.pick(TITLES[self.language]).format(**self.values())
        return title[0].upper() + title[1:]

    def text(self, length: int) -> str:
        paragraphs, size = [], 0
        while size < length:
            paragraph = self.paragraph(self.rng.randint(300, 1100))
            paragraphs.append(paragraph)
            size += len(paragraph) + 1
        return "\n".join(paragraphs)

    def general(self, names: dict[str, str]) -> str:
        """A sentence about the relationship that states no fact of its own."""
        if self.rng.random() < 0.1:
            return self.filler()
        return capitalise(self.pick(GENERAL[self.language]).format(**names))

    def narrative(
        self,
        facts: list[str],
        length: int,
        heading: tuple[str, ...] = (),
        names: dict[str, str] | None = None,
    ) -> str:
        """A text of about ``length`` characters, rarely more (unless ``facts`` need it),
        under the lines of ``heading``: the sentences of ``facts`` in their order, with general
        sentences about the relationship of ``names["subject"]`` and ``names["counterpart"]``
        (as they read within a sentence) between them, in paragraphs and bulleted lists."""
        names = {**DEFAULT_NAMES[self.language], **(names or {})}
        size = sum(len(line) + 1 for line in (*heading, *facts))
        general = []
        while size < length:
            sentence = self.general(names)
            if size + len(sentence) + 1 > length:
                break
            general.append(sentence)
            size += len(sentence) + 1
        # After which fact each general sentence comes: never before the first.
        after: dict[int, list[str]] = {}
        for sentence in general:
            after.setdefault(self.rng.randint(1, len(facts)) if facts else 0, []).append(sentence)
        sentences = list(after.get(0, []))
        for number, fact in enumerate(facts, start=1):
            sentences += [fact, *after.get(number, [])]
        lines = list(heading)
        while sentences:
            count = self.rng.randint(2, 5)
            chunk, sentences = sentences[:count], sentences[count:]
            if len(chunk) > 1 and self.rng.random() < 0.25:
                lines += [f"• {sentence}" for sentence in chunk]
            else:
                lines.append(" ".join(chunk))
        return "\n".join(lines)


def generate(
    count: int,
    seed: int = 0,
    languages: tuple[str, ...] = ("fr", "en"),
    min_chars: int = 2000,
    max_chars: int = 6000,
    slug_prefix: str = "synthetic",
) -> Iterator[SyntheticDocument]:
    """``count`` documents, in turn in each of ``languages``, each of ``min_chars`` to
    ``max_chars`` characters; the same seed gives the same documents."""
    rng = random.Random(seed)
    writers = {language: Writer(language, rng, seed) for language in languages}
    for n in range(count):
        writer = writers[languages[n % len(languages)]]
        yield SyntheticDocument(
            slug=f"{slug_prefix}-{n + 1}",
            title=writer.title(),
            language=writer.language,
            text=writer.text(rng.randint(min_chars, max_chars)),
        )
