"""Suggested facts, stored: read a document version with the extractor
(``suggestions/extraction/``), fed with every known partner and programme, and keep what
it proposes as ``Suggestion`` rows for curators to accept or reject
(``suggestions/deciding.py``).

A suggestion is not proposed when:
- a curator already decided on the same fingerprint (the same fact read in the same
  sentence), anywhere: rejected stays rejected, accepted is already a record;
- it is already on record: a participation of the same partner in the same programme; an
  event of the same date, at its precision, cited on a passage of this version that
  overlaps the sentence.

Pending suggestions point to the version they were read in. When the current version of a
document is read, the pending suggestions of its older versions are dropped: the new text
is read afresh, and decisions are remembered by fingerprint.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from documents.anchoring import AnchorError, MatchingText
from documents.models import Citation, DocumentVersion
from partners.models import Event, Partner, PartnerAlias
from periods.dates import PreciseDate
from periods.expressions import ENDED, UNTIL
from programmes.models import Participation, Programme
from suggestions.extraction.candidates import EVENT, NEW_PARTNER, NEW_PROGRAMME, PARTICIPATION
from suggestions.extraction.extractor import Extractor
from suggestions.extraction.lexicon import KnownRecord, Lexicon
from suggestions.models import Suggestion

KINDS = {
    PARTICIPATION: Suggestion.Kind.PARTICIPATION,
    EVENT: Suggestion.Kind.EVENT,
    NEW_PROGRAMME: Suggestion.Kind.NEW_PROGRAMME,
    NEW_PARTNER: Suggestion.Kind.NEW_PARTNER,
}


def _present(*values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def partner_record(partner: Partner) -> KnownRecord:
    """A partner as the extractor knows it: every name, in every language."""
    aliases = [alias.name for alias in partner.aliases.all()]
    return KnownRecord(
        partner.slug,
        names=_present(
            partner.name_fr,
            partner.name_en,
            partner.short_name_fr,
            partner.short_name_en,
            *aliases,
        ),
        acronyms=_present(partner.acronym_fr, partner.acronym_en),
    )


def programme_record(programme: Programme) -> KnownRecord:
    return KnownRecord(
        programme.slug,
        names=_present(programme.name_fr, programme.name_en),
        acronyms=_present(programme.acronym_fr, programme.acronym_en),
        run_by=programme.run_by.slug if programme.run_by_id else "",
    )


def known_lexicon(partner_slugs=None, programme_slugs=None) -> Lexicon:
    """The lexicon of every partner and programme, or of those with the given slugs."""
    partners = Partner.objects.prefetch_related(
        Prefetch("aliases", queryset=PartnerAlias.objects.only("partner_id", "name"))
    )
    programmes = Programme.objects.select_related("run_by")
    if partner_slugs is not None:
        partners = partners.filter(slug__in=partner_slugs)
    if programme_slugs is not None:
        programmes = programmes.filter(slug__in=programme_slugs)
    return Lexicon(
        partners=tuple(partner_record(p) for p in partners),
        programmes=tuple(programme_record(p) for p in programmes),
    )


def read_version(version: DocumentVersion, extractor: Extractor):
    """The extractor's candidates for ``version``, read with what its document says of
    itself: its publisher, its title (in its language), the date it states."""
    document = version.document
    title = getattr(document, f"title_{document.language}", "") or document.title
    reference = version.stated_update or timezone.localdate(
        version.retrieved_at or version.imported_at
    )
    return extractor.extract(
        version.text,
        publisher=document.publisher.slug,
        title=title,
        reference_date=reference,
    )


def fingerprint(candidate) -> str:
    """The same fact read in the same sentence: same fingerprint, on any version."""
    date = candidate.date
    parts = [
        candidate.kind,
        candidate.partner,
        candidate.programme,
        date.isoformat() if date else "",
        date.end_isoformat() if date else "",
        candidate.name,
        candidate.acronym,
        candidate.quote,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass
class SuggestionReport:
    created: Counter = field(default_factory=Counter)
    #: candidates not stored, by reason: "decided", "recorded", "pending"
    skipped: Counter = field(default_factory=Counter)
    dropped: int = 0

    @property
    def total(self) -> int:
        return sum(self.created.values())


def _recorded_events(version):
    """(date, precision, start, end) of every passage of ``version`` an event cites."""
    event_type = ContentType.objects.get_for_model(Event)
    cited = list(
        Citation.objects.filter(version=version, content_type=event_type).values_list(
            "object_id", "start", "end"
        )
    )
    dates = {
        pk: (day, precision)
        for pk, day, precision in Event.objects.filter(
            pk__in={pk for pk, _, _ in cited}
        ).values_list("pk", "start_date", "start_precision")
    }
    return [(*dates[pk], start, end) for pk, start, end in cited if pk in dates]


def suggest_facts(version: DocumentVersion, *, extractor: Extractor | None = None):
    """Read ``version`` and store what it suggests; returns a ``SuggestionReport``.
    Runs in the caller's transaction (``import_document``'s), or in its own."""
    extractor = extractor or Extractor(known_lexicon())
    report = SuggestionReport()
    with transaction.atomic():
        if version.is_current:
            stale = Suggestion.objects.pending().filter(version__document=version.document_id)
            _, deleted = stale.exclude(version=version).delete()
            report.dropped = deleted.get(Suggestion._meta.label, 0)
        candidates = read_version(version, extractor)
        fingerprints = [fingerprint(c) for c in candidates]
        decided = set(
            Suggestion.objects.filter(fingerprint__in=fingerprints)
            .filter(Q(version=version) | ~Q(status=Suggestion.Status.PENDING))
            .values_list("fingerprint", flat=True)
        )
        slugs = {c.partner for c in candidates} | {p for c in candidates for p in c.partners}
        partners = Partner.objects.in_bulk(slugs - {""}, field_name="slug")
        programmes = Programme.objects.in_bulk(
            {c.programme for c in candidates} - {""}, field_name="slug"
        )
        participating = set(
            Participation.objects.filter(
                partner__slug__in=partners, programme__slug__in=programmes
            ).values_list("partner__slug", "programme__slug")
        )
        events = _recorded_events(version)
        # Prepared once: a text's sentences are placed in it one after the other.
        text = MatchingText(version.text)
        new, named = [], []
        for candidate, candidate_fingerprint in zip(candidates, fingerprints, strict=True):
            if candidate_fingerprint in decided:
                report.skipped["decided"] += 1
                continue
            if _on_record(candidate, participating, events):
                report.skipped["recorded"] += 1
                continue
            suggestion = _suggestion(
                version, text, candidate, candidate_fingerprint, partners, programmes
            )
            if suggestion is None:
                continue
            decided.add(candidate_fingerprint)
            new.append(suggestion)
            named.append([partners[s] for s in candidate.partners if s in partners])
        Suggestion.objects.bulk_create(new)
        through = Suggestion.partners.through
        through.objects.bulk_create(
            through(suggestion_id=s.pk, partner_id=p.pk)
            for s, partners_named in zip(new, named, strict=True)
            for p in partners_named
        )
        report.created.update(s.kind for s in new)
    return report


def _on_record(candidate, participating, events) -> bool:
    if candidate.kind == PARTICIPATION:
        return (candidate.partner, candidate.programme) in participating
    if candidate.kind == EVENT:
        date = candidate.date
        return any(
            day == date.first_day
            and precision == date.precision
            and start < candidate.end
            and candidate.start < end
            for day, precision, start, end in events
        )
    return False


def _suggestion(
    version, text: MatchingText, candidate, candidate_fingerprint, partners, programmes
) -> Suggestion | None:
    prefix, suffix = text.context_at(candidate.start, candidate.end)
    try:
        anchor = text.anchor_quote(candidate.quote, prefix, suffix)
    except AnchorError:  # cannot happen with a sentence of the text; never store a bad one
        return None
    suggestion = Suggestion(
        version=version,
        kind=KINDS[candidate.kind],
        quote=anchor.quote,
        start=anchor.start,
        end=anchor.end,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        partner=partners.get(candidate.partner),
        programme=programmes.get(candidate.programme),
        role=candidate.role,
        event_kind=candidate.event_kind,
        name=candidate.name[:255],
        acronym=candidate.acronym[:32],
        confidence=candidate.confidence,
        fingerprint=candidate_fingerprint,
    )
    date = candidate.date
    if date is not None:
        first = PreciseDate(date.first_day, date.precision)
        last = PreciseDate(date.end_day, date.end_precision) if date.end_day else None
        if candidate.kind == PARTICIPATION and date.relation in (UNTIL, ENDED):
            # "achevé en 2011": when the participation ended
            suggestion.date_end = first
        else:
            suggestion.date, suggestion.date_end = first, last
    return suggestion
