"""Planning one unit of synthetic records in memory: unsaved model instances and the
sentences of their documents, in which every citation is found."""

from collections import Counter
from datetime import date, timedelta

from django.utils.text import slugify

from documents.anchoring import matching_view, normalise
from documents.models import DocumentVersion, SourceDocument
from documents.synthetic import TOPICS, Name, Speaker, Writer
from documents.synthetic_records.partner_planning import Draft, Planner
from documents.synthetic_records.shape import (
    CITATIONS,
    DAY,
    DOCUMENT_KINDS,
    EVENT_KINDS,
    EVENT_PRECISIONS,
    EVENTS,
    FIGURES_PER_UNIT,
    MONTH,
    NO_DATE,
    PARTICIPATION_ENDS,
    PARTICIPATION_STARTS,
    PARTICIPATIONS,
    PROGRAMME_KINDS,
    PROGRAMMES,
    RELATIONSHIPS,
    ROLES,
    SLUG_PREFIX,
    STATUSES,
    YEAR,
)
from documents.synthetic_records.wording import (
    EVENT_FIGURES,
    EVENT_PROGRAMMES,
    EVENT_TEMPLATES,
    OVER_THE_YEARS,
    PARTICIPATION_ALLY,
    PARTICIPATION_CHANGING,
    PARTICIPATION_MORE,
    PARTICIPATION_NOTE,
    PARTICIPATION_PLANNED,
    PARTICIPATION_TAIL,
    PARTNER_FACTS,
    PROGRAMME_FACTS,
    PROGRAMME_NAMES,
    RELATIONSHIP_FACTS,
    ROLE_VERBS,
    RUN,
    UPDATE_MONTHS,
    WITH_ACRONYM,
    WITH_PLACE,
    WITH_PROGRAMME,
    Fact,
    acronyms,
    figures,
    in_full,
    phrase,
    quantity,
    random_day,
    short,
    span_phrase,
)
from partners.models import Event, Partner, Relationship
from programmes.models import Participation, Programme


