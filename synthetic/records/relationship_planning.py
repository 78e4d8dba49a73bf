"""Planning the relationships of a unit of synthetic records: their records and the
sentences of their summaries, which open and close their documents."""

from datetime import date

from partners.models import Relationship
from synthetic.grammar import Name, in_full
from synthetic.records.dates import phrase
from synthetic.records.names import short
from synthetic.records.partner_planning import Draft, Planner
from synthetic.records.sentences import OVER_THE_YEARS, RELATIONSHIP_FACTS
from synthetic.records.shape import NO_DATE, YEAR


class RelationshipPlanner(Planner):
    """The relationship of each block, between its two sides."""

    def plan_relationship(self, block: int):
        subject, counterpart = self.sides[block]
        start = None
        if self.rng.random() < 0.5:
            start = date(self.rng.randint(1992, 2012), 1, 1)
        fields = [self.field_pair() for _ in range(3)]
        values = {
            "s": subject.name,
            "c": counterpart.name,
            "field": fields[0],
            "field2": fields[1],
            "field3": fields[2],
            "since": phrase(start, YEAR, "since") if start else OVER_THE_YEARS,
        }
        summary = [in_full(pair, **values) for pair in RELATIONSHIP_FACTS]
        title_fr = f"{short(subject.name).fr} – {short(counterpart.name).fr}"
        title_en = f"{short(subject.name).en} – {short(counterpart.name).en}"
        record = Relationship(
            slug=self.slug(f"{short(subject.name).en}-{short(counterpart.name).en}"),
            subject=subject.record,
            counterpart=counterpart.record,
            title_fr=title_fr,
            title_en=title_en,
            summary_fr=" ".join(fr for fr, _en in summary),
            summary_en=" ".join(en for _fr, en in summary),
            status=Relationship.Status.ACTIVE,
            start_date=start,
            start_precision=YEAR if start else NO_DATE,
            **self.published(),
        )
        draft = Draft(record, Name(title_fr, title_en), block, citations=len(RELATIONSHIP_FACTS))
        self.relationships.append(draft)
        sides = [(side, "") for side in (subject, counterpart) if self.home(side, block)]
        for number, pair in enumerate(RELATIONSHIP_FACTS):
            claim_field = "start" if number == 1 and start else ""
            # The summary opens and closes the document.
            year = 0 if number < 2 else 9999
            claims = [(draft, claim_field), *sides]
            self.fact(block, pair, claims, year=year, **values)
