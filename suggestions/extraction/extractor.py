"""The extractor: reads a normalised text sentence by sentence against a lexicon and
proposes participations, events and new names (see ``suggestions.extraction``)."""

import datetime

from documents.anchoring import matching_view
from periods.expressions import find_dates
from suggestions.extraction.acronyms import new_names
from suggestions.extraction.candidates import EVENT, Candidate
from suggestions.extraction.lexicon import KnownNames, Lexicon
from suggestions.extraction.naming import Reading, read
from suggestions.extraction.pairing import participations
from suggestions.extraction.references import resolve_references, take_context
from suggestions.extraction.scoring import EVENT_KINDS, best_of_each, event_confidence, guess
from suggestions.extraction.sentences import sentences
from suggestions.extraction.words import fold


class Extractor:
    """Reads texts against a lexicon; build it once, use it for many texts."""

    def __init__(self, lexicon: Lexicon):
        self.known = KnownNames(lexicon)

    def extract(
        self,
        text: str,
        *,
        publisher: str = "",
        title: str = "",
        reference_date: datetime.date | None = None,
    ) -> list[Candidate]:
        """Every suggested fact of the normalised ``text``, in text order; a
        participation is proposed once, from the sentence that says it most surely.

        ``publisher`` is the key of the partner that published the text, ``title`` the
        document's title, ``reference_date`` the date the text states (or when it was
        retrieved), which dates "octobre dernier"."""
        subjects = [p for p in read(self.known, title).partners if p != publisher] if title else []
        candidates, previous, previous_end = [], None, -1
        view = matching_view(text)
        named_before = set()
        for start, end in sentences(text):
            sentence = view[start:end]
            reading = read(self.known, sentence)
            resolve_references(self.known, sentence, reading, named_before)
            named_before.update(reading.programmes)
            if previous is not None and "\n" not in text[previous_end:start]:
                take_context(sentence, reading, previous)
            if reading.programmes and not reading.partners and subjects:
                reading.partners, reading.inherited_partners = list(subjects), True
            dates = find_dates(sentence, reference_date)
            candidates += participations(
                self.known, sentence, start, end, reading, dates, publisher
            )
            candidates += _events(sentence, start, end, reading, dates)
            candidates += new_names(self.known, sentence, start, end)
            previous, previous_end = reading, end
        return best_of_each(candidates)


def _events(sentence, start, end, reading: Reading, dates):
    """One event per date of a sentence naming a known partner or programme."""
    if not dates or not (reading.partners or reading.programmes):
        return []
    folded = fold(sentence)
    event_kind = guess(EVENT_KINDS, folded, "other")
    programme = next(iter(reading.programmes), "")
    result, seen = [], set()
    for date in dates:
        if (date.first_day, date.precision) in seen:
            continue
        seen.add((date.first_day, date.precision))
        result.append(
            Candidate(
                EVENT,
                start,
                end,
                sentence,
                partner=reading.partners[0] if reading.partners else "",
                programme=programme,
                partners=tuple(reading.partners),
                date=date,
                event_kind=event_kind,
                confidence=event_confidence(
                    date,
                    partner_and_programme=bool(reading.partners and reading.programmes),
                    kind_guessed=event_kind != "other",
                    inherited=reading.inherited_partners or reading.inherited_programmes,
                ),
                evidence=reading.programmes[programme][0] if programme else "",
            )
        )
    return result
