"""The figures of a measure (``suggestions.quality.Measure``, on the seed corpus or on the
development set) broken down per document and per band of confidence.

Per document: the curated or labelled records that cite it, those that a suggestion read
in it recalls, and the suggestions read in it that match some record. A record that cites
several documents counts in each of them, so the rows need not add up to the overall
figures (on the development set each record belongs to one page, and they do).

Per band: of the participation and event suggestions whose confidence falls in the band,
how many match some record. A higher band should be more precise; the table says whether
it is, nothing is adjusted to make it so.
"""

from dataclasses import dataclass

from suggestions.quality import Measure, Score

#: The bands' lower bounds; each band runs up to the next bound, excluded, the last to 1.
BAND_BOUNDS = (0.0, 0.5, 0.7, 0.9)


@dataclass(frozen=True)
class Band:
    low: float
    high: float | None  # None: up to 1, included
    suggested: int = 0
    matching: int = 0

    @property
    def label(self) -> str:
        if self.low == 0:
            return f"< {self.high:g}"
        if self.high is None:
            return f">= {self.low:g}"
        return f"{self.low:g}–{self.high:g}"

    @property
    def precision(self) -> float | None:
        return self.matching / self.suggested if self.suggested else None

    def holds(self, confidence: float) -> bool:
        return self.low <= confidence and (self.high is None or confidence < self.high)


def per_document(measure: Measure) -> list[tuple[str, Score]]:
    """(document slug, its recall and precision) for every document measured."""
    rows = []
    for slug in measure.slugs:
        records = [record for record in measure.records if record.cites(slug)]
        judged = [judged for judged in measure.judged if judged.document == slug]
        rows.append(
            (
                slug,
                Score(
                    curated=len(records),
                    recalled=sum(slug in record.recalled_in for record in records),
                    suggested=len(judged),
                    matching=sum(judged.matching for judged in judged),
                ),
            )
        )
    return rows


def per_band(measure: Measure) -> list[Band]:
    """The suggestions and those matching, in each band of confidence."""
    highs = (*BAND_BOUNDS[1:], None)
    bands = []
    for low, high in zip(BAND_BOUNDS, highs, strict=True):
        band = Band(low, high)
        inside = [judged for judged in measure.judged if band.holds(judged.confidence)]
        bands.append(Band(low, high, len(inside), sum(judged.matching for judged in inside)))
    return bands


def not_more_precise(bands: list[Band]) -> list[tuple[Band, Band]]:
    """(lower band, higher band) for every higher band, holding suggestions, that is not
    more precise than the nearest lower band holding some."""
    filled = [band for band in bands if band.suggested]
    return [
        (lower, higher)
        for lower, higher in zip(filled, filled[1:], strict=False)
        if higher.precision <= lower.precision
    ]
