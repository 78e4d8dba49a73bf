"""Planning the events of a unit of synthetic records: kinds, dates at every precision,
places, figures, and the sentence that states each."""

from datetime import timedelta

from partners.models import Event
from synthetic.grammar import Name, in_full
from synthetic.records.dates import figures, phrase, quantity, random_day, span_phrase
from synthetic.records.partner_planning import Draft, Planner
from synthetic.records.sentences import (
    EVENT_FIGURES,
    EVENT_PROGRAMMES,
    EVENT_TEMPLATES,
    WITH_PLACE,
    WITH_PROGRAMME,
)
from synthetic.records.shape import (
    DAY,
    EVENT_KINDS,
    EVENT_PRECISIONS,
    EVENTS,
    FIGURES_PER_UNIT,
    MONTH,
    NO_DATE,
    SLUG_PREFIX,
    YEAR,
)


class EventPlanner(Planner):
    """The events of a unit, in the seed's shares of kinds and date precisions."""

    def plan_events(self):
        kinds = iter(self.shuffled(EVENT_KINDS))
        precisions = iter(self.shuffled(EVENT_PRECISIONS))
        planned = []
        for block, count in enumerate(EVENTS):
            for _ in range(count):
                planned.append((block, next(kinds), next(precisions)))
        # The figures go to the events that most often have one, as in the seed.
        priority = list(EVENT_FIGURES)
        ranked = sorted(
            (i for i, plan in enumerate(planned) if plan[1] in EVENT_FIGURES),
            key=lambda i: (priority.index(planned[i][1]), i),
        )
        with_figure = set(ranked[:FIGURES_PER_UNIT])
        for index, (block, kind, precision) in enumerate(planned):
            self.event(block, kind, precision, index in with_figure)

    def event(self, block: int, kind: str, precision: str, figure: bool):
        subject, counterpart = self.sides[block]
        relationship = self.relationships[block]
        day = random_day(self.rng, 1992, 2024, precision)
        end = None
        if precision == DAY and self.rng.random() < 2 / 3:
            end = day + timedelta(days=self.rng.randint(1, 3))
            end = end if end.month == day.month else None
        programme = None
        if kind in WITH_PROGRAMME:
            candidates = self.block_programmes[block]
            preferred = [p for p in candidates if p.record.kind in EVENT_PROGRAMMES.get(kind, ())]
            programme = self.rng.choice(preferred or candidates)
        templates = EVENT_TEMPLATES[kind]
        values = {
            "s": subject.name,
            "c": counterpart.name,
            "p": programme.name if programme else None,
            "date": span_phrase(day, end) if end else phrase(day, precision),
            "field": self.field_pair(),
            "figure": "",
        }
        involved = [subject, counterpart]
        if "{x" in templates[2]:
            values["x"] = self.least_mentioned(block)
            self.mentions[id(values["x"])] += 1
            involved.append(values["x"])
            values["x"] = values["x"].name
        place = self.city() if kind in WITH_PLACE else None
        values["place"] = place
        quantity_value, unit = None, ("", "")
        if figure:
            clause_fr, clause_en, unit_fr, unit_en, low, high = self.rng.choice(EVENT_FIGURES[kind])
            quantity_value = quantity(self.rng, low, high)
            fr_number, en_number = figures(quantity_value)
            values["figure"] = (clause_fr.format(n=fr_number), clause_en.format(n=en_number))
            unit = (unit_fr, unit_en)
        title = in_full(templates[:2], **values)
        description = in_full(templates[2:], **values)
        at = {YEAR: f"{day:%Y}", MONTH: f"{day:%Y-%m}"}.get(precision, day.isoformat())
        slug_text = f"{relationship.record.slug[len(SLUG_PREFIX) :]}-{at}-{kind}"
        record = Event(
            slug=self.slug(slug_text, max_length=150),
            relationship=relationship.record,
            kind=kind,
            title_fr=title[0],
            title_en=title[1],
            description_fr=description[0],
            description_en=description[1],
            start_date=day,
            start_precision=precision,
            end_date=end,
            end_precision=DAY if end else NO_DATE,
            place_fr=place.fr if place else "",
            place_en=place.en if place else "",
            programme=programme.record if programme else None,
            figure_quantity=quantity_value,
            figure_unit_fr=unit[0],
            figure_unit_en=unit[1],
            **self.published(),
        )
        draft = Draft(record, Name(title[0], title[1]), block)
        self.events.append(draft)
        self.event_partners += [(record, partner.record) for partner in involved]
        claims = [(draft, ""), (draft, "figure" if figure else "date")]
        claims += [(p, "") for p in (*involved, programme) if p and self.home(p, block)]
        if kind in ("accession", "plan_adopted"):
            # "Serbia joined the PfP in 2006" supports the participation too.
            joined = self.taking_part.get((block, id(counterpart), id(programme)))
            claims += [(joined, "")] if joined else []
        self.fact(block, templates[2:], claims, year=day.year, **values)
