"""Planning the participations of a unit of synthetic records: partners in programmes, in
a role and a status, and the sentences that state them, alone or several together."""

from programmes.models import Participation
from synthetic.grammar import in_full
from synthetic.records.dates import phrase, random_day
from synthetic.records.partner_planning import Draft, Planner
from synthetic.records.sentences import (
    PARTICIPATION_ALLY,
    PARTICIPATION_CHANGING,
    PARTICIPATION_NOTE,
    PARTICIPATION_PLANNED,
    PARTICIPATION_TAIL,
    ROLE_VERBS,
)
from synthetic.records.shape import (
    NO_DATE,
    PARTICIPATION_ENDS,
    PARTICIPATION_STARTS,
    PARTICIPATIONS,
    ROLES,
    STATUSES,
)


class ParticipationPlanner(Planner):
    """The participations of a unit, in the seed's shares of roles, statuses and dates."""

    def plan_participations(self):
        planned = []
        for block, (of_counterpart, of_subject, of_others) in enumerate(PARTICIPATIONS):
            subject, counterpart = self.sides[block]
            others = self.shuffled(self.others[block])
            partners = [counterpart] * of_counterpart + [subject] * of_subject
            partners += [others[n % len(others)] for n in range(of_others)]
            used: dict[int, set] = {}
            for partner in partners:
                taken = used.setdefault(id(partner), set())
                free = [p for p in self.block_programmes[block] if id(p) not in taken]
                programme = self.rng.choice(free)
                taken.add(id(programme))
                planned.append((block, partner, programme))
        roles = self.shuffled(ROLES)
        statuses = self.shuffled(STATUSES)
        starts = self.shuffled(PARTICIPATION_STARTS)
        # Planned and changing participations state no start: swap theirs with an undated one.
        for index, status in enumerate(statuses):
            if status in ("planned", "in_transition") and starts[index]:
                undated = next(i for i, s in enumerate(starts) if not s and statuses[i] == "active")
                starts[index], starts[undated] = starts[undated], starts[index]
        ends = iter(self.shuffled(PARTICIPATION_ENDS))
        # Undated ones of a partner in one role are stated together, as pages do: "Serbia
        # takes part in the PfP, the EAPC and the SPS Programme."
        together: dict[tuple, list] = {}
        for index, (block, partner, programme) in enumerate(planned):
            simple = self.participation(
                block, partner, programme, roles[index], statuses[index], starts[index],
                next(ends) if statuses[index] == "ended" else NO_DATE,
            )  # fmt: skip
            if simple:
                together.setdefault((block, id(partner), roles[index]), []).append(simple)
        for (block, _partner, role), simple in together.items():
            while simple:
                count = min(len(simple), self.rng.choice((2, 3, 3, 4)))
                self.participations_fact(block, role, simple[:count])
                simple = simple[count:]

    def participations_fact(self, block: int, role: str, simple: list):
        """One sentence stating several participations of a partner in one role."""
        present, present_en = ROLE_VERBS[role][0], ROLE_VERBS[role][2]
        values = dict(simple[0][1])
        claims = []
        if len(simple) > 1:
            form = present.rsplit(".", 1)[1].rstrip("}")
            names = [f"{{p{n}.{form}}}" for n in range(len(simple))]
            present = present.replace(f"{{p.{form}}}", ", ".join(names[:-1]) + " et " + names[-1])
            names = [f"{{p{n}.the}}" for n in range(len(simple))]
            together = ", ".join(names[:-1]) + " and " + names[-1]
            present_en = present_en.replace("{p.the}", together)
        for number, (_draft, single, own_claims, _partners) in enumerate(simple):
            values[f"p{number}"] = single["p"]
            claims += own_claims
        claims += simple[0][3]
        pair = (f"{{x.le}} {present}.", f"{{x.the}} {present_en}.")
        fact = self.fact(block, pair, claims, **values)
        for draft, single, own_claims, _partners in simple:
            draft.more = (single, own_claims, fact)

    def participation(self, block, partner, programme, role, status, start_precision,
                      end_precision):  # fmt: skip
        start = random_day(self.rng, 1992, 2022, start_precision) if start_precision else None
        end = None
        if end_precision:
            first = start.year + 1 if start else 1995
            end = random_day(self.rng, first, min(2024, first + 9), end_precision)
        field = self.field_pair()
        chance = self.rng.random()
        tail, ally = chance < 0.15, None
        if 0.15 <= chance < 0.35 and len(self.others[block]) > 1:
            ally = self.least_mentioned(block, besides=partner)
        note = in_full(PARTICIPATION_NOTE, field=field)
        record = Participation(
            partner=partner.record,
            programme=programme.record,
            role=role,
            status=status,
            start_date=start,
            start_precision=start_precision if start else NO_DATE,
            end_date=end,
            end_precision=end_precision if end else NO_DATE,
            note_fr=note[0] if tail else "",
            note_en=note[1] if tail else "",
            **self.published(),
        )
        draft = Draft(record, programme.name, block)
        self.participations.append(draft)
        self.taking_part[block, id(partner), id(programme)] = draft
        present, past, present_en, perfect_en, past_en = ROLE_VERBS[role]
        values = {
            "x": partner.name,
            "p": programme.name,
            "field": field,
            "tail": "",
        }
        if tail:
            values["tail"] = in_full(PARTICIPATION_TAIL, field=field)
        elif ally:
            self.mentions[id(ally)] += 1
            values["tail"] = in_full(PARTICIPATION_ALLY, y=ally.name)
        if status == "planned":
            pair = PARTICIPATION_PLANNED
        elif status == "in_transition":
            pair = PARTICIPATION_CHANGING
        elif end and start:
            values["start"], values["end"] = (
                phrase(start, start_precision, "bare"),
                phrase(end, end_precision, "bare"),
            )
            pair = (f"De {{start}} à {{end}}, {{x.le}} {past}{{tail}}.",
                    f"From {{start}} to {{end}}, {{x.the}} {past_en}{{tail}}.")  # fmt: skip
        elif end:
            values["end"] = phrase(end, end_precision, "until")
            pair = (f"{{end}}, {{x.le}} {past}{{tail}}.", f"{{end}}, {{x.the}} {past_en}{{tail}}.")
        elif start:
            values["since"] = phrase(start, start_precision, "since")
            pair = (f"{{since}}, {{x.le}} {present}{{tail}}.",
                    f"{{since}}, {{x.the}} {perfect_en}{{tail}}.")  # fmt: skip
        else:
            pair = (f"{{x.le}} {present}{{tail}}.", f"{{x.the}} {present_en}{{tail}}.")
        claims = [(draft, ""), (programme, "")]
        partners = [(p, "") for p in (partner, ally) if p and self.home(p, block)]
        year = (start or end).year if (start or end) else None
        if status == "active" and not (start or end or tail or ally):
            return draft, values, claims, partners
        # A sentence that gives a date supports it too, as a citation of its own (as in the
        # seed): "depuis 2006, année où la Serbie a adhéré au PPP" for the start.
        dates = [(draft, name) for name, day in (("start", start), ("end", end)) if day]
        fact = self.fact(block, pair, claims + dates + partners, year, **values)
        draft.more = (values, claims, fact)
        return None
