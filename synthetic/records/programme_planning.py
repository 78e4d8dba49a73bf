"""Planning the programmes of a unit of synthetic records: kinds, names, parents, runners,
dates, and the sentences about them."""

from partners.models import Partner
from programmes.models import Programme
from synthetic.grammar import Name, in_full
from synthetic.phrasebook import TOPICS
from synthetic.records.dates import phrase, random_day
from synthetic.records.names import PROGRAMME_NAMES, RUN, WITH_ACRONYM, acronyms, short
from synthetic.records.partner_planning import Draft, Planner
from synthetic.records.sentences import PROGRAMME_FACTS
from synthetic.records.shape import MONTH, PROGRAMME_KINDS, PROGRAMMES, YEAR


class ProgrammePlanner(Planner):
    """The programmes of a unit, each run by one of its relationship's sides or by no one."""

    def plan_programmes(self):
        kinds = iter(self.shuffled(PROGRAMME_KINDS))
        self.block_programmes: list[list[Draft]] = []
        names: set[str] = set()
        for block, count in enumerate(PROGRAMMES):
            drafts = [self.programme(block, next(kinds), names) for _ in range(count)]
            self.block_programmes.append(drafts)
        frameworks = [d for d in self.programmes if d.record.kind == Programme.Kind.FRAMEWORK]
        for draft in self.programmes:
            if draft.record.kind != Programme.Kind.FRAMEWORK and self.rng.random() < 23 / 73:
                draft.parent = self.rng.choice(frameworks)
                draft.record.parent = draft.parent.record

    def programme(self, block: int, kind: str, names: set) -> Draft:
        subject, counterpart = self.sides[block]
        runner = None
        if kind in RUN or self.rng.random() < 0.5:
            runner = subject
            if counterpart.record.kind != Partner.Kind.STATE and self.rng.random() < 0.3:
                runner = counterpart
        state = counterpart if counterpart.record.kind == Partner.Kind.STATE else None
        state = state or next(d for d in self.others[block] if d.record.kind == Partner.Kind.STATE)
        for _attempt in range(10):
            fr, en, gender = self.rng.choice(PROGRAMME_NAMES[kind])
            topic = self.rng.choice(TOPICS)
            fr, en = in_full(
                (fr, en),
                o=short((runner or subject).name),
                c=state.name,
                city=self.city() if "{city" in fr else None,
                r=Name(self.main["O"].stem, self.main["O"].stem, article=False),
                t=topic[0],
                T=topic[1],
                word=self.places.stem(self.rng) if "{word" in fr else "",
            )
            if en not in names:
                break
        names.add(en)
        acronym_fr, acronym_en = acronyms(fr, en) if kind in WITH_ACRONYM else ("", "")
        the = not en.startswith("Operation ")  # "the PfP", but "Operation Valdor"
        name = Name(fr, en, gender, the=the, acronym_fr=acronym_fr, acronym_en=acronym_en)
        dates = {}
        if self.rng.random() < 9 / 78:  # as many dated programmes as in the seed
            precision = self.rng.choice([YEAR, MONTH])
            start = random_day(self.rng, 1992, 2018, precision)
            dates = {"start_date": start, "start_precision": precision}
            if self.rng.random() < 0.7:
                end_precision = self.rng.choice([YEAR, MONTH])
                end = random_day(self.rng, start.year + 1, start.year + 8, end_precision)
                dates |= {"end_date": end, "end_precision": end_precision}
        field = self.field_pair()
        description = (
            in_full(PROGRAMME_FACTS["run_by"], p=name, r=runner.name, field=field)
            if runner
            else in_full(PROGRAMME_FACTS["aim"], p=name, field=field)
        )
        record = Programme(
            slug=self.slug(en),
            kind=kind,
            name_fr=fr,
            name_en=en,
            acronym_fr=acronym_fr,
            acronym_en=acronym_en,
            run_by=runner.record if runner else None,
            description_fr=description[0],
            description_en=description[1],
            **dates,
            **self.published(),
        )
        draft = Draft(record, name, block, runner=runner, topic=field)
        self.programmes.append(draft)
        return draft

    def programme_fact(self, draft: Draft, key: str):
        record, values = draft.record, {"p": draft.name, "field": draft.topic}
        if record.start_date:
            values["start"] = phrase(record.start_date, record.start_precision)
        if record.end_date:
            values["end"] = phrase(record.end_date, record.end_precision)
        if draft.parent:
            values["parent"] = draft.parent.name
        if draft.runner:
            values["r"] = draft.runner.name
        claims = [(draft, "parent" if key == "parent" else "")]
        if key in ("start", "end"):
            claims += [
                (draft, name) for name in ("start", "end") if getattr(record, f"{name}_date")
            ]
        year = record.start_date.year if record.start_date else None
        self.fact(draft.block, PROGRAMME_FACTS[key], claims, year, **values).dedicated = draft
