"""How good the suggested facts are: the extractor run over the five seed documents,
compared with the participations and events curated from them (``documents/seed/``).

The match rule:

- a curated **participation** is recalled when a participation suggestion read in a
  document it cites names the same partner and the same programme (role and dates are
  left to the curator);
- a curated **event** is recalled when an event suggestion has the same date at the same
  precision (2006 ≠ December 2006) and its sentence overlaps one of the passages the
  event cites;
- **recall** = curated participations and events recalled / all of them;
- **precision** = participation and event suggestions that match some curated record /
  all participation and event suggestions (new programmes and partners are not counted).

The seed is loaded in a transaction that is rolled back: the database is left as it was.
Curated passages are anchored afresh from the seed files in the seed texts, so what
curators did since (new versions, re-anchored citations) does not change the figures.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from documents.anchoring import MatchingText
from documents.seed_format import DOCUMENTS_FILE, record_files
from documents.seeding import SEED_DIR, SeedLoader
from periods.dates import PreciseDate
from suggestions.extraction.candidates import EVENT, PARTICIPATION
from suggestions.extraction.extractor import Extractor
from suggestions.reading import known_lexicon, read_version

TARGET_RECALL = 0.80
TARGET_PRECISION = 0.60


@dataclass
class Curated:
    label: str
    #: (document slug, start, end) of every passage it cites
    passages: list[tuple[str, int, int]]
    partner: str = ""
    programme: str = ""
    date: PreciseDate | None = None
    recalled: bool = False
    #: the documents in which a suggestion recalls it (for figures per document)
    recalled_in: set[str] = field(default_factory=set)

    def cites(self, document: str) -> bool:
        return any(slug == document for slug, _, _ in self.passages)

    def overlaps(self, document: str, start: int, end: int) -> bool:
        return any(slug == document and s < end and start < e for slug, s, e in self.passages)


@dataclass
class Score:
    curated: int = 0
    recalled: int = 0
    suggested: int = 0
    matching: int = 0

    @property
    def recall(self) -> float:
        return self.recalled / self.curated if self.curated else 1.0

    @property
    def precision(self) -> float:
        return self.matching / self.suggested if self.suggested else 1.0

    def __add__(self, other):
        return Score(
            self.curated + other.curated,
            self.recalled + other.recalled,
            self.suggested + other.suggested,
            self.matching + other.matching,
        )


@dataclass(frozen=True)
class Judged:
    """One participation or event suggestion: where it was read, how sure the rules
    were, and whether it matches a curated record."""

    document: str
    confidence: float
    matching: bool


@dataclass
class Measure:
    participations: Score = field(default_factory=Score)
    events: Score = field(default_factory=Score)
    documents: int = 0
    #: curated records no suggestion recalls, and suggestions that match nothing
    missed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    #: every participation and event suggestion, judged, and every curated record: the
    #: figures per document and per confidence band (``suggestions.breakdown``)
    judged: list[Judged] = field(default_factory=list)
    records: list[Curated] = field(default_factory=list)
    #: the documents measured, in the order they were read
    slugs: list[str] = field(default_factory=list)

    @property
    def overall(self) -> Score:
        return self.participations + self.events

    @property
    def meets_targets(self) -> bool:
        overall = self.overall
        return overall.recall >= TARGET_RECALL and overall.precision >= TARGET_PRECISION


def _passages(texts, spec, default_document) -> list[tuple[str, int, int]]:
    passages = []
    for citation in spec.get("citations") or []:
        slug = citation.get("document") or default_document
        anchor = texts[slug].anchor_quote(
            citation["quote"],
            citation.get("prefix") or "",
            citation.get("suffix") or "",
        )
        passages.append((slug, anchor.start, anchor.end))
    return passages


def curated_records(loader: SeedLoader):
    """The participations and events of the seed files, with the passages they cite."""
    participations, events = [], []
    texts = {slug: MatchingText(version.text) for slug, version in loader.versions.items()}
    for _name, data in record_files(loader.directory):
        default_document = data.get("document")
        for spec in data.get("participations") or []:
            participations.append(
                Curated(
                    f"{spec['partner']} in {spec['programme']} ({spec['role']})",
                    _passages(texts, spec, default_document),
                    partner=spec["partner"],
                    programme=spec["programme"],
                )
            )
        for spec in data.get("events") or []:
            events.append(
                Curated(
                    spec["slug"],
                    _passages(texts, spec, default_document),
                    date=PreciseDate.parse(spec["date"]),
                )
            )
    return participations, events


def _describe(document, candidate) -> str:
    date = f" {candidate.date.isoformat()}" if candidate.date else ""
    what = (
        f"{candidate.partner} in {candidate.programme}"
        if candidate.kind == PARTICIPATION
        else f"{candidate.partner or candidate.programme}"
    )
    return f"{document}: {candidate.kind} {what}{date} « {candidate.quote[:90]} »"


def measure(loader: SeedLoader) -> Measure:
    """Run the extractor, fed with the seed's partners and programmes, over the seed
    documents as loaded by ``loader``, and score it against the curated records."""
    participations, events = curated_records(loader)
    extractor = Extractor(known_lexicon(list(loader.partners), list(loader.programmes)))
    result = Measure(documents=len(loader.versions), slugs=list(loader.versions))
    for slug, version in loader.versions.items():
        for candidate in read_version(version, extractor):
            if candidate.kind == PARTICIPATION:
                matches = [
                    p
                    for p in participations
                    if p.partner == candidate.partner
                    and p.programme == candidate.programme
                    and p.cites(slug)
                ]
                score = result.participations
            elif candidate.kind == EVENT:
                date = candidate.date
                matches = [
                    e
                    for e in events
                    if e.date.first_day == date.first_day
                    and e.date.precision == date.precision
                    and e.overlaps(slug, candidate.start, candidate.end)
                ]
                score = result.events
            else:
                continue
            score.suggested += 1
            score.matching += bool(matches)
            result.judged.append(Judged(slug, candidate.confidence, bool(matches)))
            for record in matches:
                record.recalled = True
                record.recalled_in.add(slug)
            if not matches:
                result.unmatched.append(_describe(slug, candidate))
    for records, score in ((participations, result.participations), (events, result.events)):
        score.curated = len(records)
        score.recalled = sum(record.recalled for record in records)
        result.missed += [record.label for record in records if not record.recalled]
    result.records = participations + events
    return result


def measure_seed_suggestions(directory: Path = SEED_DIR) -> Measure:
    """Load the seed (rolled back afterwards) and measure the suggestions on it."""
    if not (directory / DOCUMENTS_FILE).exists():
        raise FileNotFoundError(directory / DOCUMENTS_FILE)
    with transaction.atomic():
        loader = SeedLoader(directory)
        loader.load()
        result = measure(loader)
        transaction.set_rollback(True)
    return result
