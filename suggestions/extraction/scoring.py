"""How sure a candidate is, the guesses it carries (a participation's role, an event's
kind), and which candidates are kept: the surest of each."""

import re

from periods.expressions import BARE, YEAR, FoundDate
from suggestions.extraction.candidates import NEW_PARTNER, NEW_PROGRAMME, PARTICIPATION, Candidate

PARTICIPATION_VERBS = re.compile(
    r"particip|membre|member|adher|join|contribu|cooper|take part|co-?presid|co-?chair"
    r"|accueil|host|beneficie|benefit"
)
# (pattern on the folded sentence, value), most specific first.
ROLES = [
    (r"co-?presid|co-?chair", "co_chair"),
    (r"cofinanc|co-financ|finance par|financed by|funded by|\bdon\b|donat|donor", "donor"),
    (r"dirige par|led by|lead nation|nation pilote", "lead_nation"),
    (r"accueil|\bhost|heberg", "host"),
    (r"organis|organiz", "organiser"),
    (r"au profit d|au benefice d|beneficie|benefici|\baide\b|\baid\b|assist", "beneficiary"),
    (r"contribu", "contributor"),
    (r"membre|member", "member"),
    (r"observat", "observer"),
]
EVENT_KINDS = [
    (r"adher|adhesion|accession|joined|devenue? membre|became a member", "accession"),
    (r"se retir|retrait|withdr", "mission_ended"),
    (r"exercice|exercise", "exercise"),
    (r"reconnu|recogni", "recognition"),
    (r"publie|publish", "publication"),
    (r"plan d'action|feuille de route|action plan|roadmap|adopt|approuv|approv", "plan_adopted"),
    (r"bureau|office|mission diplomatique|ambassade|embassy", "office_opened"),
    (r"mission", "mission_started"),
    (r"acheve|termine|cloture|completed|mene a bien", "project_completed"),
    (r"accord\b|agreement|traite|treaty|signe|signed", "agreement"),
    (r"formation|training|\bcours\b|course|stage|session", "training"),
    (r"visit", "visit"),
    (r"refugi|catastroph|disaster|crise|crisis|urgence|emergenc", "crisis_response"),
    (
        r"atelier|workshop|reunion|meeting|sommet|summit|conferen|seminaire|seminar|forum"
        r"|entretien|talks",
        "meeting",
    ),
    (r"projet|project|subvention|grant|lance|launch", "project_started"),
]


def guess(rules, folded_sentence: str, default: str) -> str:
    for pattern, value in rules:
        if re.search(pattern, folded_sentence):
            return value
    return default


def participation_confidence(
    by: str, folded_sentence: str, *, near: bool, dated: bool, alone: bool, inherited: bool
) -> float:
    """How sure a participation is: by how its programme was recognised (``by``), and
    whether its pair is named close together, the sentence says so with a verb, gives a
    date, names one partner only, or took its partners from elsewhere."""
    confidence = 0.3 + {"name": 0.2, "acronym": 0.2, "words": 0.1}.get(by, 0)
    confidence += 0.2 if near else 0
    confidence += 0.1 if PARTICIPATION_VERBS.search(folded_sentence) else 0
    confidence += 0.05 if dated else 0
    confidence += 0.05 if alone else 0
    confidence -= 0.1 if inherited else 0
    return clamp(confidence)


def event_confidence(
    date: FoundDate, *, partner_and_programme: bool, kind_guessed: bool, inherited: bool
) -> float:
    """How sure an event is: surer with a date that is not a bare year, a month or a day,
    a partner and a programme named, a kind guessed; less when taken from elsewhere."""
    confidence = 0.3
    confidence += 0.15 if date.relation != BARE else 0
    confidence += 0.1 if date.precision != YEAR else 0
    confidence += 0.15 if partner_and_programme else 0
    confidence += 0.1 if kind_guessed else 0
    confidence -= 0.1 if inherited else 0
    return clamp(confidence)


def clamp(value: float) -> float:
    return round(min(max(value, 0.05), 0.95), 2)


def best_of_each(candidates: list[Candidate]) -> list[Candidate]:
    """One participation per partner and programme, one new name per acronym: the
    surest (the first, when as sure)."""
    best = {}
    for index, candidate in enumerate(candidates):
        if candidate.kind == PARTICIPATION:
            key = (PARTICIPATION, candidate.partner, candidate.programme)
        elif candidate.kind in (NEW_PROGRAMME, NEW_PARTNER):
            key = ("name", candidate.acronym)
        else:
            key = index
        if key not in best or candidate.confidence > candidates[best[key]].confidence:
            best[key] = index
    return [candidates[index] for index in sorted(best.values())]
