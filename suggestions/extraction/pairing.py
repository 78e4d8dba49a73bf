"""Participations: the partners and programmes of a sentence, paired."""

import bisect
import re
from itertools import accumulate

from periods.expressions import AT, BARE, ENDED, SINCE, UNTIL
from suggestions.extraction.candidates import PARTICIPATION, Candidate
from suggestions.extraction.lexicon import KnownNames
from suggestions.extraction.naming import Reading
from suggestions.extraction.scoring import ROLES, guess, participation_confidence
from suggestions.extraction.words import fold

#: In a sentence naming this many partners or more, a partner and a programme are paired
#: only when named close together (``near_pairs``).
CROWDED = 3


def participations(known: KnownNames, sentence, start, end, reading: Reading, dates, publisher):
    """Every partner of the sentence paired with every programme, except: the publisher
    with a programme it runs itself; a partner named only inside the programme's name;
    and, in a crowded sentence, pairs not named close together."""
    if not reading.partners or not reading.programmes:
        return []
    folded = fold(sentence)
    start_date = next((d for d in dates if d.relation in (AT, SINCE, BARE)), None)
    end_date = next((d for d in dates if d.relation in (UNTIL, ENDED)), None)
    near = near_pairs(sentence, reading)
    crowded = bool(near) and len(reading.partners) >= CROWDED
    result = []
    for programme, (by, _) in reading.programmes.items():
        runner = known.run_by.get(programme)
        for partner in reading.partners:
            if partner == publisher and runner == partner:
                continue  # the publisher's own programme
            if reading.only_inside.get(partner) == programme:
                continue  # "l'Union" in "Programme de l'Union pour la recherche"
            if crowded and (partner, programme) not in near:
                continue
            role = "organiser" if runner == partner else guess(ROLES, folded, "participant")
            result.append(
                Candidate(
                    PARTICIPATION,
                    start,
                    end,
                    sentence,
                    partner=partner,
                    programme=programme,
                    partners=tuple(reading.partners),
                    date=start_date or end_date,
                    role=role,
                    confidence=participation_confidence(
                        by,
                        folded,
                        near=(partner, programme) in near,
                        dated=bool(start_date or end_date),
                        alone=len(reading.partners) == 1,
                        inherited=reading.inherited_partners,
                    ),
                    evidence=by,
                )
            )
    return result


_CONNECTORS = re.compile(
    r"^(?:[\s,;]|\b(?:et|and|ainsi que|as well as|ou|or|de|du|des|d'|l'|la|le|les|the|of)\b)*$",
    re.IGNORECASE,
)


def _distance(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Characters between the closest places of two things named in a sentence (0 when
    two places touch or overlap). Each place of ``a`` is compared with the nearest of
    ``b`` only, found by bisection: a sentence naming a partner a thousand times costs
    thousands of steps, not millions."""
    b = sorted(b)
    starts = [start for start, _ in b]
    reach = list(accumulate((end for _, end in b), max))  # furthest end so far
    closest = None
    for start, end in a:
        before = bisect.bisect_right(starts, end)  # the places of b that start by ``end``
        if before and reach[before - 1] >= start:
            return 0
        gaps = [start - reach[before - 1]] if before else []
        if before < len(starts):
            gaps.append(starts[before] - end)
        gap = min(gaps)
        closest = gap if closest is None else min(closest, gap)
    return closest


def near_pairs(sentence: str, reading: Reading) -> set[tuple[str, str]]:
    """(partner, programme) pairs named close together: each programme with the nearest
    list of partners ("l'UE, l'ONU et …"), each partner with the nearest
    programme. The other pairs of the sentence are less sure."""
    partner_places = {p: reading.places.get(("partner", p)) for p in reading.partners}
    programme_places = {g: reading.places.get(("programme", g)) for g in reading.programmes}
    if not all(partner_places.values()) or not all(programme_places.values()):
        return set()  # taken from the sentence before: nowhere in this one
    ordered = sorted((s, e, p) for p, places in partner_places.items() for s, e in places)
    groups, last_end = [], 0
    for start, end, partner in ordered:
        if not groups or not _CONNECTORS.match(sentence[last_end:start]):
            groups.append([])
        groups[-1].append(partner)
        last_end = end
    # A group is as near a programme as the nearest of its partners.
    distance = {
        (partner, programme): _distance(places, programme_places[programme])
        for partner, places in partner_places.items()
        for programme in programme_places
    }
    pairs = set()
    for programme in programme_places:
        nearest = min(
            range(len(groups)), key=lambda i: min(distance[p, programme] for p in groups[i])
        )
        pairs.update((partner, programme) for partner in groups[nearest])
    for partner in partner_places:
        nearest = min(programme_places, key=lambda g: distance[partner, g])
        pairs.add((partner, nearest))
    return pairs
