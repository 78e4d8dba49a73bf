"""Planning the documents of a unit of synthetic records: sentences enough for every
claim's citations, the text that holds them, and the citations found in it."""

from collections import Counter

from django.utils.text import slugify

from documents.anchoring import matching_view, normalise
from documents.models import DocumentVersion, SourceDocument
from synthetic.grammar import Speaker, in_full
from synthetic.prose import Writer
from synthetic.records.dates import UPDATE_MONTHS, random_day
from synthetic.records.names import short
from synthetic.records.partner_planning import Planner
from synthetic.records.sentences import PARTICIPATION_MORE, PARTNER_FACTS, Fact
from synthetic.records.shape import CITATIONS, DAY, DOCUMENT_KINDS


class DocumentPlanner(Planner):
    """The document of each relationship, once the other planners have planned its facts
    (``programme_fact`` is ``ProgrammePlanner``'s)."""

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
            status=DocumentVersion.Status.PUBLISHED,
            published_at=self.now,
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
