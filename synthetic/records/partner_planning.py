"""Planning the partners of a unit of synthetic records, on the ``Planner`` that every part of
the planning shares (each kind's planner, and ``planning.Unit``, which runs them)."""

import random
from collections import Counter
from dataclasses import dataclass, field

from django.utils.text import slugify

from documents.models import DocumentVersion, SourceDocument
from editorial.models import PublicationState
from partners.models import Event, Partner, PartnerAlias
from synthetic.grammar import Name, in_french, in_full
from synthetic.phrasebook import FIELDS
from synthetic.places import Places
from synthetic.records.names import (
    CITY_ENDINGS,
    GOVERNMENT_BODIES,
    IO_NAMES,
    ORGANISATION_BODIES,
    OTHER_NAMES,
    REGION_ENDINGS,
    acronyms,
    short,
)
from synthetic.records.sentences import PARTNER_DESCRIPTIONS, Fact
from synthetic.records.shape import HOME, OTHERS, RELATIONSHIPS, SEED_COUNTS, SLUG_PREFIX


@dataclass
class Draft:
    """A record to be written, with what the sentences about it need."""

    record: object
    name: Name
    block: int
    citations: int = 1
    # Partners: other names, and the stem their names were made from.
    aliases: list = field(default_factory=list)
    stem: str = ""
    # Programmes: who runs it, its parent, its field of cooperation.
    runner: "Draft | None" = None
    parent: "Draft | None" = None
    topic: tuple = ("", "")


KINDS = {
    "state": Partner.Kind.STATE,
    "io": Partner.Kind.INTERNATIONAL_ORGANISATION,
    "gov": Partner.Kind.GOVERNMENT_BODY,
    "body": Partner.Kind.ORGANISATION_BODY,
    "territory": Partner.Kind.TERRITORY,
    "ngo": Partner.Kind.NGO,
    "research": Partner.Kind.RESEARCH_INSTITUTE,
    "other": Partner.Kind.OTHER,
}


