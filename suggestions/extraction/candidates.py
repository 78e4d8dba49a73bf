"""What the extractor proposes: candidate facts, each on one sentence of the text."""

from dataclasses import dataclass

from periods.expressions import FoundDate

PARTICIPATION = "participation"
EVENT = "event"
NEW_PROGRAMME = "new_programme"
NEW_PARTNER = "new_partner"


@dataclass
class Candidate:
    """One suggested fact: a sentence of the text (``start:end``) and what it says."""

    kind: str
    start: int
    end: int
    quote: str
    partner: str = ""
    programme: str = ""
    #: every known partner the sentence names (an event's partners)
    partners: tuple[str, ...] = ()
    date: FoundDate | None = None
    role: str = ""
    event_kind: str = ""
    name: str = ""
    acronym: str = ""
    confidence: float = 0.5
    #: how the programme was recognised: "name", "acronym", "words", "reference" (to one
    #: named earlier) or "context" (the sentence before)
    evidence: str = ""