class Unit(Planner):
    """One unit of synthetic records: as many of each kind as the seed corpus, in five
    relationships with a document each."""

    def build(self) -> "Unit":
        self.plan_partners()
        self.plan_programmes()
        for block in range(len(RELATIONSHIPS)):
            self.plan_relationship(block)
        self.plan_participations()
        self.plan_events()
        self.complete_facts()
        for block in range(len(RELATIONSHIPS)):
            self.write_document(block)
        return self

    # Programmes ------------------------------------------------------------------------

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

    # Relationships ---------------------------------------------------------------------

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

    # Participations --------------------------------------------------------------------

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

    # Events ----------------------------------------------------------------------------

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

    def least_mentioned(self, block: int, besides: Draft | None = None) -> Draft:
        others = [draft for draft in self.others[block] if draft is not besides]
        return min(others, key=lambda draft: self.mentions[id(draft)])

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

    # Facts enough for every claim's citations -------------------------------------------

    def complete_facts(self):
        """Give the claims their citations, as many of each kind as the seed has: two to the
        claims the documents name most often (a sentence giving a date counts twice: it
        supports the date too), one to the others; then a sentence more about each claim
        named less often than it has citations."""
        for draft in self.programmes:
            if draft.record.start_date:
                self.programme_fact(draft, "end" if draft.record.end_date else "start")
        named = Counter(
            id(claim) for facts in self.facts for fact in facts for claim, _field in fact.claims
        )
        for kind, drafts in (
            ("partners", self.partners),
            ("programmes", self.programmes),
            ("participations", self.participations),
            ("events", self.events),
        ):
            ranked = sorted(self.shuffled(drafts), key=lambda draft: -named[id(draft)])
            for draft, count in zip(ranked, sorted(CITATIONS[kind], reverse=True), strict=True):
                draft.citations = count
        for draft in self.partners:
            subject, counterpart = self.sides[draft.block]
            side = counterpart if draft is subject else subject
            for pair in PARTNER_FACTS[: max(0, draft.citations - named[id(draft)])]:
                values = {"x": draft.name, "s": side.name, "field": self.field_pair()}
                self.fact(draft.block, pair, [(draft, "")], **values).dedicated = draft
        for draft in self.programmes:
            optional = ["parent"] if draft.parent else []
            optional += ["run_by" if draft.runner else "aim", "more"]
            for key in optional[: max(0, draft.citations - named[id(draft)])]:
                self.programme_fact(draft, key)
        for draft in self.participations:
            if draft.citations > named[id(draft)]:
                values, claims, first = draft.more
                pair = self.rng.choice(PARTICIPATION_MORE)
                self.fact(draft.block, pair, claims, after=first, **values).dedicated = draft

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

    # Documents -------------------------------------------------------------------------

    def write_document(self, block: int):
        subject, counterpart = self.sides[block]
        language = "fr" if self.rng.random() < 0.8 else "en"
        kind = DOCUMENT_KINDS[block]
        publisher = self.others[4][0] if block == 4 else subject  # the embassy, as in the seed
        field = self.field_pair()
        titles = {
            "topic_page": ("Relations avec {c.le}", "Relations with {c.the}"),
            "news_item": (
                "{s.le} et {c.le} renforcent leur coopération dans le domaine de {field}",
                "{s.the} and {c.the} strengthen their cooperation in {field}",
            ),
            "web_page": ("Coopération avec {c.le} en matière de sécurité",
                         "Security cooperation with {c.the}"),
        }  # fmt: skip
        title = in_full(titles[kind], s=subject.name, c=counterpart.name, field=field)
        updated = random_day(self.rng, 2012, 2024, DAY)
        clock = f"{self.rng.randint(8, 18):02d}:{self.rng.randint(0, 59):02d}"
        abbreviation = UPDATE_MONTHS[updated.month - 1]
        if kind == "web_page" and language == "fr":
            stated = f"Dernière modification : {updated:%d/%m/%Y}"
        elif language == "fr":
            stated = f"Mis à jour le: {updated.day:02d} {abbreviation}. {updated.year} {clock}"
        else:
            stated = f"Last updated: {updated.day:02d} {abbreviation}. {updated.year} {clock}"
        facts = sorted(self.facts[block], key=lambda fact: fact.order)
        speaker = Speaker(language)
        sentences = [fact.render(speaker) for fact in facts]
        statements = []  # a sentence, or two that stay together
        for fact, sentence in zip(facts, sentences, strict=True):
            if fact.follows and statements:
                statements[-1] += f" {sentence}"
            else:
                statements.append(sentence)
        # Room for general sentences too, within 2 to 6 KB.
        length = sum(len(sentence) + 1 for sentence in sentences) + 250
        length = min(5800, max(length, self.rng.randint(2500, 5800)))
        plain = Speaker(language, tracking=False)
        names = {
            "subject": plain.say(short(subject.name), "le" if language == "fr" else "the"),
            "counterpart": plain.say(short(counterpart.name), "le" if language == "fr" else "the"),
        }
        writer = Writer(language, self.rng, self.seed)
        raw = writer.narrative(
            statements,
            length,
            heading=(title[0 if language == "fr" else 1], f"• {stated}"),
            names=names,
        )
        text = normalise(raw)
        host = (short(publisher.name).en or publisher.stem).lower()
        document = SourceDocument(
            slug=self.slug(title[1]),
            title_fr=title[0],
            title_en=title[1],
            publisher=publisher.record,
            language=language,
            kind=kind,
            url=f"https://www.{slugify(host)}.example/{language}/{slugify(title[1])}"
            if self.rng.random() < 0.6
            else "",
        )
        version = DocumentVersion(
            document=document,
            number=1,
            text=text,
            raw=raw,
            sha256=DocumentVersion.hash_text(text),
            retrieved_at=self.now,
            stated_update=updated,
            stated_update_text=stated,
            is_current=True,
        )
        self.documents.append(document)
        self.versions.append(version)
        self.cite(facts, sentences, version)

    def cite(self, facts: list[Fact], sentences: list[str], version: DocumentVersion):
        """Each claim's citations: the sentences written for it first, then the others that
        name it, in the order they were planned."""
        view, cursor = matching_view(version.text), 0
        places = {}
        for fact, sentence in zip(facts, sentences, strict=True):
            start = view.find(sentence, cursor)
            if start < 0:
                raise AssertionError(f"sentence not found in its document: {sentence!r}")
            cursor = start + len(sentence)
            places[id(fact)] = (sentence.removesuffix("."), view[max(0, start - 40) : start])
        by_claim: dict[int, list] = {}
        for fact in sorted(facts, key=lambda fact: fact.order[1]):
            for claim, claim_field in fact.claims:
                rank = 0 if fact.dedicated is claim else 1
                by_claim.setdefault(id(claim), [claim, []])[1].append((rank, fact, claim_field))
        for claim, candidates in by_claim.values():
            candidates.sort(key=lambda candidate: candidate[0])
            if len(candidates) < claim.citations:
                raise AssertionError(f"{claim.name.en}: too few sentences for its citations")
            for _rank, fact, claim_field in candidates[: claim.citations]:
                quote, prefix = places[id(fact)]
                self.citations.append((claim.record, version, quote, prefix, claim_field))