class Planner:
    """What the planning of a unit keeps and shares (its random numbers, its records so
    far, the sentences of its documents), and its partners: names, aliases, ISO codes."""

    def __init__(self, number: int, seed: int, places: Places, slugs: set, iso_codes: list, now):
        self.rng = random.Random(f"synthetic-{seed}-{number}")
        self.seed, self.places, self.slugs, self.iso_codes = seed, places, slugs, iso_codes
        self.now = now
        self.partners: list[Draft] = []
        self.aliases: list[PartnerAlias] = []
        self.programmes: list[Draft] = []
        self.relationships: list[Draft] = []
        self.participations: list[Draft] = []
        self.events: list[Draft] = []
        self.event_partners: list[tuple[Event, Partner]] = []
        self.documents: list[SourceDocument] = []
        self.versions: list[DocumentVersion] = []
        # (claim, version, quote, prefix, field), anchored once the claims have ids
        self.citations: list[tuple] = []
        self.facts: list[list[Fact]] = [[] for _ in RELATIONSHIPS]
        self.sequence = 0
        # How often each other partner is named (to name them all in turn), and the
        # participations by (block, partner, programme).
        self.mentions: Counter = Counter()
        self.taking_part: dict[tuple, Draft] = {}

    # Helpers ---------------------------------------------------------------------------

    def slug(self, text: str, max_length: int = 100) -> str:
        base = (SLUG_PREFIX + slugify(text))[:max_length].rstrip("-")
        slug, number = base, 1
        while slug in self.slugs:
            number += 1
            slug = f"{base[: max_length - len(str(number)) - 1]}-{number}"
        self.slugs.add(slug)
        return slug

    def published(self) -> dict:
        return {
            "publication_state": PublicationState.PUBLISHED,
            "reviewed_at": self.now,
            "changed_at": self.now,
        }

    def field_pair(self) -> tuple[str, str]:
        index = self.rng.randrange(len(FIELDS["fr"]))
        return FIELDS["fr"][index], FIELDS["en"][index]

    def city(self) -> Name:
        stem = self.places.stem(self.rng)
        city = stem + self.rng.choice(CITY_ENDINGS)
        return Name(fr=city, en=city, article=False)

    def fact(self, block: int, pair, claims, year=None, after: Fact | None = None, **values):
        self.sequence += 1
        year = year if year is not None else self.rng.randint(1992, 2024)
        order = (*after.order[:2], self.sequence) if after else (year, self.sequence, 0)
        fact = Fact(pair[0], pair[1], values, claims, order=order, follows=after is not None)
        self.facts[block].append(fact)
        return fact

    # Partners --------------------------------------------------------------------------

    def add_partner(self, kind: str, name: Name, block: int, aliases, description, **fields):
        record = Partner(
            slug=self.slug(name.en),
            kind=KINDS[kind],
            name_fr=name.fr,
            name_en=name.en,
            acronym_fr=name.acronym_fr,
            acronym_en=name.acronym_en,
            description_fr=description[0],
            description_en=description[1],
            status=Partner.Status.ACTIVE,
            **fields,
            **self.published(),
        )
        names = [(alias, language) for alias, language in aliases if alias and alias != name.fr]
        draft = Draft(record, name, block, aliases=list(dict.fromkeys(names)))
        self.partners.append(draft)
        return draft

    def state(self, block: int, other: Name | None) -> Draft:
        stem = self.places.stem(self.rng)
        name = Name(fr=f"{stem}ie", en=f"{stem}ia", gender="f")
        iso = self.iso_codes.pop(0) if self.iso_codes else ""
        aliases = [
            (f"République de {name.fr}", "fr"),
            (f"Republic of {name.en}", "en"),
            (name.en, "en"),
            (f"{stem}ija", "sr"),
        ]
        description = in_full(PARTNER_DESCRIPTIONS["state"], s=other, field=self.field_pair())
        draft = self.add_partner("state", name, block, aliases, description, iso_code=iso)
        draft.stem = stem
        return draft

    def organisation(self, block: int) -> Draft:
        region = self.places.stem(self.rng) + self.rng.choice(REGION_ENDINGS)
        region = Name(fr=region, en=region, article=False)
        fr, en, es, gender = self.rng.choice(IO_NAMES)
        fr, en = in_full((fr, en), r=region)
        acronym_fr, acronym_en = acronyms(fr, en)
        name = Name(fr, en, gender, the=True, acronym_fr=acronym_fr, acronym_en=acronym_en)
        aliases = [(en, "en"), (es.format(r=region.fr), "es")]
        if acronym_fr == acronym_en:
            aliases.append((acronym_fr, ""))
        else:
            aliases += [(acronym_fr, "fr"), (acronym_en, "en")]
        description = in_full(
            PARTNER_DESCRIPTIONS["international_organisation"], field=self.field_pair()
        )
        draft = self.add_partner("io", name, block, aliases, description)
        draft.stem = region.fr
        return draft

    def government_body(self, block: int, key: str, state: Draft, host: Draft | None) -> Draft:
        head_fr, head_en, gender, local = GOVERNMENT_BODIES[key]
        country, stem = state.name, state.stem
        adjective = stem.lower() + ("ien" if gender == "m" else "ienne")
        fr = f"{head_fr} {in_french(country, 'de')}"
        en = f"{head_en} of {country.en}"
        short_fr, short_en = f"{head_fr} {adjective}", f"{stem}ian {head_en}"
        local = f"{local} {stem}ije"
        if key == "embassy" and host is not None:
            where = in_french(host.name, "en")
            fr, short_fr = f"{fr} {where}", f"{short_fr} {where}"
            en, short_en = f"{en} in {host.name.en}", f"{short_en} in {host.name.en}"
            local = f"{local} u {host.stem}iji"
        name = Name(fr, en, gender, the=True)
        aliases = [(short_fr, "fr"), (short_en, "en"), (en, "en"), (local, "sr")]
        description = in_full(
            PARTNER_DESCRIPTIONS["government_body"], c=country, field=self.field_pair()
        )
        return self.add_partner(
            "gov", name, block, aliases, description, short_name_fr=short_fr, short_name_en=short_en
        )

    def organisation_body(self, block: int, key: str, owner: Draft) -> Draft:
        head_fr, head_en, gender, head_es = ORGANISATION_BODIES[key]
        acronym = short(owner.name)
        fr = f"{head_fr} {in_french(acronym, 'de')}"
        en = f"{acronym.en} {head_en}"
        long_fr = f"{head_fr} {in_french(owner.name, 'de')}"
        long_en = f"{head_en} of the {owner.name.en}"
        name = Name(fr, en, gender, the=True)
        spanish = f"{head_es} de la {acronym.en}"
        aliases = [(en, "en"), (long_fr, "fr"), (long_en, "en"), (spanish, "es")]
        description = in_full(
            PARTNER_DESCRIPTIONS["organisation_body"], o=owner.name, field=self.field_pair()
        )
        return self.add_partner("body", name, block, aliases, description)

    def territory(self, block: int, subject: Draft) -> Draft:
        stem = self.places.stem(self.rng)
        name = Name(fr=f"{stem}ovo", en=f"{stem}ovo")
        aliases = [(f"Territoire du {name.fr}", "fr"), (f"{name.en} Territory", "en"),
                   (f"{stem}ovë", "sq")]  # fmt: skip
        description = in_full(
            PARTNER_DESCRIPTIONS["territory"], s=subject.name, field=self.field_pair()
        )
        return self.add_partner("territory", name, block, aliases, description)

    def named_body(self, kind: str, block: int, state: Draft, subject: Draft) -> Draft:
        fr, en, alias_fr, alias_en, local, gender = OTHER_NAMES[kind]
        values = {
            "c": state.name,
            "city": self.city(),
            "adjective_m": state.stem.lower() + "ien",
            "adjective_f": state.stem.lower() + "ienne",
            "adjective": f"{state.stem}ian",
            "genitive": f"{state.stem}ije",
        }
        fr, en = in_full((fr, en), **values)
        alias_fr, alias_en = in_full((alias_fr, alias_en), **values)
        local = in_full((local, local), **values)[0]
        name = Name(fr, en, gender, the=True)
        aliases = [(en, "en"), (alias_fr, "fr"), (alias_en, "en"), (local, "sr")]
        description_kind = {"research": "research_institute"}.get(kind, kind)
        description = in_full(
            PARTNER_DESCRIPTIONS[description_kind], s=subject.name, field=self.field_pair()
        )
        return self.add_partner(kind, name, block, aliases, description)

    def plan_partners(self):
        main: dict[str, Draft] = {}
        for letter in ("O", "C", "D"):
            main[letter] = self.organisation(HOME[letter])
        for letter in ("A", "B", "E"):
            main[letter] = self.state(HOME[letter], main["A" if letter == "E" else "O"].name)
        self.main = main
        self.sides = [(main[s], main[c]) for s, c in RELATIONSHIPS]
        self.others: list[list[Draft]] = []
        for block, specs in enumerate(OTHERS):
            subject, counterpart = self.sides[block]
            state = counterpart if counterpart.record.kind == Partner.Kind.STATE else main["A"]
            drafts = []
            for kind, *details in specs:
                if kind == "state":
                    drafts.append(self.state(block, subject.name))
                elif kind == "io":
                    drafts.append(self.organisation(block))
                elif kind == "gov":
                    key, owner = details
                    drafts.append(self.government_body(block, key, main[owner], main["A"]))
                elif kind == "body":
                    key, owner = details
                    drafts.append(self.organisation_body(block, key, main[owner]))
                elif kind == "territory":
                    drafts.append(self.territory(block, subject))
                else:
                    drafts.append(self.named_body(kind, block, state, subject))
            self.others.append(drafts)
        self.plan_aliases()

    def plan_aliases(self):
        """Three aliases each, four for 29 partners: 164, as in the seed."""
        extra = SEED_COUNTS["aliases"] - 3 * len(self.partners)
        eligible = [draft for draft in self.partners if len(draft.aliases) >= 4]
        chosen = {id(draft) for draft in self.rng.sample(eligible, extra)}
        for draft in self.partners:
            count = 4 if id(draft) in chosen else 3
            if len(draft.aliases) < count:
                raise ValueError(f"{draft.name.en}: too few aliases")
            self.aliases += [
                PartnerAlias(partner=draft.record, name=alias, language=language)
                for alias, language in draft.aliases[:count]
            ]

    def least_mentioned(self, block: int, besides: Draft | None = None) -> Draft:
        others = [draft for draft in self.others[block] if draft is not besides]
        return min(others, key=lambda draft: self.mentions[id(draft)])

    def shuffled(self, values: list) -> list:
        values = list(values)
        self.rng.shuffle(values)
        return values

    def home(self, draft: Draft, block: int) -> bool:
        return draft.block == block
